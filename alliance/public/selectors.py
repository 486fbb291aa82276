from django.db.models import Prefetch, QuerySet

from alliance.board.models import Meeting
from alliance.calls.models import Call
from alliance.calls.states import CallStatus
from alliance.centres.models import CentreType
from alliance.core.models import StrategicObjective

from .models import Milestone


def centre_types_with_objectives() -> QuerySet[CentreType]:
    return CentreType.objects.prefetch_related(
        Prefetch("objectives", queryset=StrategicObjective.objects.order_by("order"))
    ).order_by("order")


def public_milestones() -> QuerySet[Milestone]:
    return Milestone.objects.filter(is_public=True).order_by("date", "id")


def public_call_deadlines() -> QuerySet[Call]:
    """Every call once published (a cancelled one stays, marked cancelled, so calendars
    that hold its deadline learn of it)."""
    return Call.objects.exclude(status=CallStatus.DRAFT).order_by("closes_at", "id")


def public_board_meetings() -> QuerySet[Meeting]:
    """The Board's meetings: the date of a meeting is public, its place and link are not."""
    return Meeting.objects.order_by("starts_at", "id")
