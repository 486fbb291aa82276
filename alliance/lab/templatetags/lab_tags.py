from django import template

from alliance.accounts.roles import has_role

from ..models import TechnicalAssistanceRequest
from ..services import TRIAGE_ROLES
from ..states import OPEN_STATES

register = template.Library()


@register.simple_tag(takes_context=True)
def lab_dashboard(context):
    user = context["request"].user
    if not has_role(user, *TRIAGE_ROLES):
        return {"triager": False}
    waiting = TechnicalAssistanceRequest.objects.filter(status__in=OPEN_STATES).count()
    return {"triager": True, "waiting": waiting}
