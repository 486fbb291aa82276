import pytest
from allauth.mfa.models import Authenticator

pytestmark = pytest.mark.django_db


@pytest.fixture
def require_mfa(settings):
    settings.REQUIRE_STAFF_MFA = True


def test_staff_without_two_factor_are_sent_to_set_it_up(client, require_mfa, secretariat_officer):
    client.force_login(secretariat_officer)
    response = client.get("/en/staff/audit/")
    assert response.status_code == 302
    assert "/accounts/2fa/totp/activate" in response["Location"]
    # allauth asks for the password again before showing the set-up page.
    assert client.get(response["Location"], follow=True).status_code == 200


def test_staff_with_two_factor_get_through(client, require_mfa, secretariat_officer):
    Authenticator.objects.create(user=secretariat_officer, type=Authenticator.Type.TOTP, data={})
    client.force_login(secretariat_officer)
    assert client.get("/en/staff/audit/").status_code == 200


def test_applicants_are_not_asked_for_two_factor(client, require_mfa, ministry_focal_point):
    client.force_login(ministry_focal_point)
    assert client.get("/en/dashboard/").status_code == 200
