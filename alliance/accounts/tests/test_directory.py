import pytest

from alliance.accounts.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_secretariat_lists_and_filters_organisations_in_few_queries(
    client, secretariat_officer, django_assert_max_num_queries
):
    OrganisationFactory.create_batch(60, country="KE", kind="academia")
    OrganisationFactory(
        name="Tanzania Communications Regulatory Authority", acronym="TCRA", country="TZ"
    )
    client.force_login(secretariat_officer)
    with django_assert_max_num_queries(12):
        body = client.get("/en/staff/organisations/").content.decode()
    assert "61 organisations" in body
    assert "Page 1 of 2" in body
    found = client.get("/en/staff/organisations/", {"q": "tcra"}).content.decode()
    assert "1 organisation" in found
    assert "Tanzania Communications Regulatory Authority" in found
    africa = client.get(
        "/en/staff/organisations/", {"kind": "academia", "region": "1"}
    ).content.decode()
    assert "60 organisations" in africa


def test_applicants_cannot_see_the_directory(client, ministry_focal_point):
    client.force_login(ministry_focal_point)
    assert client.get("/en/staff/organisations/").status_code == 403


def test_staff_can_open_any_organisation(client, lab_expert, ministry):
    client.force_login(lab_expert)
    assert client.get(f"/en/organisations/{ministry.pk}/").status_code == 200
