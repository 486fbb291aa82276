"""Who may do what in monitoring: the Lab (Lab experts, the secretariat) reviews and keeps
the catalogue; centre managers (members of the host organisation) fill their reports."""

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from alliance.accounts.roles import StaffRole, has_role
from alliance.centres.permissions import is_centre_manager, managed_centres
from alliance.core.access import get_visible_or_404
from alliance.core.states import PermissionRefused

from .models import CentreReport

LAB_ROLES = (StaffRole.LAB_EXPERT, StaffRole.SECRETARIAT)
READ_ROLES = (StaffRole.LAB_EXPERT, StaffRole.SECRETARIAT, StaffRole.DIRECTOR)


def is_lab(user) -> bool:
    return has_role(user, *LAB_ROLES)


def is_monitoring_staff(user) -> bool:
    return has_role(user, *READ_ROLES)


def require_lab(user) -> None:
    if not is_lab(user):
        raise PermissionRefused(_("Only a Lab expert or the secretariat can do this."))


def require_centre_manager(user, centre) -> None:
    if not is_centre_manager(user, centre):
        raise PermissionRefused(_("Only a member of the host organisation can do this."))


def require_lab_or_manager(user, centre) -> None:
    if not (is_lab(user) or is_centre_manager(user, centre)):
        raise PermissionRefused(_("Only the Lab or the centre's managers can do this."))


def reports_visible_to(user) -> QuerySet[CentreReport]:
    rows = CentreReport.objects.select_related("centre", "period")
    if is_monitoring_staff(user):
        return rows
    return rows.filter(centre__in=managed_centres(user).values("pk"))


def get_report_for(user, pk: int) -> CentreReport:
    return get_visible_or_404(reports_visible_to(user), pk=pk)
