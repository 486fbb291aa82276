"""Transition tables of calls, applications and review assignments (docs/states/calls.md)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance.core.kernel import Action, Lapse, Machine, state


class CallStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")
    IN_REVIEW = "in_review", _("In review")
    DECIDED = "decided", _("Decided")
    RESULTS_PUBLISHED = "results_published", _("Results published")
    CANCELLED = "cancelled", _("Cancelled")


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
# Screening and reviewer assignment happen once the call has closed, until it is decided.
CALL_REVIEWABLE = {CallStatus.CLOSED, CallStatus.IN_REVIEW}

C = CallStatus
FROZEN = _(
    "This call is no longer a draft: its text, criteria, weights and questions are frozen "
    "once it is published."
)
MANAGE_CALL = "calls.call.manage"
DECIDE_CALL = "calls.call.decide"


def _draft_edit(verb: str) -> Action:
    return Action(
        CALL_EDITABLE, None, verb, rule=MANAGE_CALL, refused=FROZEN, refused_code="call_frozen"
    )


# An open call is closed from the second its deadline passes, for everyone: the kernel
# reads it as closed at once and records the close (closed_at = the deadline) the next time
# the call changes, or when close_due_calls runs (docs/states/calls.md).
CALL_DEADLINE = Lapse(
    "close",
    due=lambda call: call.closes_at,
    fields=lambda call: {"closed_at": call.closes_at},
)

CALL = Machine(
    "calls.Call",
    CallStatus,
    {
        "edit": _draft_edit("call.updated"),
        "set_criteria": _draft_edit("call.criteria_set"),
        "set_questions": _draft_edit("call.questions_set"),
        "publish": Action([C.DRAFT], C.OPEN, "call.published", MANAGE_CALL),
        # At the deadline, by the clock (CALL_DEADLINE): the platform's own action.
        "close": Action([C.OPEN], C.CLOSED, "call.closed"),
        # Before the deadline, by the secretariat (a call published by mistake, or one
        # that has all the applications it needs).
        "close_now": Action(
            [C.OPEN],
            C.CLOSED,
            "call.closed",
            rule=MANAGE_CALL,
            refused=_("Only an open call can be closed; this one is not open."),
            refused_code="call_not_open",
        ),
        "start_review": Action([C.CLOSED], C.IN_REVIEW, "call.review_started", MANAGE_CALL),
        # Not a change of the call: reviewers assigned to its eligible applications.
        "assign_reviewers": Action(
            CALL_REVIEWABLE,
            None,
            "review.assigned",
            rule=MANAGE_CALL,
            refused=_("This call is not in review."),
            refused_code="call_not_in_review",
        ),
        "mark_decided": Action([C.IN_REVIEW], C.DECIDED, "call.decided", DECIDE_CALL),
        "publish_results": Action(
            [C.DECIDED], C.RESULTS_PUBLISHED, "call.results_published", DECIDE_CALL
        ),
        "cancel": Action(
            [C.DRAFT, C.OPEN, C.CLOSED, C.IN_REVIEW], C.CANCELLED, "call.cancelled", MANAGE_CALL
        ),
    },
    lapses=(CALL_DEADLINE,),
)


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    INELIGIBLE = "ineligible", _("Ineligible")
    IN_REVIEW = "in_review", _("In review")
    MORE_INFO_REQUESTED = "more_info_requested", _("More information requested")
    SELECTED = "selected", _("Selected")
    NOT_SELECTED = "not_selected", _("Not selected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


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
APPLICATION_DECIDED = {ApplicationStatus.SELECTED, ApplicationStatus.NOT_SELECTED}

A = ApplicationStatus
MANAGE_APPLICATION = "calls.application.manage"
SCREEN = "calls.application.screen"
DECIDE = "calls.application.decide"


# The `when` tests below read the application's call: fetch it with select_related("call").
def _draft_before_deadline(application) -> bool:
    """A draft can be changed until the deadline; a revision asked for, at any time."""
    return application.status != A.DRAFT or timezone.now() < application.call.closes_at


def _may_submit_now(application) -> bool:
    """A draft while the call accepts applications; a reply until its due date."""
    if application.status == A.DRAFT:
        return application.call.is_accepting
    due = application.more_info_due_at
    return due is None or timezone.now() < due


def _call_in_review(application) -> bool:
    return application.call.status == C.IN_REVIEW


def _call_closed(application) -> bool:
    """Screening starts once the call has closed: at its deadline, whatever jobs have run."""
    return state(application.call) in CALL_REVIEWABLE


def _decision(target, verb: str) -> Action:
    return Action([A.IN_REVIEW], target, verb, rule=DECIDE, when=_call_in_review)


APPLICATION = Machine(
    "calls.Application",
    ApplicationStatus,
    {
        "edit": Action(
            APPLICATION_EDITABLE,
            None,
            "application.saved",
            rule=MANAGE_APPLICATION,
            when=_draft_before_deadline,
            refused=_("This application can no longer be changed."),
            refused_code="not_editable",
        ),
        # From more information requested it is the reply: a new revision, audited as
        # "application.resubmitted" (the service passes that verb).
        "submit": Action(
            APPLICATION_EDITABLE,
            A.SUBMITTED,
            "application.submitted",
            rule=MANAGE_APPLICATION,
            when=_may_submit_now,
        ),
        "withdraw": Action(
            [A.DRAFT, A.SUBMITTED, A.IN_REVIEW, A.MORE_INFO_REQUESTED],
            A.WITHDRAWN,
            "application.withdrawn",
            MANAGE_APPLICATION,
        ),
        "screen_in": Action(
            [A.SUBMITTED], A.IN_REVIEW, "application.screened", SCREEN, when=_call_closed
        ),
        "screen_out": Action(
            [A.SUBMITTED], A.INELIGIBLE, "application.screened", SCREEN, when=_call_closed
        ),
        "request_info": Action(
            [A.SUBMITTED, A.IN_REVIEW],
            A.MORE_INFO_REQUESTED,
            "application.more_info_requested",
            SCREEN,
        ),
        # Not a change of the application: a reviewer assigned to it.
        "assign_reviewer": Action(
            [A.IN_REVIEW],
            None,
            "review.assigned",
            rule=SCREEN,
            refused=_("Only applications screened as eligible can be reviewed."),
            refused_code="not_in_review",
        ),
        "select": _decision(A.SELECTED, "application.selected"),
        "decline": _decision(A.NOT_SELECTED, "application.not_selected"),
    },
)


class AssignmentStatus(models.TextChoices):
    ASSIGNED = "assigned", _("Waiting for the conflict-of-interest declaration")
    ACCEPTED = "accepted", _("In progress")
    RECUSED = "recused", _("Recused (conflict of interest)")
    SUBMITTED = "submitted", _("Review submitted")


ASSIGNMENT_ACTIVE = {AssignmentStatus.ASSIGNED, AssignmentStatus.ACCEPTED}

R = AssignmentStatus
REVIEW = "calls.assignment.review"
ASSIGNMENT = Machine(
    "calls.ReviewAssignment",
    AssignmentStatus,
    {
        "declare_no_conflict": Action(
            [R.ASSIGNED], R.ACCEPTED, "review.no_conflict_declared", REVIEW
        ),
        "recuse": Action([R.ASSIGNED], R.RECUSED, "review.recused", REVIEW),
        "save": Action([R.ACCEPTED], None, "review.saved", REVIEW),
        "submit": Action([R.ACCEPTED], R.SUBMITTED, "review.submitted", REVIEW),
        "remind": Action(
            ASSIGNMENT_ACTIVE,
            None,
            "review.reminded",
            rule="calls.assignment.remind",
            refused=_("This review needs no reminder."),
            refused_code="not_active",
        ),
    },
)

# The colour of a status tag, for every status of this app (and of the task list's sections).
STATUS_TAG = {
    **dict.fromkeys(
        ["selected", "open", "completed", "accepted", "submitted", "results_published"],
        "tag-green",
    ),
    **dict.fromkeys(["ineligible", "not_selected", "cancelled", "withdrawn", "recused"], "tag-red"),
    **dict.fromkeys(["more_info_requested", "in_progress", "assigned"], "tag-yellow"),
    **dict.fromkeys(["draft", "not_started", "closed"], "tag-grey"),
}


class ExportStatus(models.TextChoices):
    PENDING = "pending", _("Being prepared")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


# An export is built by the task worker: both actions are the platform's own.
EXPORT = Machine(
    "calls.CallExport",
    ExportStatus,
    {
        "finish": Action([ExportStatus.PENDING], ExportStatus.READY, "call_export.ready"),
        "fail": Action([ExportStatus.PENDING], ExportStatus.FAILED, "call_export.failed"),
    },
)
