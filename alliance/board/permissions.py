"""Who may do what on the Board. Members' papers answer 404 to everyone else."""

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from alliance.accounts.models import ItuMembership, MembershipRole, Organisation
from alliance.core.states import PermissionRefused

from .clock import board_today
from .models import BoardMember, seated_on

MANAGE = "board.manage_board"
APPOINT = "board.appoint_board_member"

# ITU membership that may nominate, and the seat category it leads to.
NOMINATING_MEMBERSHIP = {
    ItuMembership.MEMBER_STATE: "member_state",
    ItuMembership.SECTOR_MEMBER: "sector_member",
    ItuMembership.ACADEMIA: "academia",
}


def can_manage(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.has_perm(MANAGE))


def can_appoint(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.has_perm(APPOINT))


def require_manage(actor) -> None:
    if not can_manage(actor):
        raise PermissionRefused(_("Only the Board secretariat can do this."))


def require_appoint(actor) -> None:
    if not can_appoint(actor):
        raise PermissionRefused(_("Only the BDT Director can do this."))


def is_current_member(user, on=None) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return BoardMember.objects.filter(seated_on(on or board_today()), user=user).exists()


def may_see_papers(user) -> bool:
    return can_manage(user) or is_current_member(user)


def nominating_organisations(user) -> QuerySet[Organisation]:
    """Organisations for which the user is an authorised signatory and that may nominate."""
    if not getattr(user, "is_authenticated", False):
        return Organisation.objects.none()
    return Organisation.objects.filter(
        memberships__user=user,
        memberships__role=MembershipRole.SIGNATORY,
        itu_membership__in=list(NOMINATING_MEMBERSHIP),
    ).distinct()


def is_signatory_of(user, organisation) -> bool:
    return organisation.memberships.filter(user=user, role=MembershipRole.SIGNATORY).exists()
