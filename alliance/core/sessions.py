"""Database sessions, read once per database version (ADR 0030).

Every signed-in request read its session row. Without Redis (the default on SQLite) the
session cannot be kept in a cache shared by the workers, and one kept per worker would
outlive a sign-out made in another. Kept under the database's version
(alliance/core/db_version.py), it cannot: any commit, a sign-out or a session saved by
another worker included, moves the version, and the next read goes to the database.

With REDIS_URL set, sessions use Django's `cached_db` engine instead (settings).
"""

from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.utils import timezone

from . import db_version

MAX_KEPT = 5000
_kept: dict[str, tuple[str, object]] = {}


class SessionStore(DatabaseSessionStore):
    def _get_session_from_db(self):
        version = db_version.at_request_start()
        key = self.session_key
        if version is not None and key:
            kept = _kept.get(key)
            if kept is not None and kept[0] == version and kept[1].expire_date > timezone.now():
                return kept[1]
        session = super()._get_session_from_db()
        if session is not None and version is not None:
            if len(_kept) >= MAX_KEPT:
                _kept.clear()
            # Read after the version: it is at least as new as the version it is kept under.
            _kept[key] = (version, session)
        return session
