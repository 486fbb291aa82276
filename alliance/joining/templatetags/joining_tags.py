from django import template
from django.utils.translation import gettext_lazy as _

from ..selectors import is_joining_staff, organisation_journey, queue_counts
from ..states import STATUS_TAG

register = template.Library()


@register.filter
def tag_class(status: str) -> str:
    return STATUS_TAG.get(status, "")


@register.simple_tag(takes_context=True)
def joining_dashboard(context):
    user = context["request"].user
    memberships = context.get("memberships") or []
    return {
        "journeys": [organisation_journey(m.organisation) for m in memberships],
        "staff": is_joining_staff(user),
        "counts": queue_counts() if is_joining_staff(user) else {},
    }


@register.filter
def get(mapping, key):
    return mapping.get(key) if hasattr(mapping, "get") else None


VERBS = {
    "expression.created": _("Draft created"),
    "expression.submitted": _("Submitted to the secretariat"),
    "expression.acknowledged": _("Acknowledged by the secretariat"),
    "expression.declined": _("Declined by the secretariat"),
    "expression.converted": _("Preliminary assessment requested"),
    "assessment.started": _("Assessment opened"),
    "assessment.submitted": _("Submitted for review"),
    "assessment.in_review": _("Review started"),
    "assessment.completed": _("Review completed with findings"),
    "declaration.drafted": _("Drafted by the secretariat"),
    "declaration.signed": _("Signed by the organisation"),
    "declaration.countersigned": _("Countersigned by the BDT Director: in force"),
    "declaration.withdrawn": _("Withdrawn"),
}


@register.filter
def verb_label(verb: str) -> str:
    return VERBS.get(verb, verb)
