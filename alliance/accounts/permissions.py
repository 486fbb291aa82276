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
