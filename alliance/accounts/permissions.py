"""Who may see and manage which organisation. Anything else is a 404."""

from django.db.models import QuerySet

from alliance.core.access import get_visible_or_404

from .models import Membership, MembershipRole, Organisation
from .roles import is_staff_member


def organisations_visible_to(user) -> QuerySet[Organisation]:
    if is_staff_member(user):
        return Organisation.objects.all()
    return Organisation.objects.filter(memberships__user=user)


def get_organisation_for(user, pk: int, *, manage: bool = False) -> Organisation:
    """The organisation if the user belongs to it (or is staff); `manage` needs a focal
    point or signatory. Raises 404 otherwise."""
    if manage:
        queryset = Organisation.objects.filter(
            memberships__user=user,
            memberships__role__in=[MembershipRole.FOCAL_POINT, MembershipRole.SIGNATORY],
        )
    else:
        queryset = organisations_visible_to(user)
    return get_visible_or_404(queryset.distinct(), pk=pk)


def membership_of(user, organisation) -> Membership | None:
    return Membership.objects.filter(user=user, organisation=organisation).first()


def join_requests_answerable_by(user):
    """The requests this person may open to answer: the secretariat, every one; a focal
    point or signatory, the requests to join their organisations. Others get a 404."""
    from alliance.core.policy import can

    from .models import JoinRequest, JoinRequestKind

    if can(user, "accounts.organisations.staff"):
        return JoinRequest.objects.all()
    return JoinRequest.objects.filter(
        kind=JoinRequestKind.JOIN,
        organisation__memberships__user=user,
        organisation__memberships__role__in=[MembershipRole.FOCAL_POINT, MembershipRole.SIGNATORY],
    ).distinct()


def get_organisation_for_staff(user, pk: int) -> Organisation:
    """For the secretariat's pages on an organisation: 404 for everyone else."""
    from alliance.core.policy import can

    if not can(user, "accounts.organisations.staff"):
        return get_visible_or_404(Organisation.objects.none(), pk=pk)
    return get_visible_or_404(Organisation.objects.all(), pk=pk)
