"""What a page costs when the public cache is empty: SQL queries and render time.

wrk mostly measures cache hits on public pages (they are cached for anonymous visitors),
so each page is also rendered here, in-process with the caches cleared before every
request (the public pages' and what ADR 0030 keeps for signed-in pages), to show what the first visitor after expiry pays. Signed-in pages are rendered
for their user; the session cookie is handed back so that wrk can load them too.

Reads a JSON list of [path, email or null] on stdin; writes
{"path|email": [queries, median ms, status, session cookie or null]} (email "None" for
anonymous visitors).
"""

import json
import statistics
import sys
import time
from pathlib import Path

REPEAT = 5


def forget_kept() -> None:
    """Drop what a worker keeps per database version (ADR 0030): the signed-in page
    copies and the session and user rows, so that a measure shows the page drawn."""
    from django.core.cache import caches

    from alliance.accounts import kept_user
    from alliance.core import sessions

    caches["pages"].clear()
    kept_user._kept.clear()
    sessions._kept.clear()


def measure(pages: list[tuple[str, str | None]]) -> dict[str, tuple]:
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    clients: dict[str | None, Client] = {}
    results = {}
    for path, email in pages:
        if email not in clients:
            clients[email] = Client(HTTP_HOST="127.0.0.1")
            if email:
                clients[email].force_login(get_user_model().objects.get(email=email))
        client = clients[email]
        timings, queries, status = [], 0, 0
        for _ in range(REPEAT):
            cache.clear()
            forget_kept()
            with CaptureQueriesContext(connection) as ctx:
                started = time.perf_counter()
                response = client.get(path)
                timings.append((time.perf_counter() - started) * 1000)
            queries, status = len(ctx.captured_queries), response.status_code
        cookie = client.cookies.get(settings.SESSION_COOKIE_NAME) if email else None
        results[f"{path}|{email}"] = (
            queries,
            statistics.median(timings),
            status,
            f"{settings.SESSION_COOKIE_NAME}={cookie.value}" if cookie else None,
        )
    return results


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import django

    django.setup()
    print(json.dumps(measure(json.load(sys.stdin))))
