"""Technical assistance through the API, with the requester's token (same services as pages)."""

from datetime import datetime
from typing import Literal

from django.conf import settings
from ninja import Query, Router, Schema

from alliance.accounts.auth import TokenAuth
from alliance.accounts.permissions import get_organisation_for
from alliance.core.api_actions import creating, window, window_query
from alliance.core.kernel import allowed_actions
from alliance.core.schemas import Choice

from . import services
from .models import AssistanceKind, TechnicalAssistanceRequest, Urgency
from .permissions import get_request_for
from .selectors import requests_visible_to

router = Router(tags=["lab"], auth=TokenAuth())


class RequestMilestoneOut(Schema):
    title: str
    due_date: str
    done: bool


class RequestOut(Schema):
    id: int
    organisation_id: int
    kind: Choice(TechnicalAssistanceRequest, "kind")
    description: str
    urgency: Choice(TechnicalAssistanceRequest, "urgency")
    preferred_language: Choice(TechnicalAssistanceRequest, "preferred_language")
    status: Choice(TechnicalAssistanceRequest, "status")
    plan: str
    milestones: list[RequestMilestoneOut]
    delivered_at: datetime | None
    satisfaction: int | None
    decline_reason: str
    created_at: datetime
    # What the caller may do next (the request's transition table and the policy).
    actions: list[str]


class RequestIn(Schema):
    organisation_id: int
    kind: Choice(AssistanceKind)
    description: str
    urgency: Choice(Urgency) = "normal"
    # The interface languages (settings.LANGUAGES).
    preferred_language: Literal[tuple(code for code, _name in settings.LANGUAGES)] = "en"


class CloseIn(Schema):
    satisfaction: int
    comment: str = ""


COMPUTED = {"milestones", "actions"}


def _out(tar, user) -> dict:
    return {
        **{f: getattr(tar, f) for f in RequestOut.model_fields if f not in COMPUTED},
        "actions": sorted(allowed_actions(tar, user)),
        "milestones": [
            {"title": m.title, "due_date": m.due_date.isoformat(), "done": m.done_at is not None}
            for m in tar.milestones.all()
        ],
    }


@router.get("/lab/requests", response=list[RequestOut])
def request_list(request, paging: Query[window_query(200)]):
    """The requests the caller may see, newest first (`limit` up to 200, `offset`)."""
    rows = requests_visible_to(request.auth).prefetch_related("milestones")
    return [_out(t, request.auth) for t in window(rows.order_by("-created_at", "-pk"), paging)]


@router.post("/lab/requests", response={201: RequestOut})
def request_create(request, payload: RequestIn):
    """Ask the Lab for assistance. With an `Idempotency-Key`, a retry gets the first
    request (201 again), not a second one."""

    def compute():
        organisation = get_organisation_for(request.auth, payload.organisation_id)
        tar = services.request_submit(
            organisation=organisation,
            actor=request.auth,
            kind=payload.kind,
            description=payload.description,
            urgency=payload.urgency,
            preferred_language=payload.preferred_language,
        )
        return _out(tar, request.auth)

    return creating(request, RequestOut, compute, status=201, field_errors=True)


@router.get("/lab/requests/{request_id}", response=RequestOut)
def request_get(request, request_id: int):
    return _out(get_request_for(request.auth, request_id), request.auth)


@router.post("/lab/requests/{request_id}/agree", response=RequestOut)
def request_agree(request, request_id: int):
    tar = get_request_for(request.auth, request_id)
    return _out(services.request_plan_agree(request_id=tar.pk, actor=request.auth), request.auth)


@router.post("/lab/requests/{request_id}/close", response=RequestOut)
def request_close(request, request_id: int, payload: CloseIn):
    tar = get_request_for(request.auth, request_id)
    closed = services.request_close(
        request_id=tar.pk,
        actor=request.auth,
        satisfaction=payload.satisfaction,
        comment=payload.comment,
    )
    return _out(closed, request.auth)
