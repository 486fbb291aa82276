"""Who may do what with centres. Staff roles come from accounts.roles; centre managers
are the focal points and signatories of the host organisation."""

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from alliance.accounts.models import Membership, MembershipRole
from alliance.accounts.roles import StaffRole, has_role
from alliance.core.access import get_visible_or_404
from alliance.core.states import PermissionRefused

from .models import Centre, PartnerRecognition

# Who acts for an organisation (applies for recognition, receives official notices).
MANAGER_ROLES = [MembershipRole.FOCAL_POINT, MembershipRole.SIGNATORY]


def is_secretariat(user) -> bool:
    return has_role(user, StaffRole.SECRETARIAT)


def is_director(user) -> bool:
    return has_role(user, StaffRole.DIRECTOR)


def is_evaluator(user) -> bool:
    return has_role(user, StaffRole.SECRETARIAT, StaffRole.LAB_EXPERT)


def is_centres_staff(user) -> bool:
    return has_role(user, StaffRole.SECRETARIAT, StaffRole.DIRECTOR, StaffRole.LAB_EXPERT)


def is_centre_manager(user, centre) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    # Every member of the host organisation manages the centre's public profile.
    return Membership.objects.filter(
        user=user, organisation_id=centre.host_organisation_id
    ).exists()


def can_edit_profile(user, centre) -> bool:
    return is_secretariat(user) or is_centre_manager(user, centre)


def require(allowed: bool, message: str | None = None) -> None:
    if not allowed:
        raise PermissionRefused(message)


def require_secretariat(user) -> None:
    require(is_secretariat(user), _("Only the secretariat can do this."))


def require_director(user) -> None:
    require(is_director(user), _("Only the BDT Director can do this."))


def centres_visible_to(user) -> QuerySet[Centre]:
    if is_centres_staff(user):
        return Centre.objects.all()
    public = Centre.objects.filter(listed_since__isnull=False)
    if not getattr(user, "is_authenticated", False):
        return public
    return (public | managed_centres(user)).distinct()


def managed_centres(user) -> QuerySet[Centre]:
    return Centre.objects.filter(host_organisation__memberships__user=user).distinct()


def get_centre_for(user, pk: int, *, manage: bool = False) -> Centre:
    """The centre if the user may see it; `manage` needs staff or a centre manager."""
    if not manage:
        queryset = centres_visible_to(user)
    elif is_centres_staff(user):
        queryset = Centre.objects.all()
    else:
        queryset = managed_centres(user)
    return get_visible_or_404(
        queryset.select_related("centre_type", "country__region", "host_organisation"), pk=pk
    )


def get_recognition_for(user, pk: int) -> PartnerRecognition:
    if is_centres_staff(user):
        queryset = PartnerRecognition.objects.all()
    else:
        queryset = PartnerRecognition.objects.filter(
            organisation__memberships__user=user,
            organisation__memberships__role__in=MANAGER_ROLES,
        ).distinct()
    return get_visible_or_404(
        queryset.select_related("organisation", "centre_type", "country"), pk=pk
    )
