"""`{% layout_header %}` and `{% layout_footer %}`: base.html's kept fragments
(alliance/core/layout.py)."""

from django import template

from alliance.core import layout

register = template.Library()


@register.simple_tag(takes_context=True)
def layout_header(context):
    return layout.header(context["request"])


@register.simple_tag
def layout_footer():
    return layout.footer()
