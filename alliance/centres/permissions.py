"""Access-checked fetchers: a 404 for what a person may not see. Who may do what is the
policy (policy.py); these ask it rather than checking roles themselves."""

from django.db.models import QuerySet

from alliance.accounts.policy import MANAGER_ROLES
from alliance.core.access import get_visible_or_404
from alliance.core.policy import can

from .models import Accreditation, CategoryChange, Centre, PartnerRecognition, RenewalEvaluation


def is_centres_staff(user) -> bool:
    return can(user, "centres.staff")


def is_centre_manager(user, centre) -> bool:
    """Any member of the host organisation manages the centre (its profile, its design
    steps, its reports): what the monitoring and lab apps ask too."""
    return can(user, "centres.centre.member", centre)


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


def get_accreditation_for(user, pk: int) -> Accreditation:
    """Same visibility as the centre's workspace: staff and the centre's managers."""
    accreditation = get_visible_or_404(
        Accreditation.objects.select_related(
            "centre__host_organisation", "centre__country__region", "centre_type"
        ),
        pk=pk,
    )
    get_centre_for(user, accreditation.centre_id, manage=True)
    return accreditation


def get_evaluation_for(user, pk: int) -> RenewalEvaluation:
    evaluation = get_visible_or_404(
        RenewalEvaluation.objects.select_related(
            "accreditation__centre", "accreditation__centre_type", "self_reported_by"
        ),
        pk=pk,
    )
    get_centre_for(user, evaluation.accreditation.centre_id, manage=True)
    return evaluation


def get_change_for(user, pk: int) -> tuple[CategoryChange, Centre]:
    change = get_visible_or_404(
        CategoryChange.objects.select_related("centre", "from_type", "to_type"), pk=pk
    )
    return change, get_centre_for(user, change.centre_id, manage=True)


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
