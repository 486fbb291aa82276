"""Board API for the secretariat and the Director: nominations (review, eligibility,
approve, decline), seats (edit, renew, end, resign), meetings (edit, agenda, invitations,
attendance, minutes, decisions, co-chairs, cancel), decisions' follow-up and publication,
and the expert network. Each action is one of the Board's transition tables (states.py),
through the services the Board's pages call (docs/api-actions.md)."""

from datetime import date

from django.http import Http404
from ninja import Router, Schema
from pydantic import AwareDatetime, Field

from alliance.accounts.auth import TokenAuth
from alliance.core.access import get_visible_or_404
from alliance.core.api_actions import Resource, actions_of, register
from alliance.core.policy import can
from alliance.core.schemas import RequiredTranslationsIn

from . import services
from .models import (
    AttendanceStatus,
    BoardMember,
    Decision,
    DecisionMethod,
    Expert,
    Meeting,
    MeetingFormat,
    MeetingKind,
)
from .permissions import get_nomination_for
from .states import DecisionStatus


class BoardStateOut(Schema):
    """Any object of the Board's tables: its id, current status and allowed actions."""

    id: int
    kind: str
    label: str
    status: str
    actions: list[str]


def _out(kind: str):
    def out(obj, user) -> dict:
        status = getattr(obj, "current_status", None) or obj.status
        return {
            "id": obj.pk,
            "kind": kind,
            "label": str(obj),
            "status": status,
            "actions": actions_of(obj, user),
        }

    return out


def _staff(queryset):
    """The Board's back office: the secretariat and the Director; 404 for anyone else."""

    def fetch(user, pk: int):
        if not can(user, "board.manage"):
            raise Http404
        return get_visible_or_404(queryset, pk=pk)

    return fetch


def _resource(name, path, id_name, model, fetch) -> Resource:
    return register(
        Resource(
            name=f"board_staff_{name}",
            path=f"/board/staff/{path}",
            id_name=id_name,
            model=model,
            fetch=fetch,
            out=_out(name),
            schema=BoardStateOut,
            tags=["board: staff"],
        )
    )


class BoardEligibilityIn(Schema):
    eligible: bool
    note: str = Field(max_length=5000)


class BoardTermIn(Schema):
    term_start: date
    term_end: date


class BoardReasonIn(Schema):
    reason: str = Field(max_length=5000)


class BoardRenewIn(Schema):
    term_end: date


class BoardEndIn(Schema):
    ended_on: date
    reason: str = Field("", max_length=5000)


class BoardMemberEditIn(Schema):
    """Only the fields given change."""

    full_name: str | None = Field(None, min_length=1, max_length=200)
    title: str | None = Field(None, max_length=200)
    email: str | None = Field(None, max_length=254)
    organisation_name: str | None = Field(None, max_length=200)
    biography: str | None = Field(None, max_length=10_000)


class BoardMeetingEditIn(Schema):
    starts_at: AwareDatetime
    ends_at: AwareDatetime
    title: RequiredTranslationsIn | None = None
    kind: MeetingKind | None = None
    format: MeetingFormat | None = None
    place: str | None = Field(None, max_length=200)
    online_url: str | None = Field(None, max_length=200)


class BoardAgendaItemIn(Schema):
    title: RequiredTranslationsIn
    presenter: str = Field("", max_length=200)


class BoardAttendanceIn(Schema):
    """Board member id -> attendance."""

    statuses: dict[int, AttendanceStatus] = Field(max_length=200)


class BoardMinutesIn(Schema):
    minutes: str = Field(max_length=200_000)


class BoardVoteIn(Schema):
    text: RequiredTranslationsIn
    method: DecisionMethod
    votes_for: int | None = Field(None, ge=0, le=1000)
    votes_against: int | None = Field(None, ge=0, le=1000)
    abstentions: int | None = Field(None, ge=0, le=1000)


class BoardDecisionIn(BoardVoteIn):
    follow_up_owner: str = Field("", max_length=200)
    due_date: date | None = None
    is_published: bool = False


class BoardCoChairsIn(BoardVoteIn):
    member_ids: list[int] = Field(min_length=1, max_length=2)
    is_published: bool = True


class BoardNoteIn(Schema):
    note: str = Field("", max_length=5000)


nominations = _resource(
    "nomination", "nominations", "nomination_id", "board.Nomination", get_nomination_for
)


@nominations.action("start_review")
def start_review(nomination, actor, payload):
    """Start reviewing a submitted nomination."""
    services.nomination_start_review(nomination_id=nomination.pk, actor=actor)


@nominations.action("record_eligibility", body=BoardEligibilityIn)
def record_eligibility(nomination, actor, payload):
    """Record whether the nominee is eligible, with a note."""
    services.nomination_record_eligibility(
        nomination_id=nomination.pk, actor=actor, eligible=payload.eligible, note=payload.note
    )


@nominations.action("approve", body=BoardTermIn)
def approve(nomination, actor, payload):
    """Approve the nomination: the nominee takes a seat for the term (the Director)."""
    services.nomination_approve(
        nomination_id=nomination.pk,
        actor=actor,
        term_start=payload.term_start,
        term_end=payload.term_end,
    )


@nominations.action("decline", body=BoardReasonIn)
def decline(nomination, actor, payload):
    """Decline the nomination, with the reason (the Director)."""
    services.nomination_decline(nomination_id=nomination.pk, actor=actor, reason=payload.reason)


@nominations.action("withdraw")
def withdraw(nomination, actor, payload):
    """Withdraw a nomination (the nominating organisation's signatory)."""
    services.nomination_withdraw(nomination_id=nomination.pk, actor=actor)


