from django import template
from django.utils.html import format_html

from alliance.calls.timefmt import countdown as countdown_text
from alliance.calls.timefmt import format_deadline

from ..states import STATUS_TAG

register = template.Library()


@register.filter
def deadline(value):
    return format_deadline(value) if value else ""


@register.filter
def countdown(value):
    return countdown_text(value) if value else ""


@register.filter
def score(value):
    if value is None or value == "":
        return "–"
    return f"{value:.2f}"


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def status_tag(status) -> str:
    """The colour class of a status tag."""
    return STATUS_TAG.get(str(status), "")


@register.simple_tag
def status_badge(status, label):
    """The markup of calls/partials/status_tag.html, for lists: an `{% include %}` per row
    cost a fifth of rendering the ranking of a call (a context and a template each)."""
    cls = status_tag(status)
    return format_html('<strong class="{}">{}</strong>', f"tag {cls}" if cls else "tag", label)
