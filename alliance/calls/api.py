"""Calls API: public calls and results; an organisation's applications and a reviewer's
reviews with a personal token. Every write goes through the same services as the pages."""

from datetime import datetime

from django.http import Http404
from ninja import Router, Schema
from ninja.pagination import paginate

from alliance.accounts.auth import TokenAuth
from alliance.core.kernel import allowed_actions
from alliance.core.models import Scope
from alliance.core.schemas import Choice, TranslatedText, WithTranslations

from . import selectors, services
from .models import Application, Call, ReviewAssignment
from .permissions import get_assignment_for, get_own_application, get_staff_call


class CriterionOut(WithTranslations("title")):
    title: TranslatedText
    weight: int


class CallOut(WithTranslations("title", "summary")):
    id: int
    reference: str
    title: TranslatedText
    summary: TranslatedText
    status: Choice(Call, "status")
    opens_at: datetime
    closes_at: datetime
    who_may_apply: Choice(Call, "who_may_apply")
    scopes: list[Choice(Scope)]
    centre_types: list[str]
    regions: list[str]
    criteria: list[CriterionOut]

    @staticmethod
    def resolve_status(obj):
        # The current status: "closed" from the second the deadline passes.
        return obj.current_status

    @staticmethod
    def resolve_centre_types(obj):
        return [t.code for t in obj.centre_types.all()]

    @staticmethod
    def resolve_regions(obj):
        return [r.code for r in obj.regions.all()]

    @staticmethod
    def resolve_criteria(obj):
        return list(obj.criteria.all())


class StaffCallOut(CallOut):
    """A call as the secretariat gets it back from a write: with what they may do next."""

    actions: list[str]


class ResultOut(Schema):
    organisation: str
    country: str
    centre_type: str | None
    scope: Choice(Application, "proposed_scope")
    consolidated_score: float | None


class ResultsOut(Schema):
    call: str
    applications: int
    eligible: int
    reviews: int
    selected: list[ResultOut]


class ApplicationOut(Schema):
    id: int
    call_id: int
    call: str
    organisation: str
    status: Choice(Application, "status")
    submitted_at: datetime | None
    screening_reason: str
    more_info_request: str
    # What the token's owner may do next (the same list the pages use).
    actions: list[str]


class AssignmentOut(Schema):
    id: int
    application_id: int
    organisation: str
    call: str
    status: Choice(ReviewAssignment, "status")
    due_at: datetime
    actions: list[str]


class DeclarationIn(Schema):
    has_conflict: bool
    note: str = ""


class ScoreIn(Schema):
    criterion_id: int
    value: int | None = None
    comment: str = ""


class ReviewIn(Schema):
    scores: list[ScoreIn]
    shared_comment: str = ""
    private_notes: str = ""
    submit: bool = False


public = Router(tags=["calls"])


@public.get("/calls", response=list[CallOut])
@paginate
def calls(request, show: str = "open"):
    query = {
        "open": selectors.calls_open,
        "upcoming": selectors.calls_upcoming,
        "past": selectors.calls_past,
    }.get(show, selectors.calls_open)
    return query().prefetch_related("criteria")


@public.get("/calls/{call_id}", response=CallOut)
def call_detail(request, call_id: int):
    call = selectors.public_call_or_none(call_id)
    if call is None:
        raise Http404
    return call


@public.get("/calls/{call_id}/results", response=ResultsOut)
def call_results(request, call_id: int):
    call = selectors.public_call_or_none(call_id)
    if call is None or not call.has_results:
        raise Http404
    figures = selectors.call_figures(call)
    return {
        "call": str(call.title),
        "applications": figures["submitted"],
        "eligible": figures["eligible"],
        "reviews": figures["reviews"],
        "selected": [
            {
                "organisation": str(a.organisation),
                "country": a.organisation.country.code,
                "centre_type": a.proposed_centre_type.code if a.proposed_centre_type else None,
                "scope": a.proposed_scope,
                "consolidated_score": round(c.calibrated, 3) if c else None,
            }
            for a, c in selectors.published_results(call)
        ],
    }


