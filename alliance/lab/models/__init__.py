from .agreements import CooperationAgreement, Deliverable, Project, ProjectMilestone
from .requests import (
    AssistanceKind,
    DeliveryDocument,
    PlanMilestone,
    TechnicalAssistanceRequest,
    Urgency,
)

__all__ = [
    "AssistanceKind",
    "CooperationAgreement",
    "Deliverable",
    "DeliveryDocument",
    "PlanMilestone",
    "Project",
    "ProjectMilestone",
    "TechnicalAssistanceRequest",
    "Urgency",
]
