"""Meetings: scheduling, agenda and papers, invitations, attendance, minutes, decisions."""

from datetime import date, datetime

from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.accounts.models import User
from alliance.core import kernel, policy
from alliance.core.i18n import audit_value
from alliance.core.states import TransitionRefused
from alliance.core.uploads import validate_upload

from ..clock import meeting_day
from ..models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    BoardMember,
    BoardRole,
    Decision,
    DecisionKind,
    DecisionMethod,
    Meeting,
    MeetingDocument,
)
from ..selectors import members_on
from ..states import DECISION, TAKEN_PLACE, started

MEETING_FIELDS = [
    "title",
    "kind",
    "format",
    "place",
    "online_url",
    "starts_at",
    "ends_at",
    "time_zone",
]
# A change to any of these makes the calendar entry members already hold wrong, so the
# invitation is sent again (same UID, next SEQUENCE). A new title alone is not worth an email.
SCHEDULE_FIELDS = ["starts_at", "ends_at", "place", "online_url"]


def _snapshot(meeting: Meeting) -> dict:
    return {f: audit_value(getattr(meeting, f)) for f in [*MEETING_FIELDS, "status"]}


def _check_times(starts_at: datetime, ends_at: datetime) -> None:
    if ends_at <= starts_at:
        raise TransitionRefused(
            _("The meeting must end after it starts."), code="invalid_meeting_time"
        )


@transaction.atomic
def meeting_schedule(*, actor: User, **fields) -> Meeting:
    policy.require(actor, "board.meeting.manage")
    _check_times(fields["starts_at"], fields["ends_at"])
    meeting = Meeting(**fields)
    meeting.full_clean()
    return kernel.create(meeting, actor=actor, verb="meeting.scheduled", after=_snapshot(meeting))


@transaction.atomic
def meeting_update(*, meeting_id: int, actor: User, **fields) -> Meeting:
    meeting = kernel.lock(Meeting, meeting_id)
    kernel.check(meeting, "edit", actor)
    _check_times(fields["starts_at"], fields["ends_at"])
    before = _snapshot(meeting)
    rescheduled = any(
        name in fields and fields[name] != getattr(meeting, name) for name in SCHEDULE_FIELDS
    )
    changes = {**fields, "sequence": meeting.sequence + 1 if rescheduled else meeting.sequence}
    for name, value in changes.items():
        setattr(meeting, name, value)
    meeting.full_clean()
    # The edit itself tells nobody; members already invited get the invitation again below,
    # each with their own calendar file.
    kernel.transition(
        meeting,
        "edit",
        actor=actor,
        fields=changes,
        before=before,
        after=_snapshot(meeting),
        notify=False,
    )
    if rescheduled and meeting.invitations_sent_at:
        for attendance in meeting.attendances.order_by("pk"):
            kernel.announce("meeting.invitation_updated", attendance, actor=actor)
    return meeting


@transaction.atomic
def meeting_cancel(*, meeting_id: int, actor: User) -> Meeting:
    meeting = kernel.lock(Meeting, meeting_id)
    kernel.transition(meeting, "cancel", actor=actor, fields={"sequence": meeting.sequence + 1})
    # Members already invited get a METHOD:CANCEL file (same UID, next SEQUENCE) that
    # removes the entry from their calendar; the transition above is the one audit event.
    if meeting.invitations_sent_at:
        for attendance in meeting.attendances.order_by("pk"):
            kernel.announce("meeting.invitation_cancelled", attendance, actor=actor)
    return meeting


@transaction.atomic
def agenda_item_add(
    *, meeting_id: int, actor: User, title: dict, presenter: str = ""
) -> AgendaItem:
    meeting = kernel.lock(Meeting, meeting_id)
    kernel.check(meeting, "add_agenda_item", actor)
    last = meeting.agenda_items.aggregate(m=Max("order"))["m"] or 0
    # The item belongs to the locked meeting, whose audit event records it.
    item = AgendaItem.objects.create(
        meeting=meeting, order=last + 1, title=title, presenter=presenter
    )
    kernel.transition(meeting, "add_agenda_item", actor=actor, after=audit_value(item.title))
    return item