mine = Router(tags=["calls"], auth=TokenAuth())


def _application_out(a, user) -> dict:
    return {
        "id": a.pk,
        "call_id": a.call_id,
        "call": str(a.call.title),
        "organisation": str(a.organisation),
        "status": a.status,
        "submitted_at": a.submitted_at,
        "screening_reason": a.screening_reason,
        "more_info_request": a.more_info_request,
        "actions": sorted(allowed_actions(a, user)),
    }


@mine.get("/my/applications", response=list[ApplicationOut])
@paginate
def my_applications(request):
    return [
        _application_out(a, request.auth)
        for a in selectors.applications_for_organisations(request.auth).distinct()
    ]


@mine.get("/my/applications/{application_id}", response=ApplicationOut)
def my_application(request, application_id: int):
    return _application_out(get_own_application(request.auth, application_id), request.auth)


@mine.post("/my/applications/{application_id}/submit", response=ApplicationOut)
def submit(request, application_id: int):
    application = get_own_application(request.auth, application_id, write=True)
    services.application_submit(application_id=application.pk, actor=request.auth)
    return _application_out(get_own_application(request.auth, application_id), request.auth)


@mine.post("/my/applications/{application_id}/withdraw", response=ApplicationOut)
def withdraw(request, application_id: int):
    application = get_own_application(request.auth, application_id, write=True)
    services.application_withdraw(application_id=application.pk, actor=request.auth)
    return _application_out(get_own_application(request.auth, application_id), request.auth)


def _assignment_out(a, user) -> dict:
    return {
        "id": a.pk,
        "application_id": a.application_id,
        "organisation": str(a.application.organisation),
        "call": str(a.application.call.title),
        "status": a.status,
        "due_at": a.due_at,
        "actions": sorted(allowed_actions(a, user)),
    }


@mine.get("/my/reviews", response=list[AssignmentOut])
@paginate
def my_reviews(request):
    return [_assignment_out(a, request.auth) for a in selectors.reviewer_queue(request.auth)]


@mine.post("/my/reviews/{assignment_id}/declaration", response=AssignmentOut)
def declare(request, assignment_id: int, payload: DeclarationIn):
    assignment = get_assignment_for(request.auth, assignment_id)
    services.assignment_declare(
        assignment_id=assignment.pk,
        actor=request.auth,
        has_conflict=payload.has_conflict,
        note=payload.note,
    )
    assignment.refresh_from_db()
    return _assignment_out(assignment, request.auth)


@mine.post("/my/reviews/{assignment_id}/scores", response=AssignmentOut)
def score(request, assignment_id: int, payload: ReviewIn):
    assignment = get_assignment_for(request.auth, assignment_id)
    services.review_save(
        assignment_id=assignment.pk,
        actor=request.auth,
        scores={s.criterion_id: (s.value, s.comment) for s in payload.scores},
        shared_comment=payload.shared_comment,
        private_notes=payload.private_notes,
        submit=payload.submit,
    )
    assignment.refresh_from_db()
    return _assignment_out(assignment, request.auth)


staff = Router(tags=["calls"], auth=TokenAuth())


@staff.post("/staff/calls/{call_id}/close", response=StaffCallOut)
def close_now(request, call_id: int):
    """Close an open call before its deadline (the secretariat's "Close the call now");
    409 `call_not_open` when it is not open (already closed at its deadline, say)."""
    call = get_staff_call(request.auth, call_id)
    services.call_close_now(call_id=call.pk, actor=request.auth)
    call = get_staff_call(request.auth, call_id)
    call.actions = sorted(allowed_actions(call, request.auth))
    return call


router = Router()
router.add_router("/", public)
router.add_router("/", mine)
router.add_router("/", staff)
