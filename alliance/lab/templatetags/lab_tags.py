from django import template

from alliance.accounts.models import Organisation
from alliance.centres.permissions import managed_centres
from alliance.core.policy import can

from ..models import TechnicalAssistanceRequest
from ..selectors import agreements_for_centre, expert_queue, published_agreements_for_centre
from ..states import OPEN_STATES

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
    if not can(user, "lab.queue"):
        return result
    result["triager"] = True
    result["waiting"] = TechnicalAssistanceRequest.objects.filter(status__in=OPEN_STATES).count()
    if can(user, "lab.expert"):
        result["expert"] = True
        result["mine"] = expert_queue(user).count()
    return result


@register.simple_tag
def centre_agreements(centre, include_drafts=False):
    """For the centres detail page: `{% include "lab/partials/centre_support.html" %}`."""
    if include_drafts:
        return agreements_for_centre(centre)
    return published_agreements_for_centre(centre)