@transaction.atomic
def document_add(
    *, meeting_id: int, actor: User, title: str, file, agenda_item: AgendaItem | None = None
) -> MeetingDocument:
    meeting = kernel.lock(Meeting, meeting_id)
    kernel.check(meeting, "add_paper", actor)
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        raise TransitionRefused(
            _("This agenda item belongs to another meeting."), code="invalid_item"
        )
    validate_upload(file, "paper")
    document = MeetingDocument.objects.create(
        meeting=meeting, agenda_item=agenda_item, title=title, file=file
    )
    kernel.transition(meeting, "add_paper", actor=actor, after=title)
    return document


@transaction.atomic
def meeting_invite(*, meeting_id: int, actor: User) -> int:
    """Invite every member seated on the meeting day who has not been invited yet; each
    gets an email with an iCal invitation. Running it again only invites newcomers."""
    meeting = kernel.lock(Meeting, meeting_id)
    kernel.check(meeting, "invite", actor)
    day = meeting_day(meeting)
    already = set(meeting.attendances.values_list("member_id", flat=True))
    now = timezone.now()
    invited = [
        Attendance.objects.create(
            meeting=meeting, member=member, status=AttendanceStatus.INVITED, invited_at=now
        )
        for member in members_on(day).exclude(pk__in=already)
    ]
    if not invited:
        raise TransitionRefused(
            _("Every member seated on the day of the meeting has already been invited."),
            code="nothing_to_do",
        )
    kernel.transition(
        meeting,
        "invite",
        actor=actor,
        fields={"invitations_sent_at": now},
        after=[a.member_id for a in invited],
        notify=False,
    )
    for attendance in invited:
        kernel.announce("meeting.invited", attendance, actor=actor)
    return len(invited)


@transaction.atomic
def attendance_record(*, meeting_id: int, actor: User, statuses: dict[int, str]) -> Meeting:
    """`statuses` maps attendance ids to present / apologies / absent."""
    meeting = kernel.lock(Meeting, meeting_id)
    kernel.check(meeting, "record_attendance", actor)
    if not started(meeting):
        raise TransitionRefused(
            _("Attendance is recorded once the meeting has started."), code="too_early"
        )
    before = dict(meeting.attendances.values_list("pk", "status"))
    # Attendance rows are the meeting's own list, not a lifecycle: the meeting's audit
    # event records every row's old and new value.
    for value in set(statuses.values()):
        ids = [pk for pk, chosen in statuses.items() if chosen == value]
        meeting.attendances.filter(pk__in=ids).update(status=value)
    return kernel.transition(
        meeting,
        "record_attendance",
        actor=actor,
        before={str(k): v for k, v in before.items()},
        after={str(k): v for k, v in statuses.items()},
    )


@transaction.atomic
def minutes_record(*, meeting_id: int, actor: User, minutes: str) -> Meeting:
    """Minutes mark the meeting as held."""
    meeting = kernel.lock(Meeting, meeting_id)
    kernel.check(meeting, "record_minutes", actor)
    if not started(meeting):
        raise TransitionRefused(
            _("Minutes are recorded once the meeting has started."), code="too_early"
        )
    return kernel.transition(meeting, "record_minutes", actor=actor, fields={"minutes": minutes})


def _check_vote(method, votes_for, votes_against, abstentions) -> None:
    if method == DecisionMethod.VOTE and votes_for is None:
        raise TransitionRefused(
            _("A decision taken by vote needs the number of votes for."), code="votes_required"
        )


def _next_number(meeting: Meeting) -> int:
    return (meeting.decisions.aggregate(m=Max("number"))["m"] or 0) + 1


def _lock_held_meeting(meeting_id: int, action: str, actor: User) -> Meeting:
    meeting = kernel.lock(Meeting, meeting_id)
    kernel.check(meeting, action, actor)
    if not started(meeting):
        raise TransitionRefused(str(TAKEN_PLACE), code="too_early")
    return meeting


