"""The platform's public address: every link in an email, certificate or credential is
built here, from the one configured SITE_URL (production refuses to start without it)."""

from urllib.parse import urlsplit

from django.conf import settings


def site_url(path: str = "") -> str:
    """`path` ("/fr/calls/3/") as an absolute address on the configured site."""
    base = settings.SITE_URL.rstrip("/")
    if path and not path.startswith("/"):
        path = "/" + path
    return base + path


def site_host() -> str:
    """The host name alone (for iCalendar UIDs and the like)."""
    return urlsplit(settings.SITE_URL).hostname or "localhost"
