"""Transition tables of the Network of Acceleration Centres (see docs/states/centres.md).

One `Machine` per model with a lifecycle; the kernel (alliance.core.kernel) checks every
change against them and templates and the API read what a person may do next from them.
Rules named here are declared in policy.py."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance.core.kernel import Action, Lapse, Machine, day_over

DIRECTOR = "centres.decide"


class CentreStatus(models.TextChoices):
    IN_DESIGN = "in_design", _("In design")
    ACCREDITED = "accredited", _("Accredited")
    SUSPENDED = "suspended", _("Suspended")
    EXPIRED = "expired", _("Expired")
    CLOSED = "closed", _("Closed")


C = CentreStatus


def _centre_held_until(centre):
    """A centre expires with the last accreditation that holds it. Known only where the
    query annotated `held_until` (selectors.with_held_until): the registry and its pages."""
    if not hasattr(centre, "held_until"):
        return None
    return day_over(centre.held_until) if centre.held_until else None


# Read as expired from the second its last term is over; centres_deadlines records it.
CENTRE_TERM_OVER = Lapse("expire", due=_centre_held_until)

CENTRE = Machine(
    "centres.Centre",
    CentreStatus,
    {
        # Details and the public profile may be edited whatever the state.
        "edit": Action(C.values, None, "centre.updated", rule="centres.centre.manage"),
        "edit_profile": Action(
            C.values, None, "centre.profile_updated", rule="centres.centre.edit_profile"
        ),
        # Not a change of the centre: a step of its design checklist (DesignChecklistItem).
        "mark_checklist": Action(
            [C.IN_DESIGN],
            None,
            "centre.checklist_done",
            rule="centres.centre.mark_checklist",
            refused=_("The design phase is over: the centre is already accredited."),
            refused_code="design_over",
        ),
        "accredit": Action([C.IN_DESIGN, C.EXPIRED], C.ACCREDITED, "centre.accredited", DIRECTOR),
        # The Director rejects a partner recognition during its design: the centre that
        # was being designed for it is closed with it.
        "drop_design": Action([C.IN_DESIGN], C.CLOSED, "centre.closed", DIRECTOR),
        # The centre follows its accreditation: these come with the accreditation's actions.
        "suspend": Action([C.ACCREDITED], C.SUSPENDED, "centre.suspended", DIRECTOR),
        "reinstate": Action([C.SUSPENDED], C.ACCREDITED, "centre.reinstated", DIRECTOR),
        "revoke": Action(
            [C.ACCREDITED, C.SUSPENDED, C.EXPIRED], C.CLOSED, "centre.closed", DIRECTOR
        ),
        "expire": Action([C.ACCREDITED, C.SUSPENDED], C.EXPIRED, "centre.expired"),
        "close": Action(
            [C.IN_DESIGN, C.ACCREDITED, C.SUSPENDED, C.EXPIRED],
            C.CLOSED,
            "centre.closed",
            "centres.centre.manage",
        ),
        # Approving a move between types changes the centre's type (and ownership).
        "change_type": Action([C.ACCREDITED], None, "centre.type_changed", DIRECTOR),
        # Not a change of the centre: a CategoryChange is created for it.
        "request_move": Action(
            [C.ACCREDITED],
            None,
            "category_change.requested",
            rule="centres.centre.request_move",
            refused=_("Only an accredited centre can move to another type."),
            refused_code="not_accredited",
        ),
    },
    lapses=(CENTRE_TERM_OVER,),
)

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
    SUPERSEDED = "superseded", _("Superseded")


A = AccreditationStatus
# The accreditation in force (with a suspended one): the constraint keeps at most one of
# the unsuspended ones per centre. A suspension reaches every term still to run, so a
# centre with a renewal granted holds two suspended ones (the running and the next term).
CURRENT_ACCREDITATION_STATUSES = [A.ACTIVE, A.RENEWAL_DUE, A.UNDER_EVALUATION, A.SUSPENDED]
UNIQUE_CURRENT_STATUSES = [A.ACTIVE, A.RENEWAL_DUE, A.UNDER_EVALUATION]
# Every accreditation whose certificate speaks for the centre until its end date: a type
# move, a suspension, a reinstatement and a revocation change all of them at once
# (services.common.live_accreditations), so no certificate contradicts the registry.
LIVE_STATUSES = [*CURRENT_ACCREDITATION_STATUSES, A.RENEWED, A.LAPSED]
# Accreditations whose dates count against an overlap: all but revoked and reissued ones.
TERM_HOLDING = [*CURRENT_ACCREDITATION_STATUSES, A.RENEWED, A.LAPSED, A.EXPIRED]
# Accreditations that get renewal reminders.
REMINDED = [A.ACTIVE, A.RENEWAL_DUE, A.UNDER_EVALUATION]


def term_runs(accreditation) -> bool:
    """Reinstatement is only possible before the end of the term."""
    return accreditation.end_date >= timezone.localdate()


# An accreditation is expired from the second after its end date (the site's time zone),
# for every page and check; centres_deadlines records it with its centre's expiry.
TERM_OVER = Lapse(
    "expire",
    due=lambda accreditation: day_over(accreditation.end_date),
    fields=lambda accreditation: {"status_changed_at": day_over(accreditation.end_date)},
)

ACCREDITATION = Machine(
    "centres.Accreditation",
    AccreditationStatus,
    {
        "mark_renewal_due": Action([A.ACTIVE], A.RENEWAL_DUE, "accreditation.renewal_due"),
        # A suspended accreditation is reinstated (or not) before its renewal is considered.
        "open_renewal": Action(
            [A.ACTIVE, A.RENEWAL_DUE],
            A.UNDER_EVALUATION,
            "accreditation.under_evaluation",
            "centres.accreditation.open_renewal",
        ),
        "suspend": Action(
            [A.ACTIVE, A.RENEWAL_DUE, A.UNDER_EVALUATION, A.RENEWED, A.LAPSED],
            A.SUSPENDED,
            "accreditation.suspended",
            DIRECTOR,
        ),
        # Reinstatement returns to where the accreditation was in its renewal cycle: one
        # action per place (the service picks it, see services.accreditation).
        "reinstate": Action(
            [A.SUSPENDED], A.ACTIVE, "accreditation.active", DIRECTOR, when=term_runs
        ),
        "reinstate_renewal_due": Action(
            [A.SUSPENDED], A.RENEWAL_DUE, "accreditation.renewal_due", DIRECTOR, when=term_runs
        ),
        "reinstate_under_evaluation": Action(
            [A.SUSPENDED],
            A.UNDER_EVALUATION,
            "accreditation.under_evaluation",
            DIRECTOR,
            when=term_runs,
        ),
        # A term already renewed (or refused renewal) that was suspended with its centre.
        "reinstate_renewed": Action(
            [A.SUSPENDED], A.RENEWED, "accreditation.renewed", DIRECTOR, when=term_runs
        ),
        "reinstate_lapsed": Action(
            [A.SUSPENDED], A.LAPSED, "accreditation.lapsed", DIRECTOR, when=term_runs
        ),
        "renew": Action([A.UNDER_EVALUATION], A.RENEWED, "accreditation.renewed", DIRECTOR),
        "lapse": Action([A.UNDER_EVALUATION], A.LAPSED, "accreditation.lapsed", DIRECTOR),
        # Approving a move between types: every term still to run (the current one, a
        # renewal already granted) is reissued under the new type, the old one superseded.
        "supersede": Action(
            [A.ACTIVE, A.RENEWAL_DUE, A.UNDER_EVALUATION, A.RENEWED, A.LAPSED],
            A.SUPERSEDED,
            "accreditation.superseded",
            DIRECTOR,
        ),
        # Renewed and lapsed terms still run to their end date; only revocation cuts them short.
        "revoke": Action(
            [A.ACTIVE, A.RENEWAL_DUE, A.UNDER_EVALUATION, A.SUSPENDED, A.RENEWED, A.LAPSED],
            A.REVOKED,
            "accreditation.revoked",
            DIRECTOR,
        ),
        "expire": Action(
            [A.ACTIVE, A.RENEWAL_DUE, A.UNDER_EVALUATION, A.SUSPENDED, A.LAPSED],
            A.EXPIRED,
            "accreditation.expired",
        ),
    },
    lapses=(TERM_OVER,),
)
REINSTATE_ACTIONS = {
    A.ACTIVE: "reinstate",
    A.RENEWAL_DUE: "reinstate_renewal_due",
    A.UNDER_EVALUATION: "reinstate_under_evaluation",
    A.RENEWED: "reinstate_renewed",
    A.LAPSED: "reinstate_lapsed",
}


class PublicStatus(models.TextChoices):
    """What the verification page and the registry say about an accreditation."""

    VALID = "valid", _("Valid")
    EXPIRED = "expired", _("Expired")
    SUSPENDED = "suspended", _("Suspended")
    REVOKED = "revoked", _("Revoked")
    SUPERSEDED = "superseded", _("Superseded")


class EvaluationStatus(models.TextChoices):
    SELF_REPORT_DUE = "self_report_due", _("Self-report due")
    SELF_REPORTED = "self_reported", _("Self-report submitted")
    EVALUATED = "evaluated", _("Evaluated")
    RENEWED = "renewed", _("Renewed")
    LAPSED = "lapsed", _("Lapsed")


E = EvaluationStatus
OPEN_EVALUATION_STATUSES = [E.SELF_REPORT_DUE, E.SELF_REPORTED, E.EVALUATED]
EVALUATION = Machine(
    "centres.RenewalEvaluation",
    EvaluationStatus,
    {
        # The centre may send its self-report again until it is evaluated.
        "self_report": Action(
            [E.SELF_REPORT_DUE, E.SELF_REPORTED],
            E.SELF_REPORTED,
            "renewal.self_reported",
            "centres.renewal.self_report",
        ),
        "evaluate": Action(
            [E.SELF_REPORTED, E.EVALUATED],
            E.EVALUATED,
            "renewal.evaluated",
            "centres.renewal.evaluate",
        ),
        "renew": Action([E.EVALUATED], E.RENEWED, "renewal.renewed", DIRECTOR),
        # The Director's decision, or the deadline job when the term ends first.
        "lapse": Action(OPEN_EVALUATION_STATUSES, E.LAPSED, "renewal.lapsed", DIRECTOR),
    },
)


class RequestStatus(models.TextChoices):
    """Moves between types and partner recognitions share one lifecycle."""

    REQUESTED = "requested", _("Requested")
    UNDER_EVALUATION = "under_evaluation", _("Under evaluation")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


R = RequestStatus
OPEN_REQUEST_STATUSES = [R.REQUESTED, R.UNDER_EVALUATION]


def _request_machine(model: str, prefix: str) -> Machine:
    return Machine(
        model,
        RequestStatus,
        {
            "evaluate": Action(
                [R.REQUESTED], R.UNDER_EVALUATION, f"{prefix}.evaluated", "centres.request.evaluate"
            ),
            "approve": Action([R.UNDER_EVALUATION], R.APPROVED, f"{prefix}.approved", DIRECTOR),
            "reject": Action(OPEN_REQUEST_STATUSES, R.REJECTED, f"{prefix}.rejected", DIRECTOR),
        },
    )


CATEGORY_CHANGE = _request_machine("centres.CategoryChange", "category_change")


class RecognitionStatus(models.TextChoices):
    """A partner recognition goes through the same design phase as a new centre, then an
    evaluation against published criteria, then the Director's decision."""

    REQUESTED = "requested", _("Requested")
    IN_DESIGN = "in_design", _("In design")
    UNDER_EVALUATION = "under_evaluation", _("Under evaluation")
    EVALUATED = "evaluated", _("Evaluated")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


