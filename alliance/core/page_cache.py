"""Signed-in pages, kept per person until anything in the database changes (ADR 0030).

A signed-in page cost five to forty milliseconds of template rendering and queries on
every request (issue 16), most of it the same work as the request before. This keeps the
page a person was just shown and serves it again while the database is exactly as it was:

- the key holds the database's version (alliance/core/db_version.py: any commit, by
  anyone, through any path, moves it), the person, the whole Cookie header (their
  session), the address with its query, the language, the time zone, whether htmx asked,
  and the current minute, so what a page says about time ("closes in 2 hours", "expired")
  is at most a minute old; a copy lives two minutes at most;
- what must be new on every page is put in on every answer: Django's CSRF token (masked
  anew, and the cookie set when needed, as `{% csrf_token %}` does) and the one-time form
  token of alliance/core/guard.py, so a kept page never hands out a token already used;
- only a plain 200 HTML answer to a GET is kept: not one that sets a cookie (but the
  CSRF cookie, set again on every answer that needs it), says
  `no-store`, or was drawn with a flash message; not the API, the account pages (signing
  in, re-authentication) or files.

Under writes the version moves on every commit and most requests miss: then a page costs
what it cost before, plus reading the version (a file read on SQLite, one query on
PostgreSQL). The gain is in the reading hours, when a person goes back and forth between
pages no one has changed.
"""

import hashlib
import re
import time

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import caches
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.translation import get_language

from . import db_version, guard

PREFIX = "signed-in-page"
SECONDS = 120
# Never kept: the API (tokens, idempotency), signing in and out and re-authentication,
# the language switch, static and uploaded files.
SKIPPED = ("/api/", "/static/", "/media/", "/i18n/", "/accounts/", "/admin/")
CSRF_INPUT = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*(")')
FORM_TOKEN_INPUT = re.compile(r'(name="' + guard.TOKEN_FIELD + r'" value=")[^"]*(")')
CSRF_MARK = "\x00csrf\x00"
FORM_TOKEN_MARK = "\x00form-token\x00"


def _store():
    return caches["pages"]


def _unprefixed(path: str) -> str:
    # /en/accounts/... -> /accounts/...
    parts = path.split("/", 2)
    return "/" + parts[2] if len(parts) > 2 and len(parts[1]) in (2, 5) else path


def page_key(request) -> str | None:
    """The key of this request's page, or None when it is not to be kept."""
    if not getattr(settings, "SIGNED_IN_PAGE_CACHE", False) or request.method != "GET":
        return None
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    path = request.path_info
    if path.startswith(SKIPPED) or _unprefixed(path).startswith(SKIPPED):
        return None
    if len(get_messages(request)):  # a flash message is shown once, on a fresh page
        return None
    version = db_version.at_request_start()
    if version is None:
        return None
    raw = "\x1f".join(
        (
            version,
            str(int(time.time() // 60)),
            str(user.pk),
            request.META.get("HTTP_COOKIE", ""),
            request.get_full_path(),
            get_language() or "",
            timezone.get_current_timezone_name(),
            request.headers.get("HX-Request", ""),
        )
    )
    return f"{PREFIX}:{hashlib.sha256(raw.encode()).hexdigest()}"


def _keepable(response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        # A cookie is the reader's own; the CSRF cookie is set anew on every answer that
        # needs it (get_token in _answer), so a page that set only that one is kept.
        and set(response.cookies) <= {settings.CSRF_COOKIE_NAME}
        and response.get("Content-Type", "").startswith("text/html")
        and "no-store" not in response.get("Cache-Control", "")
    )


def _copy(response) -> dict:
    html = response.content.decode(response.charset)
    html = CSRF_INPUT.sub(lambda m: m.group(1) + CSRF_MARK + m.group(2), html)
    html = FORM_TOKEN_INPUT.sub(lambda m: m.group(1) + FORM_TOKEN_MARK + m.group(2), html)
    headers = [
        (k, v)
        for k, v in response.items()
        if k.lower() not in ("set-cookie", "date", "etag", "content-length")
    ]
    return {"html": html, "headers": headers}


def _answer(request, copy: dict) -> HttpResponse:
    html = copy["html"]
    if CSRF_MARK in html:
        # get_token masks the secret anew each call and sets the cookie if it must.
        html = html.replace(CSRF_MARK, get_token(request))
    while FORM_TOKEN_MARK in html:
        html = html.replace(FORM_TOKEN_MARK, guard.new_token(), 1)
    response = HttpResponse(html)
    for name, value in copy["headers"]:
        response[name] = value
    return response


class SignedInPageCacheMiddleware:
    """Innermost middleware: a kept page skips only the view; everything around it
    (session, authentication, security headers, CSP) runs as for a fresh one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = page_key(request)
        # The view may write: from here on, the version is read afresh (db_version).
        db_version.close_request_scope()
        if key is None:
            return self.get_response(request)
        copy = _store().get(key)
        if copy is not None:
            return _answer(request, copy)
        response = self.get_response(request)
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        if _keepable(response):
            _store().set(key, _copy(response), SECONDS)
        return response
