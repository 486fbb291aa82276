"""The actions that were page-only (issue 13, part 1), for the people who take them: an
invitation accepted or revoked, Board seats linked, an expert's application, an expression
of interest edited, a joint declaration signed with the signatory's password. The same
services and rules as the pages; another person's object is 404."""

import json

import pytest

from alliance.accounts.models import Invitation, Membership, MembershipRole
from alliance.accounts.tests.factories import PASSWORD, MembershipFactory, UserFactory
from alliance.board.models import BoardMember, Expert
from alliance.board.tests.factories import BoardMemberFactory, ExpertFactory
from alliance.centres.models import CentreType
from alliance.core.models import AuditEvent
from alliance.joining import services as joining
from alliance.joining.tests.factories import AssessmentFactory, ExpressionFactory

from .http import bearer, post

pytestmark = pytest.mark.django_db


@pytest.fixture
def invitation(ministry, ministry_focal_point):
    return Invitation.objects.create(
        organisation=ministry, email="new@ministry.test", role=MembershipRole.MEMBER
    )


def test_the_invited_person_sees_and_accepts_their_invitation(client, invitation, ministry):
    invitee = UserFactory(email="new@ministry.test")
    headers = bearer(invitee)
    listed = client.get("/api/v1/invitations?status=pending", **headers).json()
    assert [row["id"] for row in listed["items"]] == [invitation.pk]
    assert listed["items"][0]["actions"] == ["accept"]
    response = post(client, f"/invitations/{invitation.pk}/actions/accept", **headers)
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "accepted"
    assert Membership.objects.filter(user=invitee, organisation=ministry).exists()
    again = post(client, f"/invitations/{invitation.pk}/actions/accept", **headers)
    assert again.status_code == 409
    assert again.json()["code"] == "invitation_invalid"


def test_someone_else_cannot_see_or_accept_an_invitation(client, invitation, stranger):
    headers = bearer(stranger)
    assert client.get(f"/api/v1/invitations/{invitation.pk}", **headers).status_code == 404
    assert post(client, f"/invitations/{invitation.pk}/actions/accept", **headers).status_code == (
        404
    )
    assert client.get("/api/v1/invitations", **headers).json()["count"] == 0
    invitation.refresh_from_db()
    assert invitation.status == "pending"


def test_the_focal_point_sends_and_revokes_but_the_invitee_cannot_revoke(
    client, ministry, ministry_focal_point
):
    headers = bearer(ministry_focal_point, HTTP_IDEMPOTENCY_KEY="invite-1")
    path = f"/organisations/{ministry.pk}/invitations"
    sent = post(client, path, {"email": "Colleague@Ministry.test"}, **headers)
    assert sent.status_code == 200, sent.content
    # A retried send does not send a second invitation.
    assert post(client, path, {"email": "Colleague@Ministry.test"}, **headers).json() == (
        sent.json()
    )
    assert Invitation.objects.filter(organisation=ministry).count() == 1
    pk = sent.json()["id"]
    invitee = UserFactory(email="colleague@ministry.test")
    refused = post(client, f"/invitations/{pk}/actions/revoke", **bearer(invitee))
    assert refused.status_code == 403
    revoked = post(client, f"/invitations/{pk}/actions/revoke", **bearer(ministry_focal_point))
    assert revoked.json()["status"] == "revoked"
    assert AuditEvent.objects.filter(verb="invitation.revoked").count() == 1


def test_a_member_cannot_invite(client, ministry, stranger):
    MembershipFactory(user=stranger, organisation=ministry, role=MembershipRole.MEMBER)
    path = f"/organisations/{ministry.pk}/invitations"
    assert post(client, path, {"email": "x@y.test"}, **bearer(stranger)).status_code == 404


def test_invitation_lists_refuse_unbounded_pages(client, stranger):
    for query in ("limit=1000", "offset=-1", "status=bogus", "sort=token"):
        assert client.get(f"/api/v1/invitations?{query}", **bearer(stranger)).status_code == 422


