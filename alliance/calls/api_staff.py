"""Calls API for the secretariat and the Director: draft a call, publish it, close it,
start the review, assign reviewers, mark it decided, publish its results, cancel it. Every
action is one of the call's transition table (states.CALL), taken through the service
the staff pages call (docs/api-actions.md)."""

from datetime import datetime
from typing import Literal

from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import AwareDatetime, Field, model_validator

from alliance.accounts.auth import TokenAuth
from alliance.centres.models import CentreType
from alliance.core.api_actions import (
    ActionsPageQuery,
    Page,
    actions_of,
    creating,
    page,
    resource_family,
    step,
)
from alliance.core.models import Region, Scope
from alliance.core.policy import can, require
from alliance.core.schemas import RequiredTranslationsIn, TranslationsIn

from . import selectors, services
from .api import CallOut
from .models import Call, QuestionKind, WhoMayApply
from .permissions import get_staff_call
from .states import CallStatus

CallsCallStatus = Literal[tuple(CallStatus.values)]
CallsScope = Literal[tuple(Scope.values)]


class CallsStaffCallOut(CallOut):
    """A call as the secretariat sees it, with the actions the caller may take now."""

    text: str
    cancel_reason: str
    target_reviews: int
    created_at: datetime
    published_at: datetime | None
    closed_at: datetime | None
    results_published_at: datetime | None
    applications: int
    actions: list[str]

    @staticmethod
    def resolve_text(obj):
        return str(obj.text)

    @staticmethod
    def resolve_applications(obj):
        n = getattr(obj, "n_applications", None)
        return obj.applications.exclude(status="draft").count() if n is None else n


class CallsStaffCallIn(Schema):
    reference: str = Field(min_length=1, max_length=60, pattern=r"^[-a-zA-Z0-9_]+$")
    title: RequiredTranslationsIn
    summary: RequiredTranslationsIn
    text: RequiredTranslationsIn
    required_documents: TranslationsIn = {}
    centre_types: list[str] = Field(min_length=1, max_length=20)
    scopes: list[CallsScope] = Field(min_length=1, max_length=3)
    regions: list[str] = Field([], max_length=10)
    who_may_apply: Literal[tuple(WhoMayApply.values)] = WhoMayApply.ANY.value
    opens_at: AwareDatetime
    closes_at: AwareDatetime
    target_reviews: int = Field(2, ge=1, le=20)

    @model_validator(mode="after")
    def _dates(self):
        # The form's rule (forms.CallForm.clean), in the same words.
        if self.opens_at >= self.closes_at:
            raise ValueError(_("The deadline must come after the opening."))
        return self


class CallsStaffCallEditIn(Schema):
    """Only the fields given change (a draft only)."""

    reference: str | None = Field(None, min_length=1, max_length=60, pattern=r"^[-a-zA-Z0-9_]+$")
    title: RequiredTranslationsIn | None = None
    summary: RequiredTranslationsIn | None = None
    text: RequiredTranslationsIn | None = None
    required_documents: TranslationsIn | None = None
    centre_types: list[str] | None = Field(None, min_length=1, max_length=20)
    scopes: list[CallsScope] | None = Field(None, min_length=1, max_length=3)
    regions: list[str] | None = Field(None, max_length=10)
    who_may_apply: Literal[tuple(WhoMayApply.values)] | None = None
    opens_at: AwareDatetime | None = None
    closes_at: AwareDatetime | None = None
    target_reviews: int | None = Field(None, ge=1, le=20)


class CallsCriterionIn(Schema):
    title: RequiredTranslationsIn
    description: TranslationsIn = {}
    weight: int = Field(ge=0, le=100)


class CallsCriteriaIn(Schema):
    criteria: list[CallsCriterionIn] = Field(min_length=1, max_length=30)


class CallsQuestionIn(Schema):
    kind: Literal[tuple(QuestionKind.values)]
    label: RequiredTranslationsIn
    help: TranslationsIn = {}
    required: bool = True
    word_limit: int | None = Field(None, ge=1, le=100_000)
    choices: TranslationsIn = {}


class CallsQuestionsIn(Schema):
    questions: list[CallsQuestionIn] = Field(max_length=50)


class CallsCancelIn(Schema):
    reason: str = Field(max_length=5000)


class CallsAssignReviewersIn(Schema):
    reviewer_ids: list[int] = Field(min_length=1, max_length=200)
    due_at: AwareDatetime


class CallsReviewerOut(Schema):
    id: int
    full_name: str
    email: str


def _relations(data: dict) -> dict:
    """Codes of centre types and regions -> rows; an unknown code is a 422."""
    out = {}
    for name, model in (("centre_types", CentreType), ("regions", Region)):
        codes = data.pop(name, None)
        if codes is None:
            continue
        rows = list(model.objects.filter(code__in=codes))
        unknown = set(codes) - {r.code for r in rows}
        if unknown:
            raise HttpError(
                422, _("Unknown codes: %(codes)s") % {"codes": ", ".join(sorted(unknown))}
            )
        out[name] = rows
    return out


def _call_out(call, user) -> Call:
    call.actions = actions_of(call, user)
    return call


