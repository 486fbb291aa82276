from django import template

from alliance.calls.timefmt import countdown as countdown_text
from alliance.calls.timefmt import format_deadline

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
