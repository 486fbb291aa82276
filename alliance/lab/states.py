from django.db import models
from django.utils.translation import gettext_lazy as _


class RequestStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    TRIAGED = "triaged", _("Triaged")
    ASSIGNED = "assigned", _("Assigned")
    IN_PROGRESS = "in_progress", _("In progress")
    DELIVERED = "delivered", _("Delivered")
    CLOSED = "closed", _("Closed")
    DECLINED = "declined", _("Declined")


ALLOWED = {
    RequestStatus.SUBMITTED: {RequestStatus.TRIAGED, RequestStatus.DECLINED},
    RequestStatus.TRIAGED: {RequestStatus.ASSIGNED, RequestStatus.DECLINED},
    RequestStatus.ASSIGNED: {RequestStatus.IN_PROGRESS, RequestStatus.DECLINED},
    RequestStatus.IN_PROGRESS: {RequestStatus.DELIVERED},
    RequestStatus.DELIVERED: {RequestStatus.CLOSED},
}

# Requests the Lab still has to act on, oldest first in the queue.
OPEN_STATES = [
    RequestStatus.SUBMITTED,
    RequestStatus.TRIAGED,
    RequestStatus.ASSIGNED,
    RequestStatus.IN_PROGRESS,
]


class AgreementStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SIGNED = "signed", _("Signed")
    ACTIVE = "active", _("Active")
    ENDED = "ended", _("Ended")


AGREEMENT_ALLOWED = {
    AgreementStatus.DRAFT: {AgreementStatus.SIGNED},
    AgreementStatus.SIGNED: {AgreementStatus.ACTIVE, AgreementStatus.ENDED},
    AgreementStatus.ACTIVE: {AgreementStatus.ENDED},
}
# An ended agreement is the record of what was agreed: its details no longer change.
AGREEMENT_EDITABLE_STATES = {AgreementStatus.DRAFT, AgreementStatus.SIGNED, AgreementStatus.ACTIVE}


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


PROJECT_ALLOWED = {
    ProjectStatus.PLANNED: {ProjectStatus.ACTIVE, ProjectStatus.CANCELLED},
    ProjectStatus.ACTIVE: {ProjectStatus.COMPLETED, ProjectStatus.CANCELLED},
}
# A completed or cancelled project takes no new milestone or deliverable.
CLOSED_PROJECT_STATES = {ProjectStatus.COMPLETED, ProjectStatus.CANCELLED}
