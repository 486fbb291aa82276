"""Public registry pages are cached for anonymous visitors like every public page, but a
suspension or revocation must show at once: the cache key carries a version number that
every public change bumps (after commit), so stale copies are simply never read again."""

from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.views.decorators.cache import cache_page

from alliance.core.cache import public_page

VERSION_KEY = "centres:registry-version"


def registry_version() -> int:
    return cache.get_or_set(VERSION_KEY, 1, None)


def bump_registry() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, None)


def registry_page(view):
    """`alliance.core.cache.public_page`, with the registry version in the cache key."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.user.is_authenticated or "messages" in request.COOKIES:
            return public_page(view)(request, *args, **kwargs)
        prefix = f"public-centres-{registry_version()}"
        return cache_page(settings.PUBLIC_CACHE_SECONDS, key_prefix=prefix)(view)(
            request, *args, **kwargs
        )

    return wrapped
