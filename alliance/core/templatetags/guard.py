"""`{% csrf_token %}`, replaced for every template (settings TEMPLATES "builtins"): Django's
token plus the one-time form token and, on a page about one object, the version shown
(alliance/core/guard.py says why). Every form already writes `{% csrf_token %}`, so every
form carries them without a change to its template."""

from django import template
from django.template.defaulttags import CsrfTokenNode
from django.utils.html import format_html

from alliance.core import guard

register = template.Library()

SHOWN = "_guard_shown_objects"


class GuardedCsrfTokenNode(CsrfTokenNode):
    def render(self, context):
        html = super().render(context)
        if not html:  # no CSRF token in this context (an email, a PDF): nothing to add
            return html
        extra = format_html(
            '<input type="hidden" name="{}" value="{}">', guard.TOKEN_FIELD, guard.new_token()
        )
        version = _version(context)
        if version:
            extra += format_html(
                '<input type="hidden" name="{}" value="{}">', guard.VERSION_FIELD, version
            )
        return html + extra


def _version(context):
    root = context.dicts[0]
    shown = root.get(SHOWN)
    if not shown or len(shown) != 1:
        return ""  # no object, or several (a list page): no version to compare
    if "_guard_version" not in root:
        (obj,) = shown.values()
        request = context.get("request")
        root["_guard_version"] = guard.version_value(obj, getattr(request, "user", None))
    return root["_guard_version"]


def remember_shown(context, obj):
    """Called by `{% actions obj %}`: the page offers actions on `obj`."""
    if obj is None or getattr(obj, "pk", None) is None:
        return
    shown = context.dicts[0].setdefault(SHOWN, {})
    shown[(obj._meta.label, obj.pk)] = obj


@register.tag
def csrf_token(parser, token):
    return GuardedCsrfTokenNode()
