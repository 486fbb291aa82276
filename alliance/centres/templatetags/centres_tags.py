from django import template

from ..states import STATUS_TAG

register = template.Library()


@register.filter
def tag_class(status: str) -> str:
    """The colour of a status tag (display only: what may be done comes from the tables)."""
    return STATUS_TAG.get(str(status), "tag-grey")
