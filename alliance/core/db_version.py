"""The version of everything the database holds, read without touching a table.

Two reads that return the same version see the same committed data, whoever wrote it (the
kernel, the admin, a migration, a restore, another server): the signed-in page cache
(alliance/core/page_cache.py) keys its copies with it, so no write can leave a copy in use.

- PostgreSQL: the current snapshot (`pg_current_snapshot()`): the first transaction id not
  yet given out and the ones still running. It moves when a transaction that writes
  starts or ends and never for reads, and two equal snapshots see the same commits.
- SQLite in WAL mode: the header of the WAL index (the `-shm` file), which SQLite
  rewrites on every commit (a change counter, the last committed frame, the salts that
  change when the WAL restarts), with the database file's size and modification time
  (a checkpoint). The header is written twice; a read that finds the two copies
  different caught a commit half-written, and gives no version.

No version (None) when it cannot be known: inside a transaction (its own writes are not in
the snapshot), an in-memory or non-WAL SQLite database, another database.
"""

import contextvars
import os

from django.db import DatabaseError, connections

WAL_INDEX_HEADER = 48  # bytes; SQLite keeps two copies at the start of the -shm file


def current(using: str = "default") -> str | None:
    connection = connections[using]
    if connection.in_atomic_block:
        return None
    if connection.vendor == "postgresql":
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_current_snapshot()::text")
                return "pg:" + cursor.fetchone()[0]
        except DatabaseError:
            return None
    if connection.vendor == "sqlite":
        return sqlite_version(str(connection.settings_dict["NAME"]))
    return None


def sqlite_version(path: str) -> str | None:
    if not path or path == ":memory:" or path.startswith("file:"):
        return None
    try:
        with open(f"{path}-shm", "rb") as shm:
            header = shm.read(2 * WAL_INDEX_HEADER)
        database = os.stat(path)
    except OSError:
        return None  # not in WAL mode, or no connection open yet
    first, second = header[:WAL_INDEX_HEADER], header[WAL_INDEX_HEADER:]
    if len(second) < WAL_INDEX_HEADER or first != second:
        return None
    return f"sqlite:{first.hex()}:{database.st_size}:{database.st_mtime_ns}"


# -- once per request --------------------------------------------------------------------
#
# On PostgreSQL the version is a query. The session row, the user row and the page's key
# all want it at the start of a request, so it is read once there and shared, until the
# view runs: SignedInPageCacheMiddleware (innermost) closes the request's scope before
# calling the view. Nothing writes before the view, so what is read under that version is
# at least as new as it; a lookup made after the view started (it may have written) reads
# the version again.

_scope: contextvars.ContextVar[dict | None] = contextvars.ContextVar("db_version", default=None)


def at_request_start(using: str = "default") -> str | None:
    scope = _scope.get()
    if scope is None or scope.get("closed"):
        return current(using)
    if using not in scope:
        scope[using] = current(using)
    return scope[using]


def close_request_scope() -> None:
    scope = _scope.get()
    if scope is not None:
        scope["closed"] = True


class RequestVersionMiddleware:
    """Opens the request's scope (outside the session and authentication middleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _scope.set({})
        try:
            return self.get_response(request)
        finally:
            _scope.reset(token)
