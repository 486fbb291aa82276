from django.db.models import Count, Min, Prefetch, Q, QuerySet

from alliance.accounts.selectors import holders_of
from alliance.board.selectors import available_experts
from alliance.core.policy import can

from .models import CooperationAgreement, Project, TechnicalAssistanceRequest
from .states import EXPERT_STATES, OPEN_STATES, AgreementStatus, RequestStatus


def requests_visible_to(user) -> QuerySet[TechnicalAssistanceRequest]:
    rows = TechnicalAssistanceRequest.objects.select_related(
        "organisation", "assigned_to", "requested_by", "assessment"
    )
    if can(user, "lab.staff"):
        return rows
    return rows.filter(organisation__memberships__user=user).distinct()


def agreements_visible_to(user) -> QuerySet[CooperationAgreement]:
    rows = CooperationAgreement.objects.select_related("host_organisation", "centre")
    if can(user, "lab.staff"):
        return rows
    return rows.filter(host_organisation__memberships__user=user).distinct()


def projects_visible_to(user) -> QuerySet[Project]:
    return Project.objects.filter(
        agreement__in=agreements_visible_to(user).values("pk")
    ).select_related("agreement__host_organisation")


def lab_queue(*, status: str = "", kind: str = "") -> QuerySet[TechnicalAssistanceRequest]:
    rows = TechnicalAssistanceRequest.objects.select_related("organisation", "assigned_to")
    rows = rows.filter(status=status) if status else rows.filter(status__in=OPEN_STATES)
    if kind:
        rows = rows.filter(kind=kind)
    return rows.order_by("created_at", "id")


def lab_experts():
    return holders_of("lab.take_request").order_by("full_name", "email")


def expert_queue(user) -> QuerySet[TechnicalAssistanceRequest]:
    """The requests assigned to one Lab expert that are not finished yet, oldest first."""
    return (
        TechnicalAssistanceRequest.objects.filter(assigned_to=user, status__in=EXPERT_STATES)
        .select_related("organisation")
        .order_by("created_at", "id")
    )


def expert_workload():
    """Per Lab expert: open assignments and the age of the oldest one (for the Lab lead)."""
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
    rows = CooperationAgreement.objects.select_related("host_organisation", "centre").annotate(
        project_count=Count("projects")
    )
    if status:
        rows = rows.filter(status=status)
    return rows.order_by("-start_date", "id")


def published_agreements_for_centre(centre):
    """What the public centre page shows: every agreement but drafts."""
    return agreements_for_centre(centre).exclude(status=AgreementStatus.DRAFT)
