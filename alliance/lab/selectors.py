from django.db.models import QuerySet

from alliance.accounts.roles import StaffRole, has_role

from .models import TechnicalAssistanceRequest
from .states import OPEN_STATES


def requests_visible_to(user) -> QuerySet[TechnicalAssistanceRequest]:
    rows = TechnicalAssistanceRequest.objects.select_related(
        "organisation", "assigned_to", "requested_by", "assessment"
    )
    if has_role(user, StaffRole.LAB_EXPERT, StaffRole.SECRETARIAT, StaffRole.DIRECTOR):
        return rows
    return rows.filter(organisation__memberships__user=user).distinct()


def lab_queue(*, status: str = "", kind: str = "") -> QuerySet[TechnicalAssistanceRequest]:
    rows = TechnicalAssistanceRequest.objects.select_related("organisation", "assigned_to")
    rows = rows.filter(status=status) if status else rows.filter(status__in=OPEN_STATES)
    if kind:
        rows = rows.filter(kind=kind)
    return rows.order_by("created_at", "id")


def lab_experts():
    from alliance.accounts.models import User

    return User.objects.filter(groups__name=StaffRole.LAB_EXPERT).order_by("full_name", "email")
