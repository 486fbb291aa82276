from django.db.models import Count, Prefetch, QuerySet

from alliance.accounts.models import User
from alliance.accounts.roles import StaffRole, has_role
from alliance.board.selectors import available_experts

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
    return User.objects.filter(groups__name=StaffRole.LAB_EXPERT).order_by("full_name", "email")


def expert_queue(user) -> QuerySet[TechnicalAssistanceRequest]:
    """The requests assigned to one Lab expert that are not finished yet, oldest first."""
    from .states import RequestStatus

    return (
        TechnicalAssistanceRequest.objects.filter(
            assigned_to=user,
            status__in=[RequestStatus.ASSIGNED, RequestStatus.IN_PROGRESS, RequestStatus.DELIVERED],
        )
        .select_related("organisation")
        .order_by("created_at", "id")
    )


def expert_workload():
    """Per Lab expert: open assignments and the age of the oldest one (for the Lab lead)."""
    from django.db.models import Count, Min, Q

    from .states import RequestStatus

    active = Q(
        assigned_assistance_requests__status__in=[RequestStatus.ASSIGNED, RequestStatus.IN_PROGRESS]
    )
    return lab_experts().annotate(
        open_count=Count("assigned_assistance_requests", filter=active),
        oldest=Min("assigned_assistance_requests__created_at", filter=active),
    )


def suggested_experts(request: TechnicalAssistanceRequest, limit: int = 8):
    """Expert Network members who could help, matched on the area and the language."""
    area = KIND_TO_AREA.get(request.kind)
    experts = available_experts(area=area, language=request.preferred_language)
    if not experts.exists():
        experts = available_experts(language=request.preferred_language)
    return list(experts.prefetch_related("areas")[:limit])


# Technical assistance kinds and the Expert Network area that matches each.
KIND_TO_AREA = {
    "preliminary_review": "ECOSYSTEM",
    "centre_design": "ECOSYSTEM",
    "sandbox": "POLICY",
    "acceleration": "ENTREPRENEURSHIP",
    "monitoring": "FORESIGHT",
    "capacity_building": "ENTREPRENEURSHIP",
}


def agreements_for_centre(centre):
    from .models import CooperationAgreement, Project

    return (
        CooperationAgreement.objects.filter(centre=centre)
        .select_related("host_organisation")
        .prefetch_related(
            Prefetch(
                "projects",
                queryset=Project.objects.prefetch_related("milestones", "deliverables"),
            )
        )
    )


def agreements_list(status: str = ""):
    from .models import CooperationAgreement

    rows = CooperationAgreement.objects.select_related("host_organisation", "centre").annotate(
        project_count=Count("projects")
    )
    if status:
        rows = rows.filter(status=status)
    return rows.order_by("-start_date", "id")
