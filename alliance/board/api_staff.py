"""Board API for the secretariat and the Director: nominations (review, eligibility,
approve, decline), seats (edit, renew, end, resign), meetings (edit, agenda, invitations,
attendance, minutes, decisions, co-chairs, cancel), decisions' follow-up and publication,
and the expert network. Each action is one of the Board's transition tables (states.py),
through the services the Board's pages call (docs/api-actions.md)."""

from datetime import date

from django.http import Http404
from ninja import Schema
from pydantic import AwareDatetime, Field

from alliance.accounts.auth import TokenAuth
from alliance.core.access import get_visible_or_404
from alliance.core.api_actions import (
    form_values,
    mount,
    resource_family,
    state_schema,
    step,
)
from alliance.core.policy import can
from alliance.core.schemas import RequiredTranslationsIn

from . import services
from .forms import DocumentForm
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

BoardStateOut = state_schema(
    "BoardStateOut", "Any object of the Board's tables: its id, current status and allowed actions."
)


def _staff(queryset):
    """The Board's back office: the secretariat and the Director; 404 for anyone else."""

    def fetch(user, pk: int):
        if not can(user, "board.manage"):
            raise Http404
        return get_visible_or_404(queryset, pk=pk)

    return fetch


_resource = resource_family(
    prefix="board_staff", base="/board/staff", schema=BoardStateOut, tags=["board: staff"]
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
    """Only the fields given change. None of them may be null: a member always has a name
    and an address, and an empty title or biography is the empty string (a null was a 500)."""

    full_name: str = Field(None, min_length=1, max_length=200)
    title: str = Field(None, max_length=200)
    email: str = Field(None, max_length=254)
    organisation_name: str = Field(None, max_length=200)
    biography: str = Field(None, max_length=10_000)


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


nominations.steps(
    services,
    {
        "start_review": step("nomination_start_review", "Start reviewing a submitted nomination."),
        "record_eligibility": step(
            "nomination_record_eligibility",
            "Record whether the nominee is eligible, with a note.",
            BoardEligibilityIn,
        ),
        "approve": step(
            "nomination_approve",
            "Approve the nomination: the nominee takes a seat for the term (the Director).",
            BoardTermIn,
        ),
        "decline": step(
            "nomination_decline",
            "Decline the nomination, with the reason (the Director).",
            BoardReasonIn,
        ),
        "withdraw": step(
            "nomination_withdraw",
            "Withdraw a nomination (the nominating organisation's signatory).",
        ),
    },
)


members = _resource(
    "member", "members", "member_id", "board.BoardMember", _staff(BoardMember.objects.all())
)


@members.action("edit", body=BoardMemberEditIn)
def member_edit(member, actor, payload):
    """Change the name, title or address of a seated member."""
    services.member_update(
        member_id=member.pk, actor=actor, **payload.model_dump(exclude_unset=True)
    )


members.steps(
    services,
    {
        "renew": step(
            "member_renew",
            "Renew the member's term to a new end date (the Director).",
            BoardRenewIn,
        ),
        "end": step(
            "member_end", "End the seat early (a replacement), on its last day.", BoardEndIn
        ),
        "resign": step(
            "member_end",
            "Record the member's resignation, on its last day.",
            BoardEndIn,
            resigned=True,
        ),
    },
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


class BoardPaperIn(Schema):
    title: str = Field(min_length=1, max_length=250)
    agenda_item_id: int | None = None


@meetings.action("add_paper", body=BoardPaperIn, files=("file",))
def add_paper(meeting, actor, payload, files):
    """Add a Board paper (multipart: `title`, optional `agenda_item_id`, `file`): the page's
    rules, PDF, office document or text, 20 MB at most, scanned. Members can read it now."""
    data = {"title": payload.title, "agenda_item": payload.agenda_item_id or ""}
    cleaned = form_values(DocumentForm, data, files, meeting=meeting)
    services.document_add(meeting_id=meeting.pk, actor=actor, **cleaned)


meetings.steps(
    services,
    {
        "invite": step(
            "meeting_invite", "Send the invitations (with a calendar file) to every current member."
        ),
        "record_attendance": step("attendance_record", "Record who attended.", BoardAttendanceIn),
        "record_minutes": step(
            "minutes_record", "Record the minutes of a meeting held.", BoardMinutesIn
        ),
        "record_decision": step(
            "decision_record",
            "Record a decision of a meeting held (by consensus, or a vote with its counts).",
            BoardDecisionIn,
        ),
        "elect_co_chairs": step(
            "co_chairs_elect",
            "Record the election of the co-chairs (one or two seated members).",
            BoardCoChairsIn,
        ),
        "cancel": step(
            "meeting_cancel", "Cancel a scheduled meeting (invited members' calendars drop it)."
        ),
    },
)


decisions = _resource(
    "decision", "decisions", "decision_id", "board.Decision", _staff(Decision.objects.all())
)


decisions.steps(
    services,
    {
        "start": step(
            "decision_set_status",
            "Mark the decision's follow-up in progress.",
            status=DecisionStatus.IN_PROGRESS,
        ),
        "complete": step(
            "decision_set_status", "Mark the decision's follow-up done.", status=DecisionStatus.DONE
        ),
        "drop": step(
            "decision_set_status", "Drop the decision's follow-up.", status=DecisionStatus.DROPPED
        ),
        "reopen": step(
            "decision_set_status", "Reopen the decision's follow-up.", status=DecisionStatus.OPEN
        ),
        "publish": step(
            "decision_publish", "Publish the decision on the public Board page.", publish=True
        ),
        "unpublish": step(
            "decision_publish", "Take the decision off the public Board page.", publish=False
        ),
    },
)

experts = _resource("expert", "experts", "expert_id", "board.Expert", _staff(Expert.objects.all()))
experts.steps(
    services,
    {
        "approve": step(
            "expert_decide", "Admit the applicant to the expert network.", BoardNoteIn, approve=True
        ),
        "decline": step(
            "expert_decide",
            "Decline the application to the expert network.",
            BoardNoteIn,
            approve=False,
        ),
        "leave": step("expert_leave", "Take the expert off the network."),
    },
)

router = mount(
    (nominations, members, meetings, decisions, experts), tags=["board: staff"], auth=TokenAuth
)

__all__ = ["router"]
