from django.utils.translation import gettext as _

from alliance.core.states import PermissionRefused


def require_perm(actor, perm: str) -> None:
    if not (actor and actor.has_perm(perm)):
        raise PermissionRefused()


def require_manager(actor, organisation) -> None:
    from alliance.accounts.models import Membership, MembershipRole

    if not Membership.objects.filter(
        user=actor,
        organisation=organisation,
        role__in=[MembershipRole.FOCAL_POINT, MembershipRole.SIGNATORY],
    ).exists():
        raise PermissionRefused(_("Only a focal point or an authorised signatory can do this."))
