from django.db.models import Prefetch, QuerySet

from alliance.centres.models import CentreType
from alliance.core.models import StrategicObjective

from .models import Milestone


def centre_types_with_objectives() -> QuerySet[CentreType]:
    return CentreType.objects.prefetch_related(
        Prefetch("objectives", queryset=StrategicObjective.objects.order_by("order"))
    ).order_by("order")


def public_milestones() -> QuerySet[Milestone]:
    return Milestone.objects.filter(is_public=True).order_by("date", "id")