PR = RecognitionStatus
OPEN_RECOGNITION_STATUSES = [PR.REQUESTED, PR.IN_DESIGN, PR.UNDER_EVALUATION, PR.EVALUATED]
EVALUATOR = "centres.request.evaluate"
PARTNER_RECOGNITION = Machine(
    "centres.PartnerRecognition",
    RecognitionStatus,
    {
        # The Lab opens the design phase: the centre is recorded, in design, with its checklist.
        "start_design": Action(
            [PR.REQUESTED], PR.IN_DESIGN, "partner_recognition.design_started", EVALUATOR
        ),
        # Only once every step of the checklist has its evidence (services.recognitions).
        "complete_design": Action(
            [PR.IN_DESIGN], PR.UNDER_EVALUATION, "partner_recognition.design_completed", EVALUATOR
        ),
        # Scored against RECOGNITION_CRITERIA; scored again until the Director decides.
        "evaluate": Action(
            [PR.UNDER_EVALUATION, PR.EVALUATED],
            PR.EVALUATED,
            "partner_recognition.evaluated",
            EVALUATOR,
        ),
        "approve": Action([PR.EVALUATED], PR.APPROVED, "partner_recognition.approved", DIRECTOR),
        "reject": Action(
            OPEN_RECOGNITION_STATUSES, PR.REJECTED, "partner_recognition.rejected", DIRECTOR
        ),
    },
)

