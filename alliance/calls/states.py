"""Transition tables of calls, applications and review assignments."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CallStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")
    IN_REVIEW = "in_review", _("In review")
    DECIDED = "decided", _("Decided")
    RESULTS_PUBLISHED = "results_published", _("Results published")
    CANCELLED = "cancelled", _("Cancelled")


CALL_ALLOWED = {
    CallStatus.DRAFT: {CallStatus.OPEN, CallStatus.CANCELLED},
    CallStatus.OPEN: {CallStatus.CLOSED, CallStatus.CANCELLED},
    CallStatus.CLOSED: {CallStatus.IN_REVIEW, CallStatus.CANCELLED},
    CallStatus.IN_REVIEW: {CallStatus.DECIDED, CallStatus.CANCELLED},
    CallStatus.DECIDED: {CallStatus.RESULTS_PUBLISHED},
}

# Once a call leaves draft its criteria, weights and questions are frozen.
CALL_EDITABLE = {CallStatus.DRAFT}
CALL_PUBLIC = {
    CallStatus.OPEN,
    CallStatus.CLOSED,
    CallStatus.IN_REVIEW,
    CallStatus.DECIDED,
    CallStatus.RESULTS_PUBLISHED,
    CallStatus.CANCELLED,
}


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    INELIGIBLE = "ineligible", _("Ineligible")
    IN_REVIEW = "in_review", _("In review")
    MORE_INFO_REQUESTED = "more_info_requested", _("More information requested")
    SELECTED = "selected", _("Selected")
    NOT_SELECTED = "not_selected", _("Not selected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


APPLICATION_ALLOWED = {
    ApplicationStatus.DRAFT: {ApplicationStatus.SUBMITTED, ApplicationStatus.WITHDRAWN},
    ApplicationStatus.SUBMITTED: {
        ApplicationStatus.INELIGIBLE,
        ApplicationStatus.IN_REVIEW,
        ApplicationStatus.MORE_INFO_REQUESTED,
        ApplicationStatus.WITHDRAWN,
    },
    ApplicationStatus.IN_REVIEW: {
        ApplicationStatus.MORE_INFO_REQUESTED,
        ApplicationStatus.SELECTED,
        ApplicationStatus.NOT_SELECTED,
        ApplicationStatus.WITHDRAWN,
    },
    ApplicationStatus.MORE_INFO_REQUESTED: {
        ApplicationStatus.SUBMITTED,
        ApplicationStatus.WITHDRAWN,
    },
}

APPLICATION_EDITABLE = {ApplicationStatus.DRAFT, ApplicationStatus.MORE_INFO_REQUESTED}
APPLICATION_SUBMITTED = {
    ApplicationStatus.SUBMITTED,
    ApplicationStatus.INELIGIBLE,
    ApplicationStatus.IN_REVIEW,
    ApplicationStatus.MORE_INFO_REQUESTED,
    ApplicationStatus.SELECTED,
    ApplicationStatus.NOT_SELECTED,
}
APPLICATION_UNDECIDED = {
    ApplicationStatus.SUBMITTED,
    ApplicationStatus.IN_REVIEW,
    ApplicationStatus.MORE_INFO_REQUESTED,
}


class AssignmentStatus(models.TextChoices):
    ASSIGNED = "assigned", _("Waiting for the conflict-of-interest declaration")
    ACCEPTED = "accepted", _("In progress")
    RECUSED = "recused", _("Recused (conflict of interest)")
    SUBMITTED = "submitted", _("Review submitted")


ASSIGNMENT_ALLOWED = {
    AssignmentStatus.ASSIGNED: {AssignmentStatus.ACCEPTED, AssignmentStatus.RECUSED},
    AssignmentStatus.ACCEPTED: {AssignmentStatus.SUBMITTED},
}
ASSIGNMENT_ACTIVE = {AssignmentStatus.ASSIGNED, AssignmentStatus.ACCEPTED}
