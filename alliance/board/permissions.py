"""What a person may see on the Board: everyone else gets a 404. The rules themselves are
in policy.py."""

from django.db.models import QuerySet

from alliance.accounts.models import ItuMembership, ItuVerification, MembershipRole, Organisation
from alliance.core.access import get_visible_or_404
from alliance.core.policy import can

from .models import Nomination
from .policy import is_current_member

# ITU membership that may nominate, and the seat category it leads to.
NOMINATING_MEMBERSHIP = {
    ItuMembership.MEMBER_STATE: "member_state",
    ItuMembership.SECTOR_MEMBER: "sector_member",
    ItuMembership.ACADEMIA: "academia",
}

__all__ = [
    "NOMINATING_MEMBERSHIP",
    "get_nomination_for",
    "is_current_member",
    "nominating_organisations",
]


def nominating_organisations(user) -> QuerySet[Organisation]:
    """Organisations for which the user is an authorised signatory and that may nominate."""
    if not getattr(user, "is_authenticated", False):
        return Organisation.objects.none()
    return Organisation.objects.filter(
        memberships__user=user,
        memberships__role=MembershipRole.SIGNATORY,
        # The secretariat's check, not what the organisation declares (accounts/itu.py).
        itu_status=ItuVerification.VERIFIED,
        itu_entry__active=True,
        itu_entry__category__in=list(NOMINATING_MEMBERSHIP),
    ).distinct()


def get_nomination_for(user, pk: int) -> Nomination:
    """The secretariat sees every nomination; a signatory their organisations' ones."""
    if can(user, "board.manage"):
        queryset = Nomination.objects.all()
    else:
        queryset = Nomination.objects.filter(organisation__in=nominating_organisations(user))
    return get_visible_or_404(
        queryset.select_related("organisation", "submitted_by", "member", "decided_by"), pk=pk
    )
