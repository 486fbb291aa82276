"""Public pages: cached on the server, never stale (ADR 0008).

A public page is rendered once per URL and language for anonymous visitors and kept in
the shared cache (Redis when REDIS_URL is set, so every app server sees one copy). Its
cache key carries the *versions* of what it shows: a page declares the keys it depends
on (`@public_page("calls", lambda request, pk: [f"calls.Call:{pk}"])`), each app's
`cache.py` declares which kernel writes move which keys (`depends_on("calls.Call", ...)`),
and `kernel.committed` moves them after the commit. A stale copy is never read again; it
simply expires. A page that changes by itself at a known moment (a call's deadline) says
so with `changes_at`, and no copy outlives that second.

Browsers and shared caches are told to revalidate every time (`max-age=0,
must-revalidate`) with the ETag of the copy (a hash of its body): a conditional GET is
answered 304 from the server's copy while nothing changed, and gets the new page (200)
from the first request after a change.
"""

import hashlib
import math
import uuid
from collections.abc import Callable, Iterable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.dispatch import receiver
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language
from django.views.decorators.cache import cache_page
from ninja.decorators import decorate_view

from .kernel.signals import Event, committed

PAGE_PREFIX = "public-page"
VERSION_PREFIX = "public-version"
# model label -> functions (event -> keys) declared by the apps' cache.py
_DEPENDENTS: dict[str, list[Callable[[Event], Iterable[str]]]] = {}


# -- what depends on what ------------------------------------------------------------------


def depends_on(model: str, keys: Callable[[Event], Iterable[str]]) -> None:
    """Pages showing objects of `model` ("app_label.ModelName") depend on `keys(event)`:
    every kernel write of such an object moves those keys after commit."""
    _DEPENDENTS.setdefault(model, []).append(keys)


def bump(*keys: str) -> None:
    """Move these version keys on: every cached page that depends on one is never read
    again. Call after commit (the kernel's `committed` signal does)."""
    if keys:
        cache.set_many({f"{VERSION_PREFIX}:{k}": uuid.uuid4().hex for k in keys}, None)


def versions(keys: Iterable[str]) -> str:
    """The current versions of `keys`, as one string. A key never set (or evicted) gets a
    new random version, so losing a version can only make a page fresher."""
    names = [f"{VERSION_PREFIX}:{k}" for k in sorted(set(keys))]
    if not names:
        return ""
    found = cache.get_many(names)
    missing = [n for n in names if n not in found]
    for name in missing:
        cache.add(name, uuid.uuid4().hex, None)
    if missing:
        found |= cache.get_many(missing)
    return ".".join(str(found.get(n, "")) for n in names)


def keys_for(event: Event) -> set[str]:
    return {key for keys in _DEPENDENTS.get(event.model, ()) for key in keys(event)}


@receiver(committed, dispatch_uid="public-pages-invalidation")
def _invalidate(sender, event: Event, **kwargs):
    bump(*keys_for(event))


# -- pages that change by themselves --------------------------------------------------------


def changes_at(request, *moments) -> None:
    """Say that the page being rendered changes by itself at these moments (a call's
    deadline: it reads "closed" from that second), so that no copy outlives the first one
    still to come. A moment may be a function returning one, called only if the page is
    stored (it may cost a query). Moments that are None or past are ignored."""
    if not hasattr(request, "_public_changes_at"):
        request._public_changes_at = []
    request._public_changes_at.extend(moments)


def _first_change(request):
    now = timezone.now()
    moments = [m() if callable(m) else m for m in getattr(request, "_public_changes_at", [])]
    future = [m for m in moments if m is not None and m > now]
    return min(future) if future else None


# -- the decorator ---------------------------------------------------------------------------

Depends = str | Callable[..., Iterable[str]]


def _dependency_keys(depends: tuple[Depends, ...], request, args, kwargs) -> list[str]:
    keys: list[str] = []
    for dep in depends:
        if isinstance(dep, str):
            keys.append(dep)
        else:
            keys.extend(dep(request, *args, **kwargs))
    return keys


def _page_key(request, version: str) -> str:
    url = request.build_absolute_uri()
    # A page compressed inside the cache (gzip_page under public_page) is kept per encoding.
    gzip = "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")
    raw = f"{url}|{get_language()}|{version}|{gzip}"
    return f"{PAGE_PREFIX}:{hashlib.sha256(raw.encode()).hexdigest()}"


def _revalidate(response) -> None:
    patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    patch_vary_headers(response, ["Cookie"])


def _from_copy(copy: dict) -> HttpResponse:
    response = HttpResponse(copy["content"], status=copy["status"])
    for name, value in copy["headers"]:
        response[name] = value
    return response


def _storable(request, response) -> bool:
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies  # a CSRF or session cookie is the visitor's own
        and "private" not in response.get("Cache-Control", "")
    )


def _store(request, key: str, response) -> None:
    until = _first_change(request)
    now = timezone.now()
    timeout = settings.PUBLIC_CACHE_SECONDS
    if until is not None:
        timeout = min(timeout, math.ceil((until - now).total_seconds()))
    if timeout <= 0:
        return
    response["ETag"] = f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"'
    headers = [(k, v) for k, v in response.items() if k.lower() not in ("set-cookie", "date")]
    copy = {
        "content": response.content,
        "status": response.status_code,
        "headers": headers,
        "until": until.timestamp() if until else None,
    }
    cache.set(key, copy, timeout)


def public_page(*depends: Depends):
    """Cache a public page for anonymous visitors, per URL and language, until what it
    shows changes: `depends` are version keys (strings) or functions (request, *args,
    **kwargs) -> keys. `@public_page()` with none: a page of reference data only (kept at
    most PUBLIC_CACHE_SECONDS).

    Signed-in visitors and anyone with a pending flash message get a fresh page, since the
    header and messages are theirs. Conditional GETs are answered by
    ConditionalGetMiddleware from the copy's ETag."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method not in ("GET", "HEAD"):
                return view(request, *args, **kwargs)
            if request.user.is_authenticated or "messages" in request.COOKIES:
                response = view(request, *args, **kwargs)
                patch_cache_control(response, private=True, no_cache=True)
                return response
            key = _page_key(request, versions(_dependency_keys(depends, request, args, kwargs)))
            copy = cache.get(key)
            if copy is not None and (
                copy["until"] is None or timezone.now().timestamp() < copy["until"]
            ):
                response = _from_copy(copy)
            else:
                response = view(request, *args, **kwargs)
                if hasattr(response, "render") and callable(response.render):
                    response = response.render()
                if _storable(request, response):
                    _store(request, key, response)
            _revalidate(response)
            return response

        return wrapped

    return decorator


def public_api(view):
    """Cache a public API answer: reference data changes rarely, so every client shares
    one cached answer per URL. Put it under the route decorator of a ninja operation."""
    return decorate_view(cache_page(settings.PUBLIC_CACHE_SECONDS, key_prefix="api"))(view)