members = _resource(
    "member", "members", "member_id", "board.BoardMember", _staff(BoardMember.objects.all())
)


@members.action("edit", body=BoardMemberEditIn)
def member_edit(member, actor, payload):
    """Change the name, title or address of a seated member."""
    services.member_update(
        member_id=member.pk, actor=actor, **payload.model_dump(exclude_unset=True)
    )


@members.action("renew", body=BoardRenewIn)
def renew(member, actor, payload):
    """Renew the member's term to a new end date (the Director)."""
    services.member_renew(member_id=member.pk, actor=actor, term_end=payload.term_end)


@members.action("end", body=BoardEndIn)
def end(member, actor, payload):
    """End the seat early (a replacement), on its last day."""
    services.member_end(
        member_id=member.pk, actor=actor, ended_on=payload.ended_on, reason=payload.reason
    )


@members.action("resign", body=BoardEndIn)
def resign(member, actor, payload):
    """Record the member's resignation, on its last day."""
    services.member_end(
        member_id=member.pk,
        actor=actor,
        ended_on=payload.ended_on,
        reason=payload.reason,
        resigned=True,
    )


meetings = _resource(
    "meeting", "meetings", "meeting_id", "board.Meeting", _staff(Meeting.objects.all())
)


@meetings.action("edit", body=BoardMeetingEditIn)
def meeting_edit(meeting, actor, payload):
    """Reschedule or change a scheduled meeting (invited members get the new invitation)."""
    fields = payload.model_dump(exclude_unset=True)
    fields.setdefault("starts_at", payload.starts_at)
    fields.setdefault("ends_at", payload.ends_at)
    services.meeting_update(meeting_id=meeting.pk, actor=actor, **fields)


@meetings.action("add_agenda_item", body=BoardAgendaItemIn)
def add_agenda_item(meeting, actor, payload):
    """Add an item to the meeting's agenda."""
    services.agenda_item_add(
        meeting_id=meeting.pk, actor=actor, title=payload.title, presenter=payload.presenter
    )


@meetings.action("invite")
def invite(meeting, actor, payload):
    """Send the invitations (with a calendar file) to every current member."""
    services.meeting_invite(meeting_id=meeting.pk, actor=actor)


@meetings.action("record_attendance", body=BoardAttendanceIn)
def record_attendance(meeting, actor, payload):
    """Record who attended."""
    services.attendance_record(meeting_id=meeting.pk, actor=actor, statuses=payload.statuses)


@meetings.action("record_minutes", body=BoardMinutesIn)
def record_minutes(meeting, actor, payload):
    """Record the minutes of a meeting held."""
    services.minutes_record(meeting_id=meeting.pk, actor=actor, minutes=payload.minutes)


@meetings.action("record_decision", body=BoardDecisionIn)
def record_decision(meeting, actor, payload):
    """Record a decision of a meeting held (by consensus, or a vote with its counts)."""
    services.decision_record(meeting_id=meeting.pk, actor=actor, **payload.model_dump())


@meetings.action("elect_co_chairs", body=BoardCoChairsIn)
def elect_co_chairs(meeting, actor, payload):
    """Record the election of the co-chairs (one or two seated members)."""
    services.co_chairs_elect(meeting_id=meeting.pk, actor=actor, **payload.model_dump())


@meetings.action("cancel")
def meeting_cancel(meeting, actor, payload):
    """Cancel a scheduled meeting (invited members' calendars drop it)."""
    services.meeting_cancel(meeting_id=meeting.pk, actor=actor)


decisions = _resource(
    "decision", "decisions", "decision_id", "board.Decision", _staff(Decision.objects.all())
)


def _follow_up(name: str, status: str, doc: str):
    def run(decision, actor, payload):
        services.decision_set_status(decision_id=decision.pk, actor=actor, status=status)

    decisions.action(name, summary=doc)(run)


_follow_up("start", DecisionStatus.IN_PROGRESS, "Mark the decision's follow-up in progress.")
_follow_up("complete", DecisionStatus.DONE, "Mark the decision's follow-up done.")
_follow_up("drop", DecisionStatus.DROPPED, "Drop the decision's follow-up.")
_follow_up("reopen", DecisionStatus.OPEN, "Reopen the decision's follow-up.")


@decisions.action("publish")
def publish(decision, actor, payload):
    """Publish the decision on the public Board page."""
    services.decision_publish(decision_id=decision.pk, actor=actor, publish=True)


@decisions.action("unpublish")
def unpublish(decision, actor, payload):
    """Take the decision off the public Board page."""
    services.decision_publish(decision_id=decision.pk, actor=actor, publish=False)


experts = _resource("expert", "experts", "expert_id", "board.Expert", _staff(Expert.objects.all()))


@experts.action("approve", body=BoardNoteIn)
def expert_approve(expert, actor, payload):
    """Admit the applicant to the expert network."""
    services.expert_decide(expert_id=expert.pk, actor=actor, approve=True, note=payload.note)


@experts.action("decline", body=BoardNoteIn)
def expert_decline(expert, actor, payload):
    """Decline the application to the expert network."""
    services.expert_decide(expert_id=expert.pk, actor=actor, approve=False, note=payload.note)


@experts.action("leave")
def expert_leave(expert, actor, payload):
    """Take the expert off the network."""
    services.expert_leave(expert_id=expert.pk, actor=actor)


router = Router(tags=["board: staff"], auth=TokenAuth())
for resource in (nominations, members, meetings, decisions, experts):
    router.add_router("/", resource.router(TokenAuth()))

__all__ = ["router"]
