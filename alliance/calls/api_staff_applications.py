"""Calls API on applications and reviews: the secretariat screens and assigns reviewers,
the Director decides, an applicant starts and fills in an application. Every action is
one of states.APPLICATION or states.ASSIGNMENT, through the services the pages call."""

from datetime import datetime
from typing import Literal

from django.http import Http404
from ninja import Query, Router, Schema
from pydantic import AwareDatetime, Field

from alliance.accounts.auth import TokenAuth
from alliance.accounts.models import Organisation
from alliance.centres.models import CentreType
from alliance.core.access import get_visible_or_404
from alliance.core.api_actions import (
    ActionsPageQuery,
    Page,
    Resource,
    actions_of,
    creating,
    page,
    register,
    resource_family,
    step,
    taken_elsewhere,
)
from alliance.core.models import Scope
from alliance.core.policy import can
from alliance.core.schemas import Choice

from . import selectors, services
from .api import ApplicationOut, _application_out
from .models import ReviewAssignment
from .permissions import (
    get_assignment_for,
    get_own_application,
    get_staff_application,
    get_staff_call,
)
from .states import ApplicationStatus

CallsApplicationStatus = Literal[tuple(ApplicationStatus.values)]


class CallsStaffApplicationOut(Schema):
    id: int
    call_id: int
    call: str
    organisation_id: int
    organisation: str
    status: CallsApplicationStatus
    submitted_at: datetime | None
    proposed_centre_type: str | None
    proposed_scope: str
    host_institution: str
    screening_reason: str
    more_info_request: str
    more_info_due_at: datetime | None
    decision_rationale: str
    actions: list[str]


class CallsStaffAssignmentOut(Schema):
    id: int
    application_id: int
    reviewer_id: int
    reviewer: str
    status: Choice(ReviewAssignment, "status")
    due_at: datetime
    submitted_at: datetime | None
    actions: list[str]


class CallsScreenOutIn(Schema):
    reason: str = Field(max_length=5000)


class CallsScreenInIn(Schema):
    reason: str = Field("", max_length=5000)


class CallsRequestInfoIn(Schema):
    message: str = Field(max_length=5000)
    due_at: AwareDatetime | None = None


class CallsAssignReviewerIn(Schema):
    reviewer_id: int
    due_at: AwareDatetime


class CallsDecisionIn(Schema):
    rationale: str = Field(max_length=10_000)
    justification: str = Field("", max_length=10_000)


class CallsApplicationStartIn(Schema):
    organisation_id: int


class CallsApplicationDraftIn(Schema):
    """Only the fields given change; `answers` are merged, by question key ("q12")."""

    proposed_centre_type: str | None = Field(None, max_length=32)
    proposed_scope: Literal[tuple(Scope.values)] | None = None
    host_institution: str | None = Field(None, max_length=200)
    flagship_initiatives: str | None = Field(None, max_length=20_000)
    human_resources_plan: str | None = Field(None, max_length=20_000)
    financial_resources_plan: str | None = Field(None, max_length=20_000)
    answers: dict[str, str | list[str]] | None = Field(None, max_length=100)


def _staff_application_out(a, user) -> dict:
    return {
        "id": a.pk,
        "call_id": a.call_id,
        "call": str(a.call.title),
        "organisation_id": a.organisation_id,
        "organisation": str(a.organisation),
        "status": a.status,
        "submitted_at": a.submitted_at,
        "proposed_centre_type": a.proposed_centre_type.code if a.proposed_centre_type else None,
        "proposed_scope": a.proposed_scope,
        "host_institution": a.host_institution,
        "screening_reason": a.screening_reason,
        "more_info_request": a.more_info_request,
        "more_info_due_at": a.more_info_due_at,
        "decision_rationale": a.decision_rationale,
        "actions": actions_of(a, user),
    }


_resource = resource_family(prefix="calls_staff", base="/staff", tags=["calls: staff"])

applications = _resource(
    "application",
    "applications",
    "application_id",
    "calls.Application",
    get_staff_application,
    out=_staff_application_out,
    own_schema=CallsStaffApplicationOut,
)


applications.steps(
    services,
    {
        "screen_in": step(
            "application_screen",
            "Screen a submitted application as eligible: it goes to review.",
            CallsScreenInIn,
            eligible=True,
        ),
        "screen_out": step(
            "application_screen",
            "Screen a submitted application as ineligible, with the reason the applicant reads.",
            CallsScreenOutIn,
            eligible=False,
        ),
        "request_info": step(
            "application_request_info",
            "Ask the applicant for more information, optionally by a date.",
            CallsRequestInfoIn,
        ),
    },
)


@applications.action("assign_reviewer", body=CallsAssignReviewerIn)
def assign_reviewer(application, actor, payload):
    """Assign one reviewer to an application in review."""
    reviewer = get_visible_or_404(selectors.reviewers(), pk=payload.reviewer_id)
    services.assignment_create(
        application_id=application.pk, reviewer=reviewer, due_at=payload.due_at, actor=actor
    )


applications.steps(
    services,
    {
        "select": step(
            "application_decide",
            "The Director selects the application (it becomes a centre in design).",
            CallsDecisionIn,
            selected=True,
        ),
        "decline": step(
            "application_decide",
            "The Director declines the application.",
            CallsDecisionIn,
            selected=False,
        ),
    },
)


def _assignment_out(a, user) -> dict:
    return {
        "id": a.pk,
        "application_id": a.application_id,
        "reviewer_id": a.reviewer_id,
        "reviewer": str(a.reviewer),
        "status": a.status,
        "due_at": a.due_at,
        "submitted_at": a.submitted_at,
        "actions": actions_of(a, user),
    }


