from functools import wraps

from django.conf import settings
from django.views.decorators.cache import cache_page
from ninja.decorators import decorate_view


def public_page(view):
    """Cache a public page for anonymous visitors (one copy per URL, so per language).

    Signed-in visitors and anyone with a pending flash message get a fresh page, since
    the header and messages are theirs. Conditional GETs are answered by
    ConditionalGetMiddleware from the ETag either way.
    """
    cached = cache_page(settings.PUBLIC_CACHE_SECONDS, key_prefix="public")(view)

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.user.is_authenticated or "messages" in request.COOKIES:
            return view(request, *args, **kwargs)
        return cached(request, *args, **kwargs)

    return wrapped


def public_api(view):
    """Cache a public API answer: reference data changes rarely, so every client shares
    one cached answer per URL. Put it under the route decorator of a ninja operation."""
    return decorate_view(cache_page(settings.PUBLIC_CACHE_SECONDS, key_prefix="api"))(view)
