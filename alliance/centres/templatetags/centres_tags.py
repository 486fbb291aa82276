from django import template

from ..states import STATUS_TAG

register = template.Library()


@register.filter
def tag_class(status: str) -> str:
    """The colour of a status tag (display only: what may be done comes from the tables)."""
    return STATUS_TAG.get(str(status), "tag-grey")


@register.filter
def cost_figures(version):
    """A cost model version's figures as (label, value, is_factor) rows."""
    from ..selectors import cost_figures as figures

    return figures(version) if version is not None else []
