"""Lab API for its experts: triage, assign and decline requests, propose plans, mark
milestones, deliver; sign, activate and end cooperation agreements, add projects; run
projects. Each action is one of the Lab's transition tables (states.py), through the
services the Lab's pages call (docs/api-actions.md)."""

from datetime import date

from django.contrib.auth import get_user_model
from ninja import Schema
from pydantic import Field

from alliance.accounts.auth import TokenAuth
from alliance.core.access import get_visible_or_404
from alliance.core.api_actions import (
    actions_of,
    form_values,
    mount,
    resource_family,
    step,
    taken_elsewhere,
)
from alliance.core.schemas import Choice

from . import services
from .api import RequestOut
from .api import _out as _request_out
from .forms import AgreementEditForm, DeliverableForm, DeliverForm, ProjectForm
from .models import CooperationAgreement, Project
from .permissions import (
    get_agreement_for,
    get_deliverable_for,
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
    title: str = Field("", max_length=200, description="the title of the `document` sent with it")


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
    deliverables: list[dict] = []
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
        "deliverables": [
            {
                "id": d.pk,
                "title": d.title,
                "due_date": d.due_date.isoformat(),
                "delivered": d.delivered_at is not None,
            }
            for d in p.deliverables.order_by("pk")
        ],
        "actions": actions_of(p, user),
    }


_resource = resource_family(prefix="lab_staff", base="/lab/staff", tags=["lab: staff"])

requests = _resource(
    "request",
    "requests",
    "request_id",
    "lab.TechnicalAssistanceRequest",
    get_request_for,
    out=_request_out,
    own_schema=RequestOut,
)


requests.steps(
    services,
    {"triage": step("request_triage", "Triage a new request, with an internal note.", LabNoteIn)},
)


@requests.action("assign", body=LabAssignIn)
def assign(tar, actor, payload):
    """Assign a triaged request to a Lab expert."""
    assignee = get_visible_or_404(get_user_model().objects.all(), pk=payload.assignee_id)
    services.request_assign(request_id=tar.pk, actor=actor, assignee=assignee)


requests.steps(
    services,
    {
        "decline": step(
            "request_decline",
            "Decline a request, with the reason the organisation reads.",
            LabReasonIn,
        )
    },
)


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


@requests.action("deliver", body=LabDeliverIn, optional_files=("document",), json_too=True)
def deliver(tar, actor, payload, files):
    """Deliver the work, with a note and a document (multipart: `note`, `title`, `document`).

    With a document, the page's form cleans the fields: a title, and a PDF, office
    document, CSV, text or image of 10 MB at most, scanned; 422 per field otherwise. The
    earlier JSON body `{"note": …}` still delivers with the note only, when the request
    already has its documents (409 `no_document` otherwise)."""
    if files["document"] is None and not payload.title:
        services.request_deliver(request_id=tar.pk, actor=actor, note=payload.note, documents=[])
        return
    cleaned = form_values(DeliverForm, payload.model_dump(), files)
    services.request_deliver(
        request_id=tar.pk,
        actor=actor,
        note=cleaned["note"],
        documents=[(cleaned["title"], cleaned["document"])],
    )


taken_elsewhere(
    "lab.TechnicalAssistanceRequest",
    {
        "agree_plan": "POST /api/v1/lab/requests/{request_id}/agree",
        "close": "POST /api/v1/lab/requests/{request_id}/close",
    },
)

agreements = _resource(
    "agreement",
    "agreements",
    "agreement_id",
    "lab.CooperationAgreement",
    get_agreement_for,
    out=_agreement_out,
    own_schema=LabAgreementOut,
)


agreements.steps(
    services,
    {
        "sign": step(
            "agreement_set_status",
            "Record the agreement as signed.",
            status=AgreementStatus.SIGNED,
        ),
        "activate": step(
            "agreement_set_status",
            "Make a signed agreement active.",
            status=AgreementStatus.ACTIVE,
        ),
        "end": step("agreement_set_status", "End the agreement.", status=AgreementStatus.ENDED),
    },
)


class LabAgreementEditIn(Schema):
    title: str = Field(min_length=1, max_length=200)
    parties: str = Field(min_length=1, max_length=2000)
    scope: str = Field(min_length=1, max_length=10_000)
    start_date: date
    end_date: date


@agreements.action("edit", body=LabAgreementEditIn, optional_files=("document",))
def agreement_edit(agreement, actor, payload, files):
    """Correct the agreement's details (multipart: its fields and, to replace the current
    one, a `document`: PDF, office document, CSV, text or image, 10 MB at most, scanned)."""
    cleaned = form_values(AgreementEditForm, payload.model_dump(mode="json"), files)
    services.agreement_update(agreement_id=agreement.pk, actor=actor, **cleaned)


@agreements.action("add_project", body=LabProjectIn)
def add_project(agreement, actor, payload):
    """Add a project under the agreement."""
    services.project_create(actor=actor, agreement=agreement, **payload.model_dump())


projects = _resource(
    "project",
    "projects",
    "project_id",
    "lab.Project",
    get_project_for,
    out=_project_out,
    own_schema=LabProjectOut,
)


projects.steps(
    services,
    {
        "start": step(
            "project_set_status", "Start a planned project.", status=ProjectStatus.ACTIVE
        ),
        "complete": step(
            "project_set_status", "Complete an active project.", status=ProjectStatus.COMPLETED
        ),
        "cancel": step("project_set_status", "Cancel the project.", status=ProjectStatus.CANCELLED),
    },
)


@projects.action("edit", body=LabProjectIn)
def project_edit(project, actor, payload):
    """Correct the project's details (the page's rules: budget up to 1 billion USD)."""
    cleaned = form_values(ProjectForm, payload.model_dump(mode="json"))
    services.project_update(project_id=project.pk, actor=actor, **cleaned)


class LabDeliverableIn(Schema):
    deliverable_id: int


@projects.action("deliver", body=LabDeliverableIn, files=("document",))
def project_deliver(project, actor, payload, files):
    """Deliver one of the project's deliverables (multipart: `deliverable_id`, `document`:
    PDF, office document, CSV, text or image, 10 MB at most, scanned)."""
    deliverable = get_deliverable_for(project, payload.deliverable_id)
    cleaned = form_values(DeliverableForm, {}, files)
    services.deliverable_deliver(
        deliverable_id=deliverable.pk, actor=actor, document=cleaned["document"]
    )


projects.steps(
    services,
    {
        "add_milestone": step(
            "project_milestone_add", "Add a milestone to an open project.", LabMilestoneIn
        )
    },
)


@projects.action("mark_milestone_done", body=LabMilestoneDoneIn)
def project_milestone_done(project, actor, payload):
    """Mark a milestone of the project done."""
    milestone = get_project_milestone_for(project, payload.milestone_id)
    services.project_milestone_done(milestone_id=milestone.pk, actor=actor)


projects.steps(
    services,
    {
        "add_deliverable": step(
            "deliverable_add",
            "Add a deliverable (title and due date) to an open project.",
            LabMilestoneIn,
        )
    },
)

router = mount((requests, agreements, projects), tags=["lab: staff"], auth=TokenAuth)

__all__ = ["router"]
