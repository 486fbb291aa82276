from datetime import date

from django.db.models import Case, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.http import Http404

from alliance.core.policy import can

from .clock import board_today
from .models import (
    Attendance,
    BoardMember,
    BoardRole,
    Decision,
    Expert,
    ExpertArea,
    Meeting,
    MeetingDocument,
    Nomination,
    seated_on,
)
from .permissions import nominating_organisations
from .states import ExpertStatus, MeetingStatus

_ROLE_RANK = Case(
    When(role=BoardRole.CHAIR, then=Value(0)),
    When(role=BoardRole.CO_CHAIR, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)


def members_on(day: date) -> QuerySet[BoardMember]:
    return (
        BoardMember.objects.filter(seated_on(day))
        .select_related("nominating_organisation")
        .annotate(role_rank=_ROLE_RANK)
        .order_by("role_rank", "full_name", "id")
    )


def current_members() -> QuerySet[BoardMember]:
    return members_on(board_today())


def past_members(today: date | None = None) -> QuerySet[BoardMember]:
    today = today or board_today()
    gone = Q(term_end__lt=today) | Q(ended_on__lt=today)
    return (
        BoardMember.objects.filter(gone, term_start__lte=today)
        .select_related("nominating_organisation")
        .order_by("-term_end", "full_name", "id")
    )


def overlapping(seats: QuerySet[BoardMember], start: date, end: date | None):
    """Seats of the queryset whose period (up to their last day) overlaps [start, end]."""
    seats = seats.filter(
        (Q(ended_on__isnull=True) & (Q(term_end__isnull=True) | Q(term_end__gte=start)))
        | Q(ended_on__gte=start)
    )
    return seats.filter(term_start__lte=end) if end is not None else seats


def overlapping_seats(*, full_name: str, email: str, start: date, end: date | None):
    """Seats of the same person (same email, or same name) that overlap [start, end]."""
    person = Q(full_name__iexact=full_name.strip())
    if email:
        person |= Q(email__iexact=email.strip())
    return overlapping(BoardMember.objects.filter(person), start, end)


def published_decisions() -> QuerySet[Decision]:
    return (
        Decision.objects.filter(is_published=True)
        .select_related("meeting")
        .prefetch_related("elected")
        .order_by("-meeting__starts_at", "number")
    )


def _papers_prefetch():
    return [
        Prefetch("agenda_items", to_attr="agenda"),
        Prefetch(
            "documents",
            queryset=MeetingDocument.objects.select_related("agenda_item"),
            to_attr="papers",
        ),
    ]


def meetings_for_member(user) -> QuerySet[Meeting]:
    """Meetings whose papers a Board member (or the secretariat) may read."""
    if not can(user, "board.papers"):
        return Meeting.objects.none()
    return Meeting.objects.exclude(status=MeetingStatus.CANCELLED).order_by("-starts_at")


def get_meeting_for_member(user, pk: int) -> Meeting:
    meeting = (
        meetings_for_member(user)
        .prefetch_related(
            *_papers_prefetch(),
            Prefetch("decisions", queryset=Decision.objects.prefetch_related("elected")),
        )
        .filter(pk=pk)
        .first()
    )
    if meeting is None:
        raise Http404
    return meeting


def get_document_for_member(user, pk: int) -> MeetingDocument:
    document = (
        MeetingDocument.objects.filter(meeting__in=meetings_for_member(user), pk=pk)
        .select_related("meeting")
        .first()
    )
    if document is None:
        raise Http404
    return document


def meeting_for_staff(pk: int) -> Meeting:
    meeting = (
        Meeting.objects.prefetch_related(
            *_papers_prefetch(),
            Prefetch(
                "attendances",
                queryset=Attendance.objects.select_related("member").order_by("member__full_name"),
            ),
            Prefetch("decisions", queryset=Decision.objects.prefetch_related("elected")),
        )
        .filter(pk=pk)
        .first()
    )
    if meeting is None:
        raise Http404
    return meeting


def approved_experts() -> QuerySet[Expert]:
    return (
        Expert.objects.filter(status=ExpertStatus.APPROVED)
        .prefetch_related(Prefetch("areas", queryset=ExpertArea.objects.order_by("order")))
        .order_by("full_name", "id")
    )


def available_experts(area=None, language: str | None = None) -> QuerySet[Expert]:
    """Approved experts who can take work now; the Lab draws on them for technical
    assistance. `area` is an ExpertArea or its code; `language` a code such as "fr"."""
    experts = approved_experts().exclude(availability="unavailable")
    if area is not None:
        code = area.code if isinstance(area, ExpertArea) else str(area)
        experts = experts.filter(areas__code=code)
    if language:
        experts = experts.filter(languages__contains=f",{language},")
    return experts.distinct()


def nominations_for_signatory(user) -> QuerySet[Nomination]:
    return (
        Nomination.objects.filter(organisation__in=nominating_organisations(user))
        .select_related("organisation")
        .order_by("-submitted_at")
    )


def nomination_queue(status: str | None = None) -> QuerySet[Nomination]:
    rows = Nomination.objects.select_related("organisation", "submitted_by").order_by(
        "-submitted_at"
    )
    return rows.filter(status=status) if status else rows
