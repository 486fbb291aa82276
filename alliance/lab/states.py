"""The Lab's three lifecycles, as plain transition tables (docs/states/lab.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from alliance.core.kernel import Action, Machine


class RequestStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    TRIAGED = "triaged", _("Triaged")
    ASSIGNED = "assigned", _("Assigned")
    IN_PROGRESS = "in_progress", _("In progress")
    DELIVERED = "delivered", _("Delivered")
    CLOSED = "closed", _("Closed")
    DECLINED = "declined", _("Declined")


R = RequestStatus
REQUEST = Machine(
    "lab.TechnicalAssistanceRequest",
    RequestStatus,
    {
        "triage": Action(
            [R.SUBMITTED], R.TRIAGED, "assistance_request.triaged", "lab.request.triage"
        ),
        "assign": Action(
            [R.TRIAGED], R.ASSIGNED, "assistance_request.assigned", "lab.request.triage"
        ),
        "decline": Action(
            [R.SUBMITTED, R.TRIAGED, R.ASSIGNED],
            R.DECLINED,
            "assistance_request.declined",
            "lab.request.triage",
        ),
        # Proposing again replaces the plan, until the organisation agrees it.
        "propose_plan": Action(
            [R.ASSIGNED],
            None,
            "assistance_request.plan_proposed",
            rule="lab.request.work",
            refused=_("The plan can only be changed before the work starts."),
        ),
        "agree_plan": Action(
            [R.ASSIGNED],
            R.IN_PROGRESS,
            "assistance_request.plan_agreed",
            rule="lab.request.respond",
            when=lambda tar: tar.plan_proposed_at is not None,
        ),
        "mark_milestone_done": Action(
            [R.IN_PROGRESS],
            None,
            "assistance_request.milestone_done",
            rule="lab.request.work",
            refused=_("Milestones are marked done while the work is in progress."),
        ),
        "deliver": Action(
            [R.IN_PROGRESS], R.DELIVERED, "assistance_request.delivered", "lab.request.work"
        ),
        "close": Action(
            [R.DELIVERED], R.CLOSED, "assistance_request.closed", "lab.request.respond"
        ),
    },
)

# Requests the Lab still has to act on, oldest first in the queue.
OPEN_STATES = [
    RequestStatus.SUBMITTED,
    RequestStatus.TRIAGED,
    RequestStatus.ASSIGNED,
    RequestStatus.IN_PROGRESS,
]
# What a Lab expert still has on their desk ("assigned to you").
EXPERT_STATES = [RequestStatus.ASSIGNED, RequestStatus.IN_PROGRESS, RequestStatus.DELIVERED]


class AgreementStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SIGNED = "signed", _("Signed")
    ACTIVE = "active", _("Active")
    ENDED = "ended", _("Ended")


A = AgreementStatus
# An ended agreement is the record of what was agreed: its details no longer change.
AGREEMENT_EDITABLE_STATES = {A.DRAFT, A.SIGNED, A.ACTIVE}
AGREEMENT = Machine(
    "lab.CooperationAgreement",
    AgreementStatus,
    {
        "edit": Action(
            AGREEMENT_EDITABLE_STATES,
            None,
            "agreement.updated",
            rule="lab.agreement.manage",
            refused=_("This agreement has ended: its details can no longer be changed."),
            refused_code="ended",
        ),
        "sign": Action([A.DRAFT], A.SIGNED, "agreement.signed", "lab.agreement.manage"),
        "activate": Action([A.SIGNED], A.ACTIVE, "agreement.active", "lab.agreement.manage"),
        "end": Action([A.SIGNED, A.ACTIVE], A.ENDED, "agreement.ended", "lab.agreement.manage"),
        # Not a change of the agreement: what can be done under one that has not ended.
        "add_project": Action(
            AGREEMENT_EDITABLE_STATES,
            None,
            "project.created",
            rule="lab.agreement.manage",
            refused=_("This agreement has ended: no new project can start under it."),
            refused_code="ended",
        ),
    },
)


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


P = ProjectStatus
# A completed or cancelled project takes no new milestone or deliverable.
CLOSED_PROJECT_STATES = {P.COMPLETED, P.CANCELLED}
OPEN_PROJECT_STATES = {P.PLANNED, P.ACTIVE}


def _open_project(verb: str) -> Action:
    # The service words the refusal with the project's status ("This project is
    # completed: it takes no more changes."); the code is what the API and tests read.
    return Action(
        OPEN_PROJECT_STATES,
        None,
        verb,
        rule="lab.project.manage",
        refused_code="project_closed",
    )


PROJECT = Machine(
    "lab.Project",
    ProjectStatus,
    {
        "edit": _open_project("project.updated"),
        "add_milestone": _open_project("project.milestone_added"),
        "mark_milestone_done": _open_project("project.milestone_done"),
        "add_deliverable": _open_project("project.deliverable_added"),
        "deliver": _open_project("project.deliverable_delivered"),
        "start": Action([P.PLANNED], P.ACTIVE, "project.active", "lab.project.manage"),
        "complete": Action([P.ACTIVE], P.COMPLETED, "project.completed", "lab.project.manage"),
        "cancel": Action(
            [P.PLANNED, P.ACTIVE], P.CANCELLED, "project.cancelled", "lab.project.manage"
        ),
    },
)


def action_to(machine: Machine, status: str) -> str | None:
    """The action that leads to `status` (the status forms name the state, not the verb)."""
    for name, action in machine.actions.items():
        if action.target == str(status):
            return name
    return None


def next_states(machine: Machine, actions) -> list[tuple[str, str]]:
    """The (value, label) choices of the states these allowed actions lead to."""
    targets = {machine.actions[name].target for name in actions} - {None}
    return [choice for choice in machine.states.choices if choice[0] in targets]