@transaction.atomic
def decision_record(
    *,
    meeting_id: int,
    actor: User,
    text: dict,
    method: str,
    votes_for: int | None = None,
    votes_against: int | None = None,
    abstentions: int | None = None,
    follow_up_owner: str = "",
    due_date: date | None = None,
    is_published: bool = False,
) -> Decision:
    meeting = _lock_held_meeting(meeting_id, "record_decision", actor)
    _check_vote(method, votes_for, votes_against, abstentions)
    decision = Decision(
        meeting=meeting,
        number=_next_number(meeting),
        text=text,
        method=method,
        votes_for=votes_for,
        votes_against=votes_against,
        abstentions=abstentions,
        follow_up_owner=follow_up_owner,
        due_date=due_date,
        is_published=is_published,
        published_at=timezone.now() if is_published else None,
    )
    return kernel.create(
        decision, actor=actor, verb="decision.recorded", after=decision.text.get("en", "")[:200]
    )


@transaction.atomic
def co_chairs_elect(
    *,
    meeting_id: int,
    actor: User,
    member_ids: list[int],
    text: dict,
    method: str,
    votes_for: int | None = None,
    votes_against: int | None = None,
    abstentions: int | None = None,
    is_published: bool = True,
) -> Decision:
    """Record the election as a decision and set the co-chair roles, together."""
    policy.require(actor, "board.meeting.manage")
    # Seats rank before meetings in the kernel's lock order: the candidates and the sitting
    # co-chairs first, then the meeting.
    seats = kernel.lock_rows(
        BoardMember.objects.filter(Q(pk__in=member_ids) | Q(role=BoardRole.CO_CHAIR))
    )
    meeting = _lock_held_meeting(meeting_id, "elect_co_chairs", actor)
    _check_vote(method, votes_for, votes_against, abstentions)
    seated = set(
        members_on(meeting_day(meeting)).filter(pk__in=member_ids).values_list("pk", flat=True)
    )
    elected = [m for m in seats if m.pk in seated]
    if not elected or len(elected) != len(set(member_ids)):
        raise TransitionRefused(
            _("Co-chairs are elected among the members seated on the day of the meeting."),
            code="not_seated",
        )
    if any(m.role == BoardRole.CHAIR for m in elected):
        raise TransitionRefused(
            _("The Chair cannot also be a co-chair."), code="chair_not_co_chair"
        )
    previous = [m for m in seats if m.role == BoardRole.CO_CHAIR and m.pk not in seated]
    decision = Decision(
        meeting=meeting,
        number=_next_number(meeting),
        kind=DecisionKind.CO_CHAIR_ELECTION,
        text=text,
        method=method,
        votes_for=votes_for,
        votes_against=votes_against,
        abstentions=abstentions,
        is_published=is_published,
        published_at=timezone.now() if is_published else None,
    )
    kernel.create(
        decision, actor=actor, verb="decision.co_chairs_elected", after=[m.pk for m in elected]
    )
    decision.elected.set(elected)
    for member, role in [
        *((m, BoardRole.MEMBER) for m in previous),
        *((m, BoardRole.CO_CHAIR) for m in elected),
    ]:
        if member.role != role:
            kernel.change(
                member,
                actor=actor,
                verb="board_member.role_changed",
                fields={"role": role},
                before=member.role,
                after=role,
                context={"decision": decision.pk},
            )
    return decision


def _follow_up_action(status: str) -> str:
    """The table's action that leads to the chosen follow-up status."""
    for name, action in DECISION.actions.items():
        if action.target is not None and action.target == status:
            return name
    raise TransitionRefused(_("Choose a follow-up status."), code="invalid_status")


@transaction.atomic
def decision_set_status(*, decision_id: int, actor: User, status: str) -> Decision:
    decision = kernel.lock(Decision, decision_id)
    return kernel.transition(decision, _follow_up_action(status), actor=actor)


@transaction.atomic
def decision_publish(*, decision_id: int, actor: User, publish: bool = True) -> Decision:
    decision = kernel.lock(Decision, decision_id)
    action = "publish" if publish else "unpublish"
    kernel.check(decision, action, actor)
    if decision.is_published == publish:
        raise TransitionRefused(
            _("This decision is already published.")
            if publish
            else _("This decision is not published."),
            code="invalid_transition",
        )
    return kernel.transition(
        decision,
        action,
        actor=actor,
        fields={"is_published": publish, "published_at": timezone.now() if publish else None},
        before=not publish,
        after=publish,
    )