# The published criteria of a partner recognition (the application page lists them), each
# scored 0 (not met) to 4 (fully met).
RECOGNITION_CRITERIA = [
    ("track_record", _("Track record in digital innovation and entrepreneurship")),
    ("objectives", _("Fit with the Alliance's strategic objectives")),
    ("resources", _("Human and financial resources for three years")),
    ("flagship", _("Quality and reach of the flagship initiative")),
    ("network", _("Contribution it can make to the Network of Acceleration Centres")),
]
RECOGNITION_PASS_MARK = 12  # of 20


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


# A flagship initiative's status is the centre's own account of it: the centre's managers
# set any status from any other, with the rest of its details.
IS = InitiativeStatus
INITIATIVE_RULE = "centres.initiative.manage"
INITIATIVE = Machine(
    "centres.FlagshipInitiative",
    InitiativeStatus,
    {
        "edit": Action(IS.values, None, "initiative.updated", INITIATIVE_RULE),
        "plan": Action(IS.values, IS.PLANNED, "initiative.updated", INITIATIVE_RULE),
        "start": Action(IS.values, IS.RUNNING, "initiative.updated", INITIATIVE_RULE),
        "complete": Action(IS.values, IS.COMPLETED, "initiative.updated", INITIATIVE_RULE),
        "cancel": Action(IS.values, IS.CANCELLED, "initiative.updated", INITIATIVE_RULE),
    },
)
INITIATIVE_ACTIONS = {
    IS.PLANNED: "plan",
    IS.RUNNING: "start",
    IS.COMPLETED: "complete",
    IS.CANCELLED: "cancel",
}

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

# The colour of a status tag, for every status the centres pages show (lifecycle states
# and public statuses alike); grey otherwise.
GREEN, YELLOW, RED = "tag-green", "tag-yellow", "tag-red"
STATUS_TAG = {
    "valid": GREEN,
    "accredited": GREEN,
    "active": GREEN,
    "renewed": GREEN,
    "approved": GREEN,
    "suspended": YELLOW,
    "renewal_due": YELLOW,
    "under_evaluation": YELLOW,
    "requested": YELLOW,
    "in_design": YELLOW,
    "evaluated": YELLOW,
    "revoked": RED,
    "rejected": RED,
    "lapsed": RED,
}
