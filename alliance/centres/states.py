"""Transition tables of the Network of Acceleration Centres (see docs/states/centres.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CentreStatus(models.TextChoices):
    IN_DESIGN = "in_design", _("In design")
    ACCREDITED = "accredited", _("Accredited")
    SUSPENDED = "suspended", _("Suspended")
    EXPIRED = "expired", _("Expired")
    CLOSED = "closed", _("Closed")


CENTRE_ALLOWED = {
    CentreStatus.IN_DESIGN: {CentreStatus.ACCREDITED, CentreStatus.CLOSED},
    CentreStatus.ACCREDITED: {
        CentreStatus.ACCREDITED,  # renewal or reissue after a move between types
        CentreStatus.SUSPENDED,
        CentreStatus.EXPIRED,
        CentreStatus.CLOSED,
    },
    CentreStatus.SUSPENDED: {CentreStatus.ACCREDITED, CentreStatus.EXPIRED, CentreStatus.CLOSED},
    CentreStatus.EXPIRED: {CentreStatus.ACCREDITED, CentreStatus.CLOSED},
}

# The registry lists every centre ever accredited (Centre.listed_since); the map and the
# coverage tables count the network as it stands: accredited and suspended centres.
NETWORK_STATUSES = [CentreStatus.ACCREDITED, CentreStatus.SUSPENDED]


class CentreSource(models.TextChoices):
    APPLICATION = "application", _("Selected application")
    PARTNER_RECOGNITION = "partner_recognition", _("Partner recognition")
    RECORDED = "recorded", _("Recorded by the secretariat")


class AccreditationStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    RENEWAL_DUE = "renewal_due", _("Renewal due")
    UNDER_EVALUATION = "under_evaluation", _("Under evaluation")
    RENEWED = "renewed", _("Renewed")
    LAPSED = "lapsed", _("Lapsed")
    SUSPENDED = "suspended", _("Suspended")
    REVOKED = "revoked", _("Revoked")
    EXPIRED = "expired", _("Expired")
    SUPERSEDED = "superseded", _("Reissued")


A = AccreditationStatus
ACCREDITATION_ALLOWED = {
    A.ACTIVE: {A.RENEWAL_DUE, A.UNDER_EVALUATION, A.SUSPENDED, A.REVOKED, A.EXPIRED, A.SUPERSEDED},
    A.RENEWAL_DUE: {A.UNDER_EVALUATION, A.SUSPENDED, A.REVOKED, A.EXPIRED, A.SUPERSEDED},
    A.UNDER_EVALUATION: {A.RENEWED, A.LAPSED, A.SUSPENDED, A.REVOKED, A.EXPIRED, A.SUPERSEDED},
    # Reinstatement returns to where the accreditation was in its renewal cycle.
    A.SUSPENDED: {A.ACTIVE, A.RENEWAL_DUE, A.UNDER_EVALUATION, A.REVOKED, A.EXPIRED},
    # Renewed and lapsed terms still run to their end date; only revocation cuts them short.
    A.RENEWED: {A.REVOKED},
    A.LAPSED: {A.REVOKED, A.EXPIRED},
}

# At most one of these per centre (a database constraint): the accreditation in force.
CURRENT_ACCREDITATION_STATUSES = [A.ACTIVE, A.RENEWAL_DUE, A.UNDER_EVALUATION, A.SUSPENDED]


class PublicStatus(models.TextChoices):
    """What the verification page and the registry say about an accreditation."""

    VALID = "valid", _("Valid")
    EXPIRED = "expired", _("Expired")
    SUSPENDED = "suspended", _("Suspended")
    REVOKED = "revoked", _("Revoked")
    REPLACED = "replaced", _("Replaced by a reissued accreditation")


class EvaluationStatus(models.TextChoices):
    SELF_REPORT_DUE = "self_report_due", _("Self-report due")
    SELF_REPORTED = "self_reported", _("Self-report submitted")
    EVALUATED = "evaluated", _("Evaluated")
    RENEWED = "renewed", _("Renewed")
    LAPSED = "lapsed", _("Lapsed")


EVALUATION_ALLOWED = {
    EvaluationStatus.SELF_REPORT_DUE: {EvaluationStatus.SELF_REPORTED, EvaluationStatus.LAPSED},
    EvaluationStatus.SELF_REPORTED: {
        EvaluationStatus.SELF_REPORTED,
        EvaluationStatus.EVALUATED,
        EvaluationStatus.LAPSED,
    },
    EvaluationStatus.EVALUATED: {
        EvaluationStatus.EVALUATED,
        EvaluationStatus.RENEWED,
        EvaluationStatus.LAPSED,
    },
}


class RequestStatus(models.TextChoices):
    """Moves between types and partner recognitions share one lifecycle."""

    REQUESTED = "requested", _("Requested")
    UNDER_EVALUATION = "under_evaluation", _("Under evaluation")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


REQUEST_ALLOWED = {
    RequestStatus.REQUESTED: {RequestStatus.UNDER_EVALUATION, RequestStatus.REJECTED},
    RequestStatus.UNDER_EVALUATION: {RequestStatus.APPROVED, RequestStatus.REJECTED},
}


class ChecklistItem(models.TextChoices):
    COOPERATION_AGREEMENT = "cooperation_agreement", _("Cooperation agreement signed")
    RESOURCES = "resources_confirmed", _("Human and financial resources confirmed")
    FLAGSHIPS = "flagships_defined", _("Flagship initiatives defined")
    INDICATORS = "indicators_chosen", _("Indicators chosen")


class InitiativeStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    RUNNING = "running", _("Running")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


# Renewal evaluation criteria, each scored 0 (not met) to 4 (fully met).
RENEWAL_CRITERIA = [
    ("objectives", _("Progress on the centre's strategic objectives")),
    ("flagships", _("Flagship initiatives delivered")),
    ("resources", _("Human and financial resources sustained")),
    ("reporting", _("Indicators and reports provided on time")),
    ("network", _("Contribution to the Network of Acceleration Centres")),
]
RENEWAL_PASS_MARK = 12  # of 20

REMINDER_DAYS = (180, 90, 30)