def test_a_person_links_the_board_seat_recorded_under_their_address(client, stranger):
    seat = BoardMemberFactory(email=stranger.email.upper(), user=None)
    other = BoardMemberFactory(email="someone@else.test", user=None)
    response = post(client, "/board/my/seats/link", **bearer(stranger))
    assert response.status_code == 200, response.content
    assert response.json()["linked"] == 1
    assert [s["id"] for s in response.json()["seats"]] == [seat.pk]
    assert BoardMember.objects.get(pk=other.pk).user is None
    # Nothing left to link: nothing happens, no second event.
    assert post(client, "/board/my/seats/link", **bearer(stranger)).json()["linked"] == 0
    assert AuditEvent.objects.filter(verb="board_member.account_linked").count() == 1


EXPERT = {
    "full_name": "Lucía Fernández",
    "areas": ["FORESIGHT"],
    "expertise": "Foresight for regulators",
    "languages": ["es", "en"],
    "availability": "limited",
}


def test_the_invited_expert_completes_their_application(client, secretariat_officer):
    expert = ExpertFactory(email="lucia@x.test", status="invited", languages="")
    user = UserFactory(email="lucia@x.test")
    response = post(client, "/board/my/expert-application", EXPERT, **bearer(user))
    assert response.status_code == 200, response.content
    assert response.json() == {
        "id": expert.pk,
        "full_name": "Lucía Fernández",
        "status": "applied",
        "areas": ["FORESIGHT"],
        "languages": ["en", "es"],
    }
    # Applied once: the table refuses a second application.
    assert post(client, "/board/my/expert-application", EXPERT, **bearer(user)).status_code == 409
    assert Expert.objects.count() == 1


def test_an_expert_application_uses_the_forms_rules(client, stranger):
    bad_area = post(
        client, "/board/my/expert-application", {**EXPERT, "areas": ["NOPE"]}, **bearer(stranger)
    )
    assert bad_area.status_code == 422
    assert "areas" in bad_area.json()["errors"]
    bad_country = post(
        client, "/board/my/expert-application", {**EXPERT, "country": "ZZ"}, **bearer(stranger)
    )
    assert bad_country.status_code == 422
    assert "country" in bad_country.json()["errors"]
    assert not Expert.objects.exists()


EDIT = {
    "instruments": ["host_centre"],
    "motivation": "A national centre for digital skills.",
    "contact_name": "Grace Banda",
    "contact_email": "grace@ministry.test",
}


def test_the_focal_point_edits_a_draft_expression_of_interest(
    client, ministry, ministry_focal_point, stranger
):
    expression = ExpressionFactory(organisation=ministry, created_by=ministry_focal_point)
    path = f"/api/v1/joining/expressions/{expression.pk}"
    body = json.dumps({**EDIT, "objectives": [], "scope": "national"})
    headers = bearer(ministry_focal_point)
    response = client.put(path, data=body, content_type="application/json", **headers)
    assert response.status_code == 200, response.content
    assert response.json()["motivation"] == EDIT["motivation"]
    assert "submit" in response.json()["actions"]
    other = client.put(path, data=body, content_type="application/json", **bearer(stranger))
    assert other.status_code == 404
    joining.expression_submit(expression_id=expression.pk, actor=ministry_focal_point)
    late = client.put(path, data=body, content_type="application/json", **headers)
    assert late.status_code == 409
    unknown = json.dumps({**EDIT, "objectives": ["NOPE"]})
    assert client.put(
        path, data=unknown, content_type="application/json", **headers
    ).status_code == (422)


@pytest.fixture
def drafted(ministry, secretariat_officer):
    assessment = AssessmentFactory(organisation=ministry, complete=True, status="completed")
    return joining.declaration_draft(
        assessment_id=assessment.pk,
        actor=secretariat_officer,
        centre_type=CentreType.objects.get(code="DIGITAL_TRANSFORMATION"),
        scope="national",
    )


@pytest.fixture
def signatory(ministry):
    user = UserFactory(email="minister@ministry.test", full_name="Grace Banda")
    MembershipFactory(user=user, organisation=ministry, role=MembershipRole.SIGNATORY)
    return user


SIGN = {"password": PASSWORD, "full_name": "Grace Banda", "confirm": True}