def _fetch(user, pk: int) -> Call:
    call = get_staff_call(user, pk)
    return Call.objects.prefetch_related("centre_types", "regions", "criteria").get(pk=call.pk)


_resource = resource_family(prefix="calls_staff", base="/staff", tags=["calls: staff"])

calls = _resource(
    "call", "calls", "call_id", "calls.Call", _fetch, out=_call_out, own_schema=CallsStaffCallOut
)


@calls.action("edit", body=CallsStaffCallEditIn)
def edit(call, actor, payload):
    """Change the text, dates or eligibility of a draft call."""
    data = payload.model_dump(exclude_unset=True)
    services.call_update(call_id=call.pk, actor=actor, **_relations(data), **data)


@calls.action("set_criteria", body=CallsCriteriaIn)
def set_criteria(call, actor, payload):
    """Replace the evaluation criteria of a draft call; the weights add up to 100."""
    rows = [c.model_dump() for c in payload.criteria]
    services.call_set_criteria(call_id=call.pk, actor=actor, criteria=rows)


@calls.action("set_questions", body=CallsQuestionsIn)
def set_questions(call, actor, payload):
    """Replace the questions applicants answer (a draft call only)."""
    rows = [q.model_dump() for q in payload.questions]
    services.call_set_questions(call_id=call.pk, actor=actor, questions=rows)


calls.steps(
    services,
    {
        "publish": step("call_publish", "Publish a draft call: it opens and its criteria freeze."),
        "close_now": step("call_close_now", "Close an open call before its deadline."),
        "start_review": step("call_start_review", "Start the review of a closed call."),
    },
)


@calls.action("assign_reviewers", body=CallsAssignReviewersIn)
def assign_reviewers(call, actor, payload):
    """Bring every eligible application up to the call's number of reviews, giving each to
    the least-loaded of these reviewers."""
    people = list(selectors.reviewers().filter(pk__in=payload.reviewer_ids))
    if len(people) != len(set(payload.reviewer_ids)):
        raise Http404
    services.assignments_bulk_create(
        call_id=call.pk, reviewers=people, due_at=payload.due_at, actor=actor
    )


calls.steps(
    services,
    {
        "mark_decided": step(
            "call_mark_decided",
            "Mark the call decided once every eligible application has a decision.",
        ),
        "publish_results": step(
            "call_publish_results",
            "Publish the results of a decided call; each applicant is told its outcome.",
        ),
        "cancel": step(
            "call_cancel", "Cancel a call, with the reason the applicants read.", CallsCancelIn
        ),
    },
)


router = Router(tags=["calls: staff"], auth=TokenAuth())

CallsStaffCallPage = Page(CallsStaffCallOut, "CallsStaffCallPage")
CallsCallSort = Literal["-created_at", "created_at", "closes_at", "-closes_at", "reference"]


def _with_status(rows, status: str):
    # Filter on the current status: an open call past its deadline is closed.
    now = timezone.now()
    if status == CallStatus.OPEN:
        return rows.filter(status=CallStatus.OPEN, closes_at__gt=now)
    if status == CallStatus.CLOSED:
        return rows.filter(
            Q(status=CallStatus.CLOSED) | Q(status=CallStatus.OPEN, closes_at__lte=now)
        )
    return rows.filter(status=status)


@router.get("/staff/calls", response=CallsStaffCallPage, operation_id="calls_staff_call_list")
def call_list(
    request,
    paging: Query[ActionsPageQuery],
    status: CallsCallStatus | None = None,
    sort: CallsCallSort = "-created_at",
):
    """Every call, in any state; filtered by current status, sorted, one page at a time."""
    if not can(request.auth, "calls.staff"):
        raise Http404
    rows = selectors.staff_calls().prefetch_related("centre_types", "regions", "criteria")
    if status:
        rows = _with_status(rows, status)
    rows = rows.order_by(sort, "-id")
    return page(rows, paging, lambda c: _call_out(c, request.auth))


@router.post("/staff/calls", response=CallsStaffCallOut, operation_id="calls_staff_call_create")
def call_create(request, payload: CallsStaffCallIn):
    """Save a new call as a draft (then its criteria with `set_criteria`, then `publish`)."""
    require(request.auth, "calls.call.manage")

    def compute():
        data = payload.model_dump()
        call = services.call_create(actor=request.auth, **_relations(data), **data)
        return calls.out(_fetch(request.auth, call.pk), request.auth)

    return creating(request, CallsStaffCallOut, compute)


@router.get(
    "/staff/reviewers",
    response=Page(CallsReviewerOut, "CallsReviewerPage"),
    operation_id="calls_staff_reviewer_list",
)
def reviewer_list(request, paging: Query[ActionsPageQuery]):
    """The people who may be assigned as reviewers."""
    if not can(request.auth, "calls.call.manage"):
        raise Http404
    rows = selectors.reviewers().order_by("full_name", "pk")
    return page(rows, paging, lambda u: {"id": u.pk, "full_name": u.full_name, "email": u.email})


router.add_router("/", calls.router(TokenAuth()))
