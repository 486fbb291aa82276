"""Property-based tests of the Board's transition tables (alliance.core.tests.statemachine):
random sequences of the real services by random people never leave the tables, refused
steps leave no trace, and every step taken writes one audit event about the object."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.files.base import ContentFile

from alliance.accounts.tests.factories import UserFactory
from alliance.board import services
from alliance.board.models import BoardMember, Expert, ExpertArea
from alliance.board.states import DECISION, EXPERT, MEETING, NOMINATION, SEAT
from alliance.core.states import TransitionRefused
from alliance.core.tests.statemachine import run_table

from .factories import (
    BoardMemberFactory,
    DecisionFactory,
    ExpertFactory,
    MeetingFactory,
    NominationFactory,
)

pytestmark = pytest.mark.django_db
GENEVA = ZoneInfo("Europe/Zurich")


@pytest.fixture
def seated(db):
    """A Board member with an account, seated from 2024 for good."""
    user = UserFactory(email="seated@board.test")
    BoardMemberFactory(full_name="Seated member", user=user, email=user.email, term_end=None)
    return user


@pytest.fixture
def personas(secretariat_officer, director, ministry_signatory, ministry_focal_point, seated):
    return {
        "secretariat": secretariat_officer,
        "director": director,
        "signatory": ministry_signatory,
        "focal point": ministry_focal_point,
        "board member": seated,
        "stranger": UserFactory(email="nobody@else.test"),
    }


def test_seats_follow_their_table(personas):
    holder = UserFactory(email="holder@board.test")
    people = {**personas, "seat holder": holder}

    def make():
        # One seat of the holder at a time: earlier examples' seats would overlap renewals.
        BoardMember.objects.filter(email=holder.email).delete()
        return BoardMemberFactory(
            full_name="Holder of the seat", email=holder.email, term_end=date(2027, 2, 14)
        )

    def link(seat, actor):
        if services.link_account(user=actor) == 0:
            raise TransitionRefused("No seat of this address is waiting for an account.")

    run_table(
        machine=SEAT,
        make=make,
        personas=people,
        steps={
            "edit": lambda s, a: services.member_update(member_id=s.pk, actor=a, title="Minister"),
            "renew": lambda s, a: services.member_renew(
                member_id=s.pk, actor=a, term_end=(s.term_end or date(2030, 1, 1)) + timedelta(365)
            ),
            "end": lambda s, a: services.member_end(
                member_id=s.pk, actor=a, ended_on=s.term_start, reason="Replaced"
            ),
            "resign": lambda s, a: services.member_end(
                member_id=s.pk, actor=a, ended_on=s.term_start, resigned=True
            ),
            "link_account": link,
        },
    )


def test_nominations_follow_their_table(ministry, personas):
    run_table(
        machine=NOMINATION,
        make=lambda: NominationFactory(organisation=ministry),
        personas=personas,
        steps={
            "start_review": lambda n, a: services.nomination_start_review(
                nomination_id=n.pk, actor=a
            ),
            "record_eligibility": lambda n, a: services.nomination_record_eligibility(
                nomination_id=n.pk, actor=a, eligible=True, note="ITU Member State."
            ),
            "approve": lambda n, a: services.nomination_approve(
                nomination_id=n.pk,
                actor=a,
                term_start=n.proposed_term_start,
                term_end=n.proposed_term_end,
            ),
            "decline": lambda n, a: services.nomination_decline(
                nomination_id=n.pk, actor=a, reason="Not eligible."
            ),
            "withdraw": lambda n, a: services.nomination_withdraw(nomination_id=n.pk, actor=a),
        },
    )


def _edit(meeting, actor):
    fields = {
        name: getattr(meeting, name)
        for name in [
            "title",
            "kind",
            "format",
            "place",
            "online_url",
            "starts_at",
            "ends_at",
            "time_zone",
        ]
    }
    fields["place"] = "Room A" if meeting.place != "Room A" else "Room B"
    return services.meeting_update(meeting_id=meeting.pk, actor=actor, **fields)


def test_meetings_follow_their_table(personas, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    # The meeting took place (the seated member sat on that day), so every action applies.
    run_table(
        machine=MEETING,
        make=lambda: MeetingFactory(starts_at=datetime(2024, 3, 19, 9, 30, tzinfo=GENEVA)),
        personas=personas,
        steps={
            "edit": lambda m, a: _edit(m, a),
            "add_agenda_item": lambda m, a: services.agenda_item_add(
                meeting_id=m.pk, actor=a, title={"en": "Work plan", "fr": "Plan de travail"}
            ),
            "add_paper": lambda m, a: services.document_add(
                meeting_id=m.pk,
                actor=a,
                title="Draft work plan",
                file=ContentFile(b"%PDF-1.4 plan", name="plan.pdf"),
            ),
            "invite": lambda m, a: services.meeting_invite(meeting_id=m.pk, actor=a),
            "record_attendance": lambda m, a: services.attendance_record(
                meeting_id=m.pk,
                actor=a,
                statuses={pk: "present" for pk in m.attendances.values_list("pk", flat=True)},
            ),
            "record_minutes": lambda m, a: services.minutes_record(
                meeting_id=m.pk, actor=a, minutes="Opened by the Chair."
            ),
            "cancel": lambda m, a: services.meeting_cancel(meeting_id=m.pk, actor=a),
        },
    )


def test_decisions_follow_their_table(personas):
    meeting = MeetingFactory()

    def follow_up(status):
        return lambda d, a: services.decision_set_status(decision_id=d.pk, actor=a, status=status)

    run_table(
        machine=DECISION,
        make=lambda: DecisionFactory(meeting=meeting),
        personas=personas,
        steps={
            "start": follow_up("in_progress"),
            "complete": follow_up("done"),
            "drop": follow_up("dropped"),
            "reopen": follow_up("open"),
            "publish": lambda d, a: services.decision_publish(decision_id=d.pk, actor=a),
            "unpublish": lambda d, a: services.decision_publish(
                decision_id=d.pk, actor=a, publish=False
            ),
        },
    )


def test_experts_follow_their_table(personas):
    invitee = UserFactory(email="invited.expert@experts.test")
    people = {**personas, "invited expert": invitee}
    areas = ExpertArea.objects.filter(code="POLICY")

    def make():
        Expert.objects.filter(email=invitee.email).delete()
        return ExpertFactory(status="invited", email=invitee.email, full_name="Invited expert")

    def apply(expert, actor):
        applied = services.expert_apply(
            actor=actor,
            areas=areas,
            languages=["en"],
            full_name="Invited expert",
            organisation_name="",
            country="",
            expertise="Regulatory sandboxes",
            availability="available",
        )
        if applied.pk != expert.pk:
            # Someone else applied for themselves: not a step of this expert's record.
            raise TransitionRefused("Another person's application.")

    run_table(
        machine=EXPERT,
        make=make,
        personas=people,
        steps={
            "apply": apply,
            "approve": lambda e, a: services.expert_decide(expert_id=e.pk, actor=a, approve=True),
            "decline": lambda e, a: services.expert_decide(
                expert_id=e.pk, actor=a, approve=False, note="Outside the seven areas."
            ),
            "leave": lambda e, a: services.expert_leave(expert_id=e.pk, actor=a),
        },
    )