def _staff_assignment(user, pk: int) -> ReviewAssignment:
    if not can(user, "calls.staff"):
        raise Http404
    return get_visible_or_404(ReviewAssignment.objects.select_related("reviewer"), pk=pk)


assignments = _resource(
    "assignment",
    "assignments",
    "assignment_id",
    "calls.ReviewAssignment",
    _staff_assignment,
    out=_assignment_out,
    own_schema=CallsStaffAssignmentOut,
)


assignments.steps(
    services,
    {"remind": step("assignment_remind", "Remind the reviewer of a review not yet submitted.")},
)


# The applicant's side: start an application, then fill it in (submit and withdraw are
# the existing /my/applications operations).
mine = register(
    Resource(
        name="calls_my_application",
        path="/my/applications",
        id_name="application_id",
        model="calls.Application",
        fetch=lambda user, pk: get_own_application(user, pk, write=True),
        out=_application_out,
        schema=ApplicationOut,
        tags=["calls"],
        detail=False,
    )
)


@mine.action("edit", body=CallsApplicationDraftIn)
def edit(application, actor, payload):
    """Save part of a draft (or of a revision asked for): the fields given, merged answers."""
    data = payload.model_dump(exclude_unset=True)
    if "proposed_centre_type" in data:
        code = data["proposed_centre_type"]
        data["proposed_centre_type"] = (
            get_visible_or_404(CentreType.objects.all(), code=code) if code else None
        )
    answers = data.pop("answers", None)
    services.application_save(application_id=application.pk, actor=actor, answers=answers, **data)


taken_elsewhere(
    "calls.Application",
    {
        "submit": "POST /api/v1/my/applications/{application_id}/submit",
        "withdraw": "POST /api/v1/my/applications/{application_id}/withdraw",
    },
)
taken_elsewhere(
    "calls.ReviewAssignment",
    {
        "declare_no_conflict": "POST /api/v1/my/reviews/{assignment_id}/declaration",
        "recuse": "POST /api/v1/my/reviews/{assignment_id}/declaration",
        "save": "POST /api/v1/my/reviews/{assignment_id}/scores",
        "submit": "POST /api/v1/my/reviews/{assignment_id}/scores",
    },
)

router = Router(tags=["calls: staff"], auth=TokenAuth())
CallsApplicationSort = Literal["organisation", "-submitted_at", "submitted_at"]
SORTS = {
    "organisation": ("organisation__name", "id"),
    "-submitted_at": ("-submitted_at", "-id"),
    "submitted_at": ("submitted_at", "id"),
}


@router.get(
    "/staff/calls/{call_id}/applications",
    response=Page(CallsStaffApplicationOut, "CallsStaffApplicationPage"),
    operation_id="calls_staff_application_list",
)
def application_list(
    request,
    call_id: int,
    paging: Query[ActionsPageQuery],
    status: CallsApplicationStatus | None = None,
    sort: CallsApplicationSort = "organisation",
):
    """The submitted applications of a call (drafts are the applicants' own business)."""
    call = get_staff_call(request.auth, call_id)
    rows = selectors.call_applications(call, status).select_related("call").order_by(*SORTS[sort])
    return page(rows, paging, lambda a: _staff_application_out(a, request.auth))


@router.get(
    "/staff/applications/{application_id}/assignments",
    response=list[CallsStaffAssignmentOut],
    operation_id="calls_staff_assignment_list",
)
def assignment_list(request, application_id: int):
    """The reviewers assigned to an application (at most a few per application)."""
    application = get_staff_application(request.auth, application_id)
    rows = application.assignments.select_related("reviewer").order_by("pk")
    return [_assignment_out(a, request.auth) for a in rows]


mine_router = Router(tags=["calls"], auth=TokenAuth())


@mine_router.post(
    "/my/calls/{call_id}/applications",
    response=ApplicationOut,
    operation_id="calls_my_application_start",
)
def application_start(request, call_id: int, payload: CallsApplicationStartIn):
    """Start an application of one of the caller's organisations to an open call."""
    if selectors.public_call_or_none(call_id) is None:
        raise Http404
    organisation = get_visible_or_404(
        Organisation.objects.filter(memberships__user=request.auth).distinct(),
        pk=payload.organisation_id,
    )

    def compute():
        application = services.application_start(
            call_id=call_id, organisation=organisation, actor=request.auth
        )
        return _application_out(get_own_application(request.auth, application.pk), request.auth)

    return creating(request, ApplicationOut, compute)


class CallsReviewCriterionOut(Schema):
    id: int
    title: str
    weight: int


class CallsMyReviewOut(Schema):
    id: int
    application_id: int
    organisation: str
    call: str
    status: Choice(ReviewAssignment, "status")
    due_at: datetime
    criteria: list[CallsReviewCriterionOut]
    actions: list[str]


@mine_router.get(
    "/my/reviews/{assignment_id}", response=CallsMyReviewOut, operation_id="calls_my_review"
)
def my_review(request, assignment_id: int):
    """A reviewer's assignment with the criteria to score (their ids for `/scores`)."""
    a = get_assignment_for(request.auth, assignment_id)
    criteria = a.application.call.criteria.order_by("order", "pk")
    return {
        "id": a.pk,
        "application_id": a.application_id,
        "organisation": str(a.application.organisation),
        "call": str(a.application.call.title),
        "status": a.status,
        "due_at": a.due_at,
        "criteria": [{"id": c.pk, "title": str(c.title), "weight": c.weight} for c in criteria],
        "actions": actions_of(a, request.auth),
    }


router.add_router("/", applications.router(TokenAuth()))
router.add_router("/", assignments.router(TokenAuth()))
mine_router.add_router("/", mine.router(TokenAuth()))
