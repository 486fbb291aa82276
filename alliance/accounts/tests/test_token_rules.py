"""Tokens: scopes, expiry, the owner's two-factor authentication, re-authentication to
create one, the last use shown; the Director's MFA rule for reviewers and Board members."""

from datetime import timedelta

import pytest
import time_machine
from allauth.mfa.models import Authenticator
from django.utils import timezone

from alliance.accounts.models import ApiToken, SecurityPolicy
from alliance.accounts.services import security_policy_set
from alliance.accounts.tokens import token_create
from alliance.core.models import AuditEvent
from alliance.core.states import PermissionRefused, TransitionRefused

from .reauth import reauthenticated

pytestmark = pytest.mark.django_db


def _bearer(raw):
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_a_read_token_reads_but_cannot_write(client, ministry_focal_point):
    _token, raw = token_create(actor=ministry_focal_point, name="reader", scope="read")
    assert client.get("/api/v1/me", **_bearer(raw)).status_code == 200
    refused = client.post("/api/v1/me/notifications/read-all", **_bearer(raw))
    assert refused.status_code == 403
    assert refused.json()["code"] == "token_read_only"
    assert "read only" in refused.json()["message"]


def test_a_write_token_may_write(client, ministry_focal_point):
    _token, raw = token_create(actor=ministry_focal_point, name="writer", scope="write")
    response = client.post("/api/v1/me/notifications/read-all", **_bearer(raw))
    assert response.status_code != 403 and response.status_code < 500


def test_an_expired_token_is_refused_with_a_reason(client, ministry_focal_point):
    _token, raw = token_create(actor=ministry_focal_point, name="old", days=30)
    with time_machine.travel(timezone.now() + timedelta(days=31)):
        response = client.get("/api/v1/me", **_bearer(raw))
    assert response.status_code == 401
    assert response.json()["code"] == "token_expired"


def test_a_token_lives_a_year_at_most(ministry_focal_point):
    with pytest.raises(TransitionRefused):
        token_create(actor=ministry_focal_point, name="forever", days=3650)


def test_staff_token_refused_while_mfa_is_required_and_not_set_up(
    client, settings, secretariat_officer
):
    _token, raw = token_create(actor=secretariat_officer, name="s", scope="write")
    assert client.get("/api/v1/me", **_bearer(raw)).status_code == 200
    settings.REQUIRE_STAFF_MFA = True
    for response in (
        client.get("/api/v1/me", **_bearer(raw)),
        client.post("/api/v1/me/notifications/read-all", **_bearer(raw)),
    ):
        assert response.status_code == 403
        assert response.json()["code"] == "mfa_required"
        assert "two-factor" in response.json()["message"]
    Authenticator.objects.create(user=secretariat_officer, type=Authenticator.Type.TOTP, data={})
    assert client.get("/api/v1/me", **_bearer(raw)).status_code == 200


def test_creating_a_token_asks_for_the_password_again(client, ministry_focal_point):
    client.force_login(ministry_focal_point)
    assert client.get("/en/api-tokens/").status_code == 200
    response = client.post("/en/api-tokens/", {"name": "x", "scope": "read", "days": "90"})
    assert response.status_code == 302
    assert "/accounts/reauthenticate/" in response["Location"]
    assert not ApiToken.objects.exists()
    reauthenticated(client, ministry_focal_point, seconds_ago=30)
    response = client.post("/en/api-tokens/", {"name": "x", "scope": "write", "days": "365"})
    assert response.status_code == 200
    token = ApiToken.objects.get()
    assert token.scope == "write"
    assert timedelta(days=364) < token.expires_at - timezone.now() <= timedelta(days=365)


def test_tokens_page_shows_the_header_scope_expiry_and_last_use(client, ministry_focal_point):
    _token, raw = token_create(actor=ministry_focal_point, name="nightly", scope="write")
    client.get("/api/v1/me", **_bearer(raw))
    client.force_login(ministry_focal_point)
    page = client.get("/en/api-tokens/").content.decode()
    assert "Authorization: Bearer &lt;token&gt;" in page
    assert "Read and write" in page and "Expires" in page
    assert "never" not in page.split("nightly", 1)[1].split("</tr>", 1)[0]


def test_last_use_is_written_at_most_once_a_minute(client, ministry_focal_point):
    token, raw = token_create(actor=ministry_focal_point, name="busy")
    client.get("/api/v1/me", **_bearer(raw))
    token.refresh_from_db()
    first = token.last_used_at
    client.get("/api/v1/me", **_bearer(raw))
    token.refresh_from_db()
    assert token.last_used_at == first
    with time_machine.travel(timezone.now() + timedelta(minutes=2)):
        client.get("/api/v1/me", **_bearer(raw))
    token.refresh_from_db()
    assert token.last_used_at > first


def test_director_requires_mfa_for_reviewers_and_board_members(client, director, reviewer):
    client.force_login(reviewer)
    dashboard = client.get("/en/dashboard/")
    assert dashboard.status_code == 200
    assert "/accounts/2fa/totp/activate" in dashboard.content.decode()  # offered
    _token, raw = token_create(actor=reviewer, name="r")
    assert client.get("/api/v1/me", **_bearer(raw)).status_code == 200

    reauthenticated(client, director)
    page = client.get("/en/staff/security/")
    assert page.status_code == 200
    client.post("/en/staff/security/", {"require_reviewer_board_mfa": "on"})
    assert SecurityPolicy.current().require_reviewer_board_mfa
    event = AuditEvent.objects.get(verb="security_policy.changed")
    assert event.actor == director

    client.force_login(reviewer)
    response = client.get("/en/dashboard/")
    assert response.status_code == 302
    assert "/accounts/2fa/totp/activate" in response["Location"]
    refused = client.get("/api/v1/me", **_bearer(raw))
    assert refused.status_code == 403 and refused.json()["code"] == "mfa_required"


def test_only_the_director_changes_the_security_policy(client, secretariat_officer, reviewer):
    for user in (secretariat_officer, reviewer):
        client.force_login(user)
        assert client.get("/en/staff/security/").status_code == 403
        assert (
            client.post("/en/staff/security/", {"require_reviewer_board_mfa": "on"}).status_code
            == 403
        )
    with pytest.raises(PermissionRefused):
        security_policy_set(actor=secretariat_officer, require_reviewer_board_mfa=True)
    assert not SecurityPolicy.current().require_reviewer_board_mfa
