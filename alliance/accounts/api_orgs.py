"""JSON API for people and organisations (issue 17): a person asks to join an organisation
(or to take over one nobody runs) and withdraws; a focal point or the secretariat answers;
an organisation asks for a check of its ITU membership and the secretariat verifies it.
The same services as the pages; refusals come back as {"code", "message"}."""

from datetime import datetime

from ninja import Query, Router, Schema
from pydantic import Field

from alliance.core.access import get_visible_or_404
from alliance.core.api_actions import creating, taken_elsewhere, window, window_query
from alliance.core.schemas import Choice, WithActions

from . import itu, joins
from .auth import TokenAuth
from .models import JoinRequest, Organisation
from .permissions import get_organisation_for, get_organisation_for_staff

router = Router(tags=["organisations"], auth=TokenAuth())


class JoinRequestIn(Schema):
    message: str = ""


class JoinRequestOut(WithActions):
    id: int
    kind: Choice(JoinRequest, "kind")
    organisation_id: int
    status: Choice(JoinRequest, "status")
    message: str
    reason: str
    created_at: datetime

    @staticmethod
    def resolve_status(obj):
        return obj.current_status


class DeclineIn(Schema):
    reason: str = ""


class VerifyIn(Schema):
    entry_id: int


class MembershipCheckOut(WithActions):
    id: int
    name: str
    itu_status: Choice(Organisation, "itu_status")
    verified_membership: str | None
    entry: str | None

    @staticmethod
    def resolve_entry(obj):
        return f"{obj.itu_entry.category}:{obj.itu_entry.key}" if obj.itu_entry_id else None


def _request_for(user, pk) -> JoinRequest:
    from django.db.models import Q

    from .permissions import join_requests_answerable_by

    answerable = join_requests_answerable_by(user).values("pk")
    return get_visible_or_404(
        JoinRequest.objects.filter(Q(user=user) | Q(pk__in=answerable)), pk=pk
    )


@router.get("/join-requests", response=list[JoinRequestOut])
def my_join_requests(request, paging: Query[window_query(200)]):
    """The caller's requests to join, newest first (`limit` up to 200, `offset`)."""
    return window(request.auth.join_requests.order_by("-created_at", "-pk"), paging)


@router.post(
    "/organisations/{int:pk}/join-requests", response={201: JoinRequestOut}, summary="Ask to join"
)
def join_request_send(request, pk: int, payload: JoinRequestIn):
    """With an `Idempotency-Key`, a retry gets the first request (201 again)."""
    get_visible_or_404(Organisation.objects.all(), pk=pk)

    def compute():
        return joins.join_request_send(
            organisation_id=pk, actor=request.auth, message=payload.message
        )

    return creating(request, JoinRequestOut, compute, orm=True, status=201, field_errors=True)


@router.post("/join-requests/{int:pk}/approve", response=JoinRequestOut)
def join_request_approve(request, pk: int):
    joins.join_request_approve(request_id=_request_for(request.auth, pk).pk, actor=request.auth)
    return JoinRequest.objects.get(pk=pk)


@router.post("/join-requests/{int:pk}/decline", response=JoinRequestOut)
def join_request_decline(request, pk: int, payload: DeclineIn):
    found = _request_for(request.auth, pk)
    return joins.join_request_decline(
        request_id=found.pk, actor=request.auth, reason=payload.reason
    )


@router.post("/join-requests/{int:pk}/withdraw", response=JoinRequestOut)
def join_request_withdraw(request, pk: int):
    found = get_visible_or_404(request.auth.join_requests.all(), pk=pk)
    return joins.join_request_withdraw(request_id=found.pk, actor=request.auth)


@router.post("/organisations/{int:pk}/membership-check", response=MembershipCheckOut)
def membership_check_request(request, pk: int):
    organisation = get_organisation_for(request.auth, pk, manage=True)
    return itu.request_check(organisation_id=organisation.pk, actor=request.auth)


@router.post("/organisations/{int:pk}/membership-check/verify", response=MembershipCheckOut)
def membership_verify(request, pk: int, payload: VerifyIn):
    organisation = get_organisation_for_staff(request.auth, pk)
    return itu.verify(
        organisation_id=organisation.pk, actor=request.auth, entry_id=payload.entry_id
    )


class ReasonIn(Schema):
    reason: str = Field(..., min_length=1, max_length=10_000)


@router.post("/organisations/{int:pk}/membership-check/decline", response=MembershipCheckOut)
def membership_decline(request, pk: int, payload: ReasonIn):
    """The secretariat declines the check, saying why (the focal point reads it)."""
    organisation = get_organisation_for_staff(request.auth, pk)
    return itu.decline_check(
        organisation_id=organisation.pk, actor=request.auth, reason=payload.reason
    )


@router.post("/organisations/{int:pk}/membership-check/revoke", response=MembershipCheckOut)
def membership_revoke(request, pk: int, payload: ReasonIn):
    """The secretariat withdraws a verification, saying why."""
    organisation = get_organisation_for_staff(request.auth, pk)
    return itu.revoke_check(
        organisation_id=organisation.pk, actor=request.auth, reason=payload.reason
    )


taken_elsewhere(
    "accounts.JoinRequest",
    {
        "approve": "POST /api/v1/join-requests/{pk}/approve",
        "decline": "POST /api/v1/join-requests/{pk}/decline",
        "withdraw": "POST /api/v1/join-requests/{pk}/withdraw",
    },
)
taken_elsewhere(
    "accounts.Organisation",
    {
        "request_check": "POST /api/v1/organisations/{pk}/membership-check",
        "verify": "POST /api/v1/organisations/{pk}/membership-check/verify",
        "decline_check": "POST /api/v1/organisations/{pk}/membership-check/decline",
        "revoke_check": "POST /api/v1/organisations/{pk}/membership-check/revoke",
    },
)
