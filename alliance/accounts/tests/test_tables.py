"""Property-based test of the invitation table (alliance.core.tests.statemachine)."""

import pytest

from alliance.accounts import services
from alliance.accounts.models import Invitation, MembershipRole
from alliance.accounts.states import INVITATION
from alliance.accounts.tests.factories import MembershipFactory, UserFactory
from alliance.core.tests.statemachine import run_table

pytestmark = pytest.mark.django_db


def test_invitations_follow_their_table(ministry, ministry_focal_point, stranger):
    member = UserFactory(email="member@ministry.test")
    MembershipFactory(user=member, organisation=ministry, role=MembershipRole.MEMBER)
    counter = iter(range(10_000))

    def make():
        invitee = UserFactory(email=f"colleague{next(counter)}@ministry.test")
        invitation = Invitation.objects.create(
            organisation=ministry,
            email=invitee.email,
            role="member",
            invited_by=ministry_focal_point,
        )
        personas["invitee"] = invitee
        return invitation

    personas = {"focal point": ministry_focal_point, "member": member, "stranger": stranger}
    make_first = make()  # so that "invitee" is a persona from the start
    assert make_first.pk
    run_table(
        machine=INVITATION,
        make=make,
        personas=personas,
        steps={
            "accept": lambda i, a: services.invitation_accept(token=i.token, actor=a),
            "revoke": lambda i, a: services.invitation_revoke(invitation_id=i.pk, actor=a),
        },
    )
