"""Lab API for its experts: triage, assign and decline requests, propose plans, mark
milestones, deliver; sign, activate and end cooperation agreements, add projects; run
projects. Each action is one of the Lab's transition tables (states.py), through the
services the Lab's pages call (docs/api-actions.md)."""

from datetime import date

from django.contrib.auth import get_user_model
from ninja import Router, Schema
from pydantic import Field

from alliance.accounts.auth import TokenAuth
from alliance.core.access import get_visible_or_404
from alliance.core.api_actions import Resource, actions_of, register, taken_elsewhere
from alliance.core.schemas import Choice

from . import services
from .api import RequestOut
from .api import _out as _request_out
from .models import CooperationAgreement, Project
from .permissions import (
    get_agreement_for,
    get_plan_milestone_for,
    get_project_for,
    get_project_milestone_for,
    get_request_for,
)
from .states import AgreementStatus, ProjectStatus


class LabNoteIn(Schema):
    note: str = Field("", max_length=5000)


class LabReasonIn(Schema):
    reason: str = Field(max_length=5000)


class LabAssignIn(Schema):
    assignee_id: int


class LabMilestoneIn(Schema):
    title: str = Field(min_length=1, max_length=200)
    due_date: date


class LabPlanIn(Schema):
    plan: str = Field(max_length=20_000)
    milestones: list[LabMilestoneIn] = Field(min_length=1, max_length=50)


class LabMilestoneDoneIn(Schema):
    milestone_id: int


class LabDeliverIn(Schema):
    note: str = Field(max_length=20_000)


class LabProjectIn(Schema):
    title: str = Field(min_length=1, max_length=200)
    description: str = Field("", max_length=20_000)
    budget_usd: int = Field(ge=0, le=10**12)
    start_date: date
    end_date: date


class LabAgreementOut(Schema):
    id: int
    title: str
    host_organisation_id: int
    status: Choice(CooperationAgreement, "status")
    start_date: date
    end_date: date
    projects: list[int]
    actions: list[str]


class LabProjectOut(Schema):
    id: int
    agreement_id: int
    title: str
    status: Choice(Project, "status")
    budget_usd: int
    start_date: date
    end_date: date
    milestones: list[dict]
    actions: list[str]


def _agreement_out(a, user) -> dict:
    return {
        "id": a.pk,
        "title": a.title,
        "host_organisation_id": a.host_organisation_id,
        "status": a.status,
        "start_date": a.start_date,
        "end_date": a.end_date,
        "projects": list(a.projects.order_by("pk").values_list("pk", flat=True)),
        "actions": actions_of(a, user),
    }


def _project_out(p, user) -> dict:
    return {
        "id": p.pk,
        "agreement_id": p.agreement_id,
        "title": p.title,
        "status": p.status,
        "budget_usd": p.budget_usd,
        "start_date": p.start_date,
        "end_date": p.end_date,
        "milestones": [
            {
                "id": m.pk,
                "title": m.title,
                "due_date": m.due_date.isoformat(),
                "done": m.done_at is not None,
            }
            for m in p.milestones.order_by("pk")
        ],
        "actions": actions_of(p, user),
    }


requests = register(
    Resource(
        name="lab_staff_request",
        path="/lab/staff/requests",
        id_name="request_id",
        model="lab.TechnicalAssistanceRequest",
        fetch=get_request_for,
        out=_request_out,
        schema=RequestOut,
        tags=["lab: staff"],
    )
)


@requests.action("triage", body=LabNoteIn)
def triage(tar, actor, payload):
    """Triage a new request, with an internal note."""
    services.request_triage(request_id=tar.pk, actor=actor, note=payload.note)


@requests.action("assign", body=LabAssignIn)
def assign(tar, actor, payload):
    """Assign a triaged request to a Lab expert."""
    assignee = get_visible_or_404(get_user_model().objects.all(), pk=payload.assignee_id)
    services.request_assign(request_id=tar.pk, actor=actor, assignee=assignee)


@requests.action("decline", body=LabReasonIn)
def decline(tar, actor, payload):
    """Decline a request, with the reason the organisation reads."""
    services.request_decline(request_id=tar.pk, actor=actor, reason=payload.reason)


