from django import template

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
