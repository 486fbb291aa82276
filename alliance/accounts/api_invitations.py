"""Invitations to join an organisation, in the API: the invited person sees and accepts
theirs (the emailed link's page does the same); a focal point or an authorised signatory
sends and revokes them (the organisation's page). The same services and policy as the
pages; another person's invitation is 404."""

from datetime import datetime
from typing import Literal

from django.db.models import Q
from ninja import Query, Router, Schema
from pydantic import Field

from alliance.core.access import get_visible_or_404
from alliance.core.api_actions import (
    ActionsPageQuery,
    Page,
    Resource,
    actions_of,
    creating,
    page,
    register,
)
from alliance.core.schemas import Choice

from . import services
from .auth import TokenAuth
from .models import Invitation, InvitationStatus, MembershipRole
from .permissions import get_organisation_for
from .policy import MANAGER_ROLES


class AccountsInvitationOut(Schema):
    id: int
    organisation_id: int
    organisation: str
    email: str
    role: Choice(Invitation, "role")
    status: Choice(Invitation, "status")
    created_at: datetime
    actions: list[str]


class AccountsInvitationIn(Schema):
    email: str = Field(min_length=3, max_length=254)
    role: MembershipRole = MembershipRole.MEMBER


AccountsInvitationSort = Literal["-created_at", "created_at", "email"]


class AccountsInvitationQuery(ActionsPageQuery):
    status: InvitationStatus | None = None
    organisation_id: int | None = None
    sort: AccountsInvitationSort = "-created_at"


def visible_invitations(user):
    """Those sent to the caller's address, and those of the organisations they manage."""
    managed = [org for org, role in user.organisation_roles().items() if role in MANAGER_ROLES]
    return Invitation.objects.filter(
        Q(email__iexact=user.email) | Q(organisation_id__in=managed)
    ).select_related("organisation")


def _out(invitation, user) -> dict:
    return {
        "id": invitation.pk,
        "organisation_id": invitation.organisation_id,
        "organisation": str(invitation.organisation),
        "email": invitation.email,
        "role": invitation.role,
        "status": invitation.status,
        "created_at": invitation.created_at,
        "actions": actions_of(invitation, user),
    }


invitations = register(
    Resource(
        name="accounts_invitation",
        path="/invitations",
        id_name="invitation_id",
        model="accounts.Invitation",
        fetch=lambda user, pk: get_visible_or_404(visible_invitations(user), pk=pk),
        out=_out,
        schema=AccountsInvitationOut,
        tags=["organisations"],
    )
)


@invitations.action("accept")
def accept(invitation, actor, payload):
    """Accept an invitation sent to your address: you become a member of the organisation."""
    services.invitation_accept(token=invitation.token, actor=actor)


@invitations.action("revoke")
def revoke(invitation, actor, payload):
    """Revoke a pending invitation of an organisation you manage."""
    services.invitation_revoke(invitation_id=invitation.pk, actor=actor)


router = Router(tags=["organisations"], auth=TokenAuth())


@router.get(
    "/invitations",
    response=Page(AccountsInvitationOut, "AccountsInvitationPage"),
    operation_id="accounts_invitations",
)
def invitation_list(request, query: Query[AccountsInvitationQuery]):
    """Invitations sent to you, and those of the organisations you manage (filter `status`,
    `organisation_id`; `sort`; bounded pages)."""
    rows = visible_invitations(request.auth)
    if query.status:
        rows = rows.filter(status=query.status)
    if query.organisation_id:
        rows = rows.filter(organisation_id=query.organisation_id)
    rows = rows.order_by(query.sort, "pk")
    return page(rows, query, lambda i: _out(i, request.auth))


@router.post(
    "/organisations/{organisation_id}/invitations",
    response=AccountsInvitationOut,
    operation_id="accounts_invitation_send",
)
def invitation_send(request, organisation_id: int, payload: AccountsInvitationIn):
    """Invite a person to the organisation by email (a focal point or a signatory)."""
    organisation = get_organisation_for(request.auth, organisation_id, manage=True)

    def compute():
        invitation = services.invitation_send(
            organisation=organisation, actor=request.auth, email=payload.email, role=payload.role
        )
        return _out(invitation, request.auth)

    return creating(request, AccountsInvitationOut, compute)


router.add_router("/", invitations.router(TokenAuth()))
