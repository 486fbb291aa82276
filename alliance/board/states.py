"""Transition tables of the Board app: seats, nominations, meetings, decisions, experts.

Each table says which action leads from which states to which, the audit verb it writes
and the policy rule (alliance/board/policy.py) the person must pass; actions whose rule is
None are taken only by the nightly `board_terms` command. docs/states/board.md shows them.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance.core.kernel import Action, Lapse, Machine

from .clock import end_of_day


class SeatStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    ENDED = "ended", _("Ended")
    RESIGNED = "resigned", _("Resigned")


S = SeatStatus


def _ended_fields(member) -> dict:
    # A co-chair whose term is over is no longer a co-chair.
    role = "member" if member.role == "co_chair" else member.role
    return {"ended_on": member.term_end, "role": role}


# A seat's term is over at the end of its last day (Geneva): the seat reads "ended" from
# then on, for every page and check; board_terms records it (and the board group).
TERM_END = Lapse("expire", due=lambda member: end_of_day(member.term_end), fields=_ended_fields)

SEAT = Machine(
    "board.BoardMember",
    SeatStatus,
    {
        # The secretariat corrects details (a new portfolio, a new address) whatever the
        # status: a past member's record stays accurate too.
        "edit": Action(S.values, None, "board_member.updated", rule="board.seat.manage"),
        "renew": Action([S.ACTIVE], None, "board_member.renewed", rule="board.seat.appoint"),
        "end": Action([S.ACTIVE], S.ENDED, "board_member.ended", rule="board.seat.manage"),
        "resign": Action([S.ACTIVE], S.RESIGNED, "board_member.resigned", rule="board.seat.manage"),
        # The person signs in with the seat's (verified) address.
        "link_account": Action(
            S.values, None, "board_member.account_linked", rule="board.seat.claim"
        ),
        # Nightly (manage.py board_terms): no person takes these.
        "expire": Action([S.ACTIVE], S.ENDED, "board_member.term_ended"),
        "remind": Action([S.ACTIVE], None, "board_member.term_reminder_sent"),
    },
    lapses=(TERM_END,),
)


class NominationStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    UNDER_REVIEW = "under_review", _("Under review")
    APPROVED = "approved", _("Approved (seated)")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


N = NominationStatus
NOMINATION_OPEN = [N.SUBMITTED, N.UNDER_REVIEW]
NOMINATION = Machine(
    "board.Nomination",
    NominationStatus,
    {
        "start_review": Action(
            [N.SUBMITTED], N.UNDER_REVIEW, "nomination.review_started", "board.nomination.review"
        ),
        "record_eligibility": Action(
            [N.UNDER_REVIEW],
            None,
            "nomination.eligibility_recorded",
            rule="board.nomination.review",
            refused=_("Eligibility is checked while the nomination is under review."),
        ),
        "approve": Action(
            [N.UNDER_REVIEW], N.APPROVED, "nomination.approved", "board.nomination.decide"
        ),
        "decline": Action(
            [N.UNDER_REVIEW], N.DECLINED, "nomination.declined", "board.nomination.decide"
        ),
        "withdraw": Action(
            NOMINATION_OPEN, N.WITHDRAWN, "nomination.withdrawn", "board.nomination.withdraw"
        ),
    },
)


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


def started(meeting) -> bool:
    """Attendance, minutes and decisions wait for the meeting to begin."""
    return meeting.starts_at <= timezone.now()


M = MeetingStatus
NOT_CANCELLED = [M.SCHEDULED, M.HELD]
TAKEN_PLACE = _("Decisions are recorded for a meeting that has taken place.")
MEETING = Machine(
    "board.Meeting",
    MeetingStatus,
    {
        "edit": Action([M.SCHEDULED], None, "meeting.updated", rule="board.meeting.manage"),
        "add_agenda_item": Action(
            [M.SCHEDULED], None, "meeting.agenda_item_added", rule="board.meeting.manage"
        ),
        "add_paper": Action(
            NOT_CANCELLED,
            None,
            "meeting.paper_added",
            rule="board.meeting.manage",
            refused=_("Papers cannot be added to a cancelled meeting."),
        ),
        "invite": Action(
            [M.SCHEDULED], None, "meeting.invitations_sent", rule="board.meeting.manage"
        ),
        "record_attendance": Action(
            NOT_CANCELLED,
            None,
            "meeting.attendance_recorded",
            rule="board.meeting.manage",
            when=started,
            refused=_("Attendance cannot be recorded for a cancelled meeting."),
        ),
        # Minutes mark the meeting as held; they can be corrected afterwards.
        "record_minutes": Action(
            NOT_CANCELLED,
            M.HELD,
            "meeting.minutes_recorded",
            rule="board.meeting.manage",
            when=started,
        ),
        # What can be done with a meeting that took place: its decisions are new rows,
        # audited as such (decision.recorded, decision.co_chairs_elected).
        "record_decision": Action(
            NOT_CANCELLED,
            None,
            "decision.recorded",
            rule="board.meeting.manage",
            when=started,
            refused=TAKEN_PLACE,
            refused_code="too_early",
        ),
        "elect_co_chairs": Action(
            NOT_CANCELLED,
            None,
            "decision.co_chairs_elected",
            rule="board.meeting.manage",
            when=started,
            refused=TAKEN_PLACE,
            refused_code="too_early",
        ),
        "cancel": Action([M.SCHEDULED], M.CANCELLED, "meeting.cancelled", "board.meeting.manage"),
    },
)


class DecisionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


D = DecisionStatus
FOLLOW_UP = "decision.status_changed"
DECISION = Machine(
    "board.Decision",
    DecisionStatus,
    {
        # One action per follow-up status, so that a chosen status names its action.
        "start": Action([D.OPEN, D.DONE], D.IN_PROGRESS, FOLLOW_UP, "board.decision.manage"),
        "complete": Action([D.OPEN, D.IN_PROGRESS], D.DONE, FOLLOW_UP, "board.decision.manage"),
        "drop": Action([D.OPEN, D.IN_PROGRESS], D.DROPPED, FOLLOW_UP, "board.decision.manage"),
        "reopen": Action([D.IN_PROGRESS, D.DROPPED], D.OPEN, FOLLOW_UP, "board.decision.manage"),
        # Publishing is a flag, not a state: a decision is published whatever its follow-up.
        "publish": Action(
            D.values,
            None,
            "decision.published",
            rule="board.decision.manage",
            when=lambda decision: not decision.is_published,
        ),
        "unpublish": Action(
            D.values,
            None,
            "decision.unpublished",
            rule="board.decision.manage",
            when=lambda decision: decision.is_published,
        ),
    },
)


class ExpertStatus(models.TextChoices):
    INVITED = "invited", _("Invited")
    APPLIED = "applied", _("Applied")
    APPROVED = "approved", _("Approved")
    DECLINED = "declined", _("Declined")
    LEFT = "left", _("Left the network")


E = ExpertStatus
EXPERT = Machine(
    "board.Expert",
    ExpertStatus,
    {
        # The invited person completes the application they were invited to.
        "apply": Action([E.INVITED], E.APPLIED, "expert.applied", "board.expert.apply"),
        "approve": Action([E.APPLIED], E.APPROVED, "expert.approved", "board.expert.decide"),
        "decline": Action(
            [E.INVITED, E.APPLIED], E.DECLINED, "expert.declined", "board.expert.decide"
        ),
        "leave": Action([E.APPROVED], E.LEFT, "expert.left", "board.expert.leave"),
    },
)


# The colour of a status tag on the pages (statuses of different tables share a colour).
STATUS_TAG = {
    "active": "tag-green",
    "upcoming": "tag-grey",
    "ended": "tag-grey",
    "resigned": "tag-grey",
    "under_review": "tag-yellow",
    "approved": "tag-green",
    "declined": "tag-red",
    "withdrawn": "tag-grey",
    "held": "tag-green",
    "cancelled": "tag-red",
    "in_progress": "tag-yellow",
    "done": "tag-green",
    "dropped": "tag-grey",
}
