"""Access-checked fetches for the Lab's pages and API: 404 for what a person may not see.

Lab staff (`lab.staff` in policy.py) see every request, agreement and project; anyone else
sees those of the organisations they belong to."""

from alliance.core.access import get_visible_or_404

from .models import (
    CooperationAgreement,
    Deliverable,
    DeliveryDocument,
    PlanMilestone,
    Project,
    ProjectMilestone,
    TechnicalAssistanceRequest,
)
from .selectors import agreements_visible_to, projects_visible_to, requests_visible_to


def get_request_for(user, pk) -> TechnicalAssistanceRequest:
    return get_visible_or_404(requests_visible_to(user), pk=pk)


def get_plan_milestone_for(request: TechnicalAssistanceRequest, pk) -> PlanMilestone:
    """A milestone of a request already fetched for the user."""
    return get_visible_or_404(request.milestones.all(), pk=pk)


def get_delivery_document_for(request: TechnicalAssistanceRequest, pk) -> DeliveryDocument:
    return get_visible_or_404(request.documents.all(), pk=pk)


def get_agreement_for(user, pk) -> CooperationAgreement:
    return get_visible_or_404(agreements_visible_to(user), pk=pk)


def get_project_for(user, pk) -> Project:
    return get_visible_or_404(projects_visible_to(user), pk=pk)


def get_project_milestone_for(project: Project, pk) -> ProjectMilestone:
    return get_visible_or_404(project.milestones.all(), pk=pk)


def get_deliverable_for(project: Project, pk) -> Deliverable:
    return get_visible_or_404(project.deliverables.all(), pk=pk)
