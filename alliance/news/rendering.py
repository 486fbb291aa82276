"""Announcement bodies: Markdown rendered, then cleaned by nh3 (no raw HTML gets through:
no script, no style, no event handler, links only to http, https and mailto)."""

import markdown
import nh3
from django.utils.safestring import mark_safe

TAGS = {"p", "br", "em", "strong", "ul", "ol", "li", "a", "h2", "h3", "h4", "blockquote", "code"}


def render_markdown(text: str) -> str:
    html = markdown.markdown(text or "", output_format="html")
    cleaned = nh3.clean(
        html,
        tags=TAGS,
        attributes={"a": {"href", "title"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
    return mark_safe(cleaned)  # noqa: S308 - cleaned by nh3 just above