@requests.action("propose_plan", body=LabPlanIn)
def propose_plan(tar, actor, payload):
    """Propose (or replace, until agreed) the plan and its milestones."""
    services.request_plan_propose(
        request_id=tar.pk,
        actor=actor,
        plan=payload.plan,
        milestones=[(m.title, m.due_date) for m in payload.milestones],
    )


@requests.action("mark_milestone_done", body=LabMilestoneDoneIn)
def request_milestone_done(tar, actor, payload):
    """Mark one milestone of the agreed plan done."""
    milestone = get_plan_milestone_for(tar, payload.milestone_id)
    services.milestone_mark_done(milestone_id=milestone.pk, actor=actor)


@requests.action("deliver", body=LabDeliverIn)
def deliver(tar, actor, payload):
    """Deliver the work, with a note (documents are uploaded from the page)."""
    services.request_deliver(request_id=tar.pk, actor=actor, note=payload.note, documents=[])


taken_elsewhere(
    "lab.TechnicalAssistanceRequest",
    {
        "agree_plan": "POST /api/v1/lab/requests/{request_id}/agree",
        "close": "POST /api/v1/lab/requests/{request_id}/close",
    },
)

agreements = register(
    Resource(
        name="lab_staff_agreement",
        path="/lab/staff/agreements",
        id_name="agreement_id",
        model="lab.CooperationAgreement",
        fetch=get_agreement_for,
        out=_agreement_out,
        schema=LabAgreementOut,
        tags=["lab: staff"],
    )
)


def _agreement_status(name: str, status: str, doc: str):
    def run(agreement, actor, payload):
        services.agreement_set_status(agreement_id=agreement.pk, actor=actor, status=status)

    agreements.action(name, summary=doc)(run)


_agreement_status("sign", AgreementStatus.SIGNED, "Record the agreement as signed.")
_agreement_status("activate", AgreementStatus.ACTIVE, "Make a signed agreement active.")
_agreement_status("end", AgreementStatus.ENDED, "End the agreement.")


@agreements.action("add_project", body=LabProjectIn)
def add_project(agreement, actor, payload):
    """Add a project under the agreement."""
    services.project_create(actor=actor, agreement=agreement, **payload.model_dump())


projects = register(
    Resource(
        name="lab_staff_project",
        path="/lab/staff/projects",
        id_name="project_id",
        model="lab.Project",
        fetch=get_project_for,
        out=_project_out,
        schema=LabProjectOut,
        tags=["lab: staff"],
    )
)


def _project_status(name: str, status: str, doc: str):
    def run(project, actor, payload):
        services.project_set_status(project_id=project.pk, actor=actor, status=status)

    projects.action(name, summary=doc)(run)


_project_status("start", ProjectStatus.ACTIVE, "Start a planned project.")
_project_status("complete", ProjectStatus.COMPLETED, "Complete an active project.")
_project_status("cancel", ProjectStatus.CANCELLED, "Cancel the project.")


@projects.action("add_milestone", body=LabMilestoneIn)
def add_milestone(project, actor, payload):
    """Add a milestone to an open project."""
    services.project_milestone_add(
        project_id=project.pk, actor=actor, title=payload.title, due_date=payload.due_date
    )


@projects.action("mark_milestone_done", body=LabMilestoneDoneIn)
def project_milestone_done(project, actor, payload):
    """Mark a milestone of the project done."""
    milestone = get_project_milestone_for(project, payload.milestone_id)
    services.project_milestone_done(milestone_id=milestone.pk, actor=actor)


@projects.action("add_deliverable", body=LabMilestoneIn)
def add_deliverable(project, actor, payload):
    """Add a deliverable (title and due date) to an open project."""
    services.deliverable_add(
        project_id=project.pk, actor=actor, title=payload.title, due_date=payload.due_date
    )


router = Router(tags=["lab: staff"], auth=TokenAuth())
router.add_router("/", requests.router(TokenAuth()))
router.add_router("/", agreements.router(TokenAuth()))
router.add_router("/", projects.router(TokenAuth()))

__all__ = ["router"]
