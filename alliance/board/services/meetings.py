"""Meetings: scheduling, agenda and papers, invitations, attendance, minutes, decisions."""

from datetime import date, datetime

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.accounts.models import User
from alliance.core.audit import record_event
from alliance.core.states import TransitionRefused, require_transition
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
from ..permissions import require_manage
from ..selectors import members_on
from ..states import DECISION_ALLOWED, MEETING_ALLOWED, MeetingStatus
from ..tasks import send_meeting_invitation

MEETING_FIELDS = [
    "title_en",
    "title_fr",
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
    return {f: str(getattr(meeting, f)) for f in [*MEETING_FIELDS, "status"]}


def _check_times(starts_at: datetime, ends_at: datetime) -> None:
    if ends_at <= starts_at:
        raise TransitionRefused(
            _("The meeting must end after it starts."), code="invalid_meeting_time"
        )


@transaction.atomic
def meeting_schedule(*, actor: User, **fields) -> Meeting:
    require_manage(actor)
    _check_times(fields["starts_at"], fields["ends_at"])
    meeting = Meeting(**fields)
    meeting.full_clean()
    meeting.save()
    record_event(actor=actor, verb="meeting.scheduled", obj=meeting, after=_snapshot(meeting))
    return meeting


@transaction.atomic
def meeting_update(*, meeting_id: int, actor: User, **fields) -> Meeting:
    require_manage(actor)
    meeting = Meeting.objects.select_for_update().get(pk=meeting_id)
    require_transition(meeting, MeetingStatus.SCHEDULED, MEETING_ALLOWED)
    _check_times(fields["starts_at"], fields["ends_at"])
    before = _snapshot(meeting)
    rescheduled = any(
        name in fields and fields[name] != getattr(meeting, name) for name in SCHEDULE_FIELDS
    )
    for name, value in fields.items():
        setattr(meeting, name, value)
    if rescheduled:
        meeting.sequence += 1
    meeting.full_clean()
    meeting.save(update_fields=[*fields, "sequence"])
    record_event(
        actor=actor, verb="meeting.updated", obj=meeting, before=before, after=_snapshot(meeting)
    )
    if rescheduled and meeting.invitations_sent_at:
        for pk in meeting.attendances.values_list("pk", flat=True):
            transaction.on_commit(lambda pk=pk: send_meeting_invitation.enqueue(pk, updated=True))
    return meeting


@transaction.atomic
def meeting_cancel(*, meeting_id: int, actor: User) -> Meeting:
    require_manage(actor)
    meeting = Meeting.objects.select_for_update().get(pk=meeting_id)
    require_transition(meeting, MeetingStatus.CANCELLED, MEETING_ALLOWED)
    meeting.status = MeetingStatus.CANCELLED
    meeting.sequence += 1
    meeting.save(update_fields=["status", "sequence"])
    record_event(
        actor=actor,
        verb="meeting.cancelled",
        obj=meeting,
        before=MeetingStatus.SCHEDULED,
        after=MeetingStatus.CANCELLED,
    )
    return meeting


@transaction.atomic
def agenda_item_add(
    *, meeting_id: int, actor: User, title_en: str, title_fr: str, presenter: str = ""
) -> AgendaItem:
    require_manage(actor)
    meeting = Meeting.objects.select_for_update().get(pk=meeting_id)
    require_transition(meeting, MeetingStatus.SCHEDULED, MEETING_ALLOWED)
    last = meeting.agenda_items.aggregate(m=Max("order"))["m"] or 0
    item = AgendaItem.objects.create(
        meeting=meeting, order=last + 1, title_en=title_en, title_fr=title_fr, presenter=presenter
    )
    record_event(actor=actor, verb="meeting.agenda_item_added", obj=meeting, after=title_en)
    return item


@transaction.atomic
def document_add(
    *, meeting_id: int, actor: User, title: str, file, agenda_item: AgendaItem | None = None
) -> MeetingDocument:
    require_manage(actor)
    meeting = Meeting.objects.select_for_update().get(pk=meeting_id)
    if meeting.status == MeetingStatus.CANCELLED:
        raise TransitionRefused(
            _("Papers cannot be added to a cancelled meeting."), code="invalid_transition"
        )
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        raise TransitionRefused(
            _("This agenda item belongs to another meeting."), code="invalid_item"
        )
    validate_upload(file, "paper")
    document = MeetingDocument.objects.create(
        meeting=meeting, agenda_item=agenda_item, title=title, file=file
    )
    record_event(actor=actor, verb="meeting.paper_added", obj=meeting, after=title)
    return document


@transaction.atomic
def meeting_invite(*, meeting_id: int, actor: User) -> int:
    """Invite every member seated on the meeting day who has not been invited yet; each
    gets an email with an iCal invitation. Running it again only invites newcomers."""
    require_manage(actor)
    meeting = Meeting.objects.select_for_update().get(pk=meeting_id)
    require_transition(meeting, MeetingStatus.SCHEDULED, MEETING_ALLOWED)
    day = meeting_day(meeting)
    already = set(meeting.attendances.values_list("member_id", flat=True))
    now = timezone.now()
    invited = []
    for member in members_on(day).exclude(pk__in=already):
        invited.append(
            Attendance.objects.create(
                meeting=meeting, member=member, status=AttendanceStatus.INVITED, invited_at=now
            )
        )
    if not invited:
        raise TransitionRefused(
            _("Every member seated on the day of the meeting has already been invited."),
            code="nothing_to_do",
        )
    meeting.invitations_sent_at = now
    meeting.save(update_fields=["invitations_sent_at"])
    record_event(
        actor=actor,
        verb="meeting.invitations_sent",
        obj=meeting,
        after=[a.member_id for a in invited],
    )
    for attendance in invited:
        transaction.on_commit(lambda pk=attendance.pk: send_meeting_invitation.enqueue(pk))
    return len(invited)


@transaction.atomic
def attendance_record(*, meeting_id: int, actor: User, statuses: dict[int, str]) -> Meeting:
    """`statuses` maps attendance ids to present / apologies / absent."""
    require_manage(actor)
    meeting = Meeting.objects.select_for_update().get(pk=meeting_id)
    if meeting.status == MeetingStatus.CANCELLED:
        raise TransitionRefused(
            _("Attendance cannot be recorded for a cancelled meeting."), code="invalid_transition"
        )
    if meeting.starts_at > timezone.now():
        raise TransitionRefused(
            _("Attendance is recorded once the meeting has started."), code="too_early"
        )
    before = dict(meeting.attendances.values_list("pk", "status"))
    for attendance in meeting.attendances.filter(pk__in=list(statuses)):
        attendance.status = statuses[attendance.pk]
        attendance.save(update_fields=["status"])
    record_event(
        actor=actor,
        verb="meeting.attendance_recorded",
        obj=meeting,
        before={str(k): v for k, v in before.items()},
        after={str(k): v for k, v in statuses.items()},
    )
    return meeting


@transaction.atomic
def minutes_record(*, meeting_id: int, actor: User, minutes: str) -> Meeting:
    """Minutes mark the meeting as held."""
    require_manage(actor)
    meeting = Meeting.objects.select_for_update().get(pk=meeting_id)
    require_transition(meeting, MeetingStatus.HELD, MEETING_ALLOWED)
    if meeting.starts_at > timezone.now():
        raise TransitionRefused(
            _("Minutes are recorded once the meeting has started."), code="too_early"
        )
    before = meeting.status
    meeting.minutes, meeting.status = minutes, MeetingStatus.HELD
    meeting.save(update_fields=["minutes", "status"])
    record_event(actor=actor, verb="meeting.minutes_recorded", obj=meeting, before=before)
    return meeting


def _check_vote(method, votes_for, votes_against, abstentions) -> None:
    if method == DecisionMethod.VOTE and votes_for is None:
        raise TransitionRefused(
            _("A decision taken by vote needs the number of votes for."), code="votes_required"
        )


def _next_number(meeting: Meeting) -> int:
    return (meeting.decisions.aggregate(m=Max("number"))["m"] or 0) + 1


def _lock_held_meeting(meeting_id: int) -> Meeting:
    meeting = Meeting.objects.select_for_update().get(pk=meeting_id)
    if meeting.status == MeetingStatus.CANCELLED or meeting.starts_at > timezone.now():
        raise TransitionRefused(
            _("Decisions are recorded for a meeting that has taken place."), code="too_early"
        )
    return meeting


@transaction.atomic
def decision_record(
    *,
    meeting_id: int,
    actor: User,
    text_en: str,
    text_fr: str,
    method: str,
    votes_for: int | None = None,
    votes_against: int | None = None,
    abstentions: int | None = None,
    follow_up_owner: str = "",
    due_date: date | None = None,
    is_published: bool = False,
) -> Decision:
    require_manage(actor)
    meeting = _lock_held_meeting(meeting_id)
    _check_vote(method, votes_for, votes_against, abstentions)
    decision = Decision.objects.create(
        meeting=meeting,
        number=_next_number(meeting),
        text_en=text_en,
        text_fr=text_fr,
        method=method,
        votes_for=votes_for,
        votes_against=votes_against,
        abstentions=abstentions,
        follow_up_owner=follow_up_owner,
        due_date=due_date,
        is_published=is_published,
        published_at=timezone.now() if is_published else None,
    )
    record_event(actor=actor, verb="decision.recorded", obj=decision, after=text_en[:200])
    return decision


@transaction.atomic
def co_chairs_elect(
    *,
    meeting_id: int,
    actor: User,
    member_ids: list[int],
    text_en: str,
    text_fr: str,
    method: str,
    votes_for: int | None = None,
    votes_against: int | None = None,
    abstentions: int | None = None,
    is_published: bool = True,
) -> Decision:
    """Record the election as a decision and set the co-chair roles, together."""
    require_manage(actor)
    meeting = _lock_held_meeting(meeting_id)
    _check_vote(method, votes_for, votes_against, abstentions)
    day = meeting_day(meeting)
    seated_ids = members_on(day).filter(pk__in=member_ids).values("pk")
    elected = list(BoardMember.objects.select_for_update().filter(pk__in=seated_ids))
    if not elected or len(elected) != len(set(member_ids)):
        raise TransitionRefused(
            _("Co-chairs are elected among the members seated on the day of the meeting."),
            code="not_seated",
        )
    if any(m.role == BoardRole.CHAIR for m in elected):
        raise TransitionRefused(
            _("The Chair cannot also be a co-chair."), code="chair_not_co_chair"
        )
    decision = Decision.objects.create(
        meeting=meeting,
        number=_next_number(meeting),
        kind=DecisionKind.CO_CHAIR_ELECTION,
        text_en=text_en,
        text_fr=text_fr,
        method=method,
        votes_for=votes_for,
        votes_against=votes_against,
        abstentions=abstentions,
        is_published=is_published,
        published_at=timezone.now() if is_published else None,
    )
    decision.elected.set(elected)
    previous = list(
        BoardMember.objects.select_for_update()
        .filter(role=BoardRole.CO_CHAIR)
        .exclude(pk__in=[m.pk for m in elected])
    )
    for member in previous:
        member.role = BoardRole.MEMBER
        member.save(update_fields=["role"])
    for member in elected:
        member.role = BoardRole.CO_CHAIR
        member.save(update_fields=["role"])
    record_event(
        actor=actor,
        verb="decision.co_chairs_elected",
        obj=decision,
        before=[m.pk for m in previous],
        after=[m.pk for m in elected],
    )
    return decision


@transaction.atomic
def decision_set_status(*, decision_id: int, actor: User, status: str) -> Decision:
    require_manage(actor)
    decision = Decision.objects.select_for_update().get(pk=decision_id)
    require_transition(decision, status, DECISION_ALLOWED)
    before = decision.status
    decision.status = status
    decision.save(update_fields=["status"])
    record_event(
        actor=actor, verb="decision.status_changed", obj=decision, before=before, after=status
    )
    return decision


@transaction.atomic
def decision_publish(*, decision_id: int, actor: User, publish: bool = True) -> Decision:
    require_manage(actor)
    decision = Decision.objects.select_for_update().get(pk=decision_id)
    if decision.is_published == publish:
        raise TransitionRefused(
            _("This decision is already published.")
            if publish
            else _("This decision is not published."),
            code="invalid_transition",
        )
    decision.is_published = publish
    decision.published_at = timezone.now() if publish else None
    decision.save(update_fields=["is_published", "published_at"])
    record_event(
        actor=actor,
        verb="decision.published" if publish else "decision.unpublished",
        obj=decision,
        before=not publish,
        after=publish,
    )
    return decision
