"""The signed-in layout (header, navigation, footer), rendered once per process and kept.

Profiling a nearly empty signed-in page (issue 16) showed three quarters of its time in
base.html: six `translate_url` calls (a resolve and a reverse each) for the language
links, about thirty `{% url %}` and `{% translate %}` tags, and the permission query
behind `perms.core.view_auditevent`. None of it changes between two requests of people
who see the same header, so each fragment is rendered once per *key* and kept in the
process:

- the key holds everything the fragment shows: the language, signed in or not, whether
  the person may read the audit trail, and their unread count. The count and the
  permissions come from the user row read by every request (`unread_notifications`,
  `access_version`), so a new notification or a role change shows at once, in every
  worker, with no invalidation message to lose;
- what is the request's own (the current address, the CSRF token) is left as a marker in
  the kept fragment and put in per request (an escaped string replacement).

Translation catalogs, templates and the URLconf only change when the process restarts, so
a kept fragment cannot go stale. The store is bounded: it is emptied when full.
"""

from functools import lru_cache

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.middleware.csrf import get_token
from django.template.defaultfilters import urlencode
from django.template.loader import render_to_string
from django.urls import translate_url
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, override

from .languages import local_name

NEXT = "__layout-next__"
NEXT_QUERY = "__layout-next-query__"
CSRF = "__layout-csrf__"
MAX_FRAGMENTS = 2000
_fragments: dict[tuple, str] = {}


@lru_cache(maxsize=4096)
def alternate_urls(path: str, language: str) -> tuple[tuple[str, str, str], ...]:
    """(code, local name, the same page in that language) for each language. Pure in the
    path and the URLconf, so it is computed once per address and process."""
    with override(language):
        return tuple(
            (code, local_name(code), translate_url(path, code)) for code, _n in settings.LANGUAGES
        )


def alternate_languages(request) -> list[dict]:
    return [
        {"code": code, "name_local": name, "url": url}
        for code, name, url in alternate_urls(request.get_full_path(), get_language())
    ]


def _header_key(user, language: str) -> tuple:
    if user is None or not user.is_authenticated:
        return ("header", language, False)
    return (
        "header",
        language,
        True,
        user.has_perm("core.view_auditevent"),
        user.unread_notifications,
    )


def _kept(key: tuple, render) -> str:
    html = _fragments.get(key)
    if html is None:
        if len(_fragments) >= MAX_FRAGMENTS:
            _fragments.clear()
        html = _fragments[key] = render()
    return html


def header(request) -> str:
    user = getattr(request, "user", None)  # error pages rendered before authentication
    language = get_language()
    key = _header_key(user, language)

    def render():
        return render_to_string(
            "core/layout/header.html",
            {
                "LANG": language,
                "signed_in": key[2],
                "may_audit": key[2] and key[3],
                "unread_notifications": key[4] if key[2] else 0,
                "languages": [
                    {"code": code, "name_local": local_name(code)}
                    for code, _n in settings.LANGUAGES
                ],
                "next": NEXT,
                "next_query": NEXT_QUERY,
                "csrf_token": CSRF,
            },
        )

    html = _kept(key, render)
    path = request.get_full_path()
    html = html.replace(NEXT_QUERY, escape(urlencode(path))).replace(NEXT, escape(path))
    if CSRF in html:
        # get_token also makes the response set the CSRF cookie, as {% csrf_token %} does.
        html = html.replace(CSRF, escape(get_token(request)))
    return mark_safe(html)  # noqa: S308 - rendered by the template engine, parts escaped


def footer() -> str:
    language = get_language()
    return mark_safe(  # noqa: S308 - rendered by the template engine
        _kept(("footer", language), lambda: render_to_string("core/layout/footer.html"))
    )


def forget() -> None:
    """Drop every kept fragment (tests that change templates or settings)."""
    _fragments.clear()
    alternate_urls.cache_clear()


@receiver(setting_changed)
def _settings_changed(setting, **kwargs):
    # Kept fragments hold the language switcher and the templates' output: a test that
    # overrides these must not leave its header to the next test in the same process.
    if setting in {"LANGUAGES", "LANGUAGE_CODE", "TEMPLATES"}:
        forget()
