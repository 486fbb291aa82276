from django import template

from alliance.accounts.models import Organisation
from alliance.accounts.roles import StaffRole, has_role
from alliance.centres.permissions import managed_centres

from ..models import TechnicalAssistanceRequest
from ..services import TRIAGE_ROLES
from ..states import OPEN_STATES, RequestStatus

register = template.Library()


@register.simple_tag(takes_context=True)
def lab_dashboard(context):
    user = context["request"].user
    organisations = list(Organisation.objects.filter(memberships__user=user).distinct()[:10])
    result = {
        "triager": False,
        "member": bool(organisations),
        "organisations": organisations,
        "centres": list(managed_centres(user)[:10]) if organisations else [],
    }
    if not has_role(user, *TRIAGE_ROLES):
        return result
    result["triager"] = True
    result["waiting"] = TechnicalAssistanceRequest.objects.filter(status__in=OPEN_STATES).count()
    if has_role(user, StaffRole.LAB_EXPERT):
        result["expert"] = True
        result["mine"] = TechnicalAssistanceRequest.objects.filter(
            assigned_to=user,
            status__in=[RequestStatus.ASSIGNED, RequestStatus.IN_PROGRESS, RequestStatus.DELIVERED],
        ).count()
    return result


@register.simple_tag
def centre_agreements(centre, include_drafts=False):
    """For the centres detail page: `{% include "lab/partials/centre_support.html" %}`."""
    from ..selectors import agreements_for_centre
    from ..states import AgreementStatus

    rows = agreements_for_centre(centre)
    return rows if include_drafts else rows.exclude(status=AgreementStatus.DRAFT)