def test_the_signatory_signs_with_their_password(client, drafted, signatory):
    path = f"/joining/declarations/{drafted.pk}/sign"
    assert client.get(f"/api/v1/joining/declarations/{drafted.pk}", **bearer(signatory)).json()[
        "actions"
    ] == ["sign"]
    wrong = post(client, path, {**SIGN, "password": "guess"}, **bearer(signatory))
    assert wrong.status_code == 422
    assert wrong.json()["errors"]["password"] == ["The password is not correct."]
    unconfirmed = post(client, path, {**SIGN, "confirm": False}, **bearer(signatory))
    assert unconfirmed.status_code == 422
    drafted.refresh_from_db()
    assert drafted.status == "drafted"
    headers = bearer(signatory, HTTP_IDEMPOTENCY_KEY="sign-1")
    signed = post(client, path, SIGN, **headers)
    assert signed.status_code == 200, signed.content
    assert (signed.json()["status"], signed.json()["signatory_name"]) == (
        "signed_by_organisation",
        "Grace Banda",
    )
    assert post(client, path, SIGN, **headers)["Idempotent-Replayed"] == "true"
    assert AuditEvent.objects.filter(verb="declaration.signed").count() == 1
    assert post(client, path, SIGN, **bearer(signatory)).status_code == 409


def test_only_the_organisations_signatory_signs(client, drafted, ministry_focal_point, stranger):
    path = f"/joining/declarations/{drafted.pk}/sign"
    assert post(client, path, SIGN, **bearer(stranger)).status_code == 404
    focal = post(client, path, {**SIGN, "password": PASSWORD}, **bearer(ministry_focal_point))
    assert focal.status_code == 403
    drafted.refresh_from_db()
    assert drafted.status == "drafted"


COUNTERSIGN = {"password": PASSWORD}


@pytest.fixture
def signed(drafted, signatory):
    return joining.declaration_sign(
        declaration_id=drafted.pk, actor=signatory, signatory_name="Grace Banda"
    )


def test_the_director_countersigns_with_their_password(client, signed, director):
    path = f"/joining/staff/declarations/{signed.pk}/actions/countersign"
    missing = post(client, path, {}, **bearer(director))
    assert missing.status_code == 422
    assert "password" in missing.json()["errors"]
    wrong = post(client, path, {"password": "guess"}, **bearer(director))
    assert wrong.status_code == 422
    assert wrong.json()["errors"]["password"] == ["The password is not correct."]
    signed.refresh_from_db()
    assert signed.status == "signed_by_organisation"
    assert signed.countersigned_at is None
    headers = bearer(director, HTTP_IDEMPOTENCY_KEY="countersign-1")
    done = post(client, path, COUNTERSIGN, **headers)
    assert done.status_code == 200, done.content
    assert done.json()["status"] == "countersigned"
    assert post(client, path, COUNTERSIGN, **headers)["Idempotent-Replayed"] == "true"
    assert AuditEvent.objects.filter(verb="declaration.countersigned").count() == 1
    assert post(client, path, COUNTERSIGN, **bearer(director)).status_code == 409


def test_only_the_director_countersigns_even_with_a_password(
    client, signed, secretariat_officer, signatory
):
    path = f"/joining/staff/declarations/{signed.pk}/actions/countersign"
    # The right comes before the password: another person's guess is not even tried.
    officer = post(client, path, COUNTERSIGN, **bearer(secretariat_officer))
    assert (officer.status_code, officer.json()["code"]) == (403, "forbidden")
    assert (
        post(client, path, {"password": "guess"}, **bearer(secretariat_officer)).status_code == 403
    )
    assert post(client, path, COUNTERSIGN, **bearer(signatory)).status_code == 403
    signed.refresh_from_db()
    assert signed.status == "signed_by_organisation"


def test_the_password_is_tried_only_on_a_declaration_that_can_be_countersigned(
    client, drafted, director
):
    path = f"/joining/staff/declarations/{drafted.pk}/actions/countersign"
    refused = post(client, path, {"password": "guess"}, **bearer(director))
    assert refused.status_code == 409
