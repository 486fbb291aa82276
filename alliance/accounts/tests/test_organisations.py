import re

import pytest
from django.core import mail

from alliance.accounts.models import Invitation, Membership, MembershipRole, Organisation
from alliance.accounts.services import invitation_send, membership_change_role
from alliance.accounts.tests.factories import MembershipFactory, UserFactory
from alliance.core.models import AuditEvent
from alliance.core.states import TransitionRefused

pytestmark = pytest.mark.django_db


def test_registering_an_organisation_makes_the_creator_its_focal_point(client, stranger):
    client.force_login(stranger)
    response = client.post(
        "/en/organisations/new/",
        {
            "name": "Malawi Communications Regulatory Authority",
            "acronym": "MACRA",
            "kind": "regulator",
            "country": "MW",
            "itu_membership": "sector_member",
            "website": "",
            "description": "",
        },
    )
    organisation = Organisation.objects.get(acronym="MACRA")
    assert response["Location"] == f"/en/organisations/{organisation.pk}/"
    assert (
        Membership.objects.get(user=stranger, organisation=organisation).role
        == MembershipRole.FOCAL_POINT
    )
    assert AuditEvent.objects.filter(
        verb="organisation.created", object_id=str(organisation.pk)
    ).exists()


def test_invalid_organisation_keeps_what_was_typed(client, stranger):
    client.force_login(stranger)
    response = client.post(
        "/en/organisations/new/", {"name": "Half typed", "kind": "", "country": "MW"}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert 'value="Half typed"' in body
    assert 'href="#id_kind"' in body  # the error summary links to the field
    assert not Organisation.objects.filter(name="Half typed").exists()


def test_another_organisations_profile_is_a_404(client, ministry, university_focal_point):
    client.force_login(university_focal_point)
    assert client.get(f"/en/organisations/{ministry.pk}/").status_code == 404
    assert client.get(f"/en/organisations/{ministry.pk}/edit/").status_code == 404
    assert (
        client.post(
            f"/en/organisations/{ministry.pk}/invite/", {"email": "x@y.test", "role": "member"}
        ).status_code
        == 404
    )


def test_a_plain_member_sees_but_cannot_manage(client, ministry):
    member = UserFactory()
    MembershipFactory(user=member, organisation=ministry, role=MembershipRole.MEMBER)
    client.force_login(member)
    page = client.get(f"/en/organisations/{ministry.pk}/")
    assert page.status_code == 200
    assert "Invite a colleague" not in page.content.decode()
    assert client.get(f"/en/organisations/{ministry.pk}/edit/").status_code == 404


def test_invitation_email_link_lets_the_colleague_join(
    client, ministry, ministry_focal_point, django_capture_on_commit_callbacks
):
    client.force_login(ministry_focal_point)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/en/organisations/{ministry.pk}/invite/",
            {"email": "Colleague@Ministry.test", "role": "signatory"},
        )
    assert mail.outbox[0].to == ["colleague@ministry.test"]
    path = re.search(r"http://\S+?(/en/invitations/\S+/)", mail.outbox[0].body).group(1)

    colleague = UserFactory(email="colleague@ministry.test")
    client.force_login(colleague)
    response = client.post(path)
    assert response["Location"] == f"/en/organisations/{ministry.pk}/"
    assert (
        Membership.objects.get(user=colleague, organisation=ministry).role
        == MembershipRole.SIGNATORY
    )
    # The link works once.
    assert client.post(path, follow=True).status_code == 200
    assert Membership.objects.filter(user=colleague).count() == 1


def test_invitation_for_someone_else_is_refused(client, ministry, ministry_focal_point, stranger):
    invitation = invitation_send(
        organisation=ministry, actor=ministry_focal_point, email="other@x.test", role="member"
    )
    client.force_login(stranger)
    response = client.post(f"/en/invitations/{invitation.token}/", follow=True)
    assert "This invitation was sent to other@x.test" in response.content.decode()
    assert not Membership.objects.filter(user=stranger).exists()


def test_inviting_twice_is_refused_with_a_reason(ministry, ministry_focal_point):
    invitation_send(
        organisation=ministry, actor=ministry_focal_point, email="a@b.test", role="member"
    )
    with pytest.raises(TransitionRefused, match="already waiting"):
        invitation_send(
            organisation=ministry, actor=ministry_focal_point, email="A@b.test", role="member"
        )
    assert Invitation.objects.count() == 1


def test_the_last_focal_point_cannot_step_down(ministry, ministry_focal_point):
    membership = Membership.objects.get(user=ministry_focal_point)
    with pytest.raises(TransitionRefused, match="at least one focal point"):
        membership_change_role(
            membership_id=membership.pk, actor=ministry_focal_point, role="member"
        )
    membership.refresh_from_db()
    assert membership.role == MembershipRole.FOCAL_POINT
    assert not AuditEvent.objects.filter(verb="membership.role_changed").exists()


def test_dashboard_lists_my_organisations(
    client, ministry_focal_point, django_assert_max_num_queries
):
    client.force_login(ministry_focal_point)
    with django_assert_max_num_queries(15):
        body = client.get("/en/dashboard/").content.decode()
    assert "Ministry of ICT (MICT)" in body
