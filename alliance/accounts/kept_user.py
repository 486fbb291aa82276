"""The signed-in user, read once per database version (ADR 0030).

Django's AuthenticationMiddleware reads the user row on every request. This one keeps,
per worker, the row as it was at the database's version (alliance/core/db_version.py)
and serves a copy while the version, the session's user, backend and password hash are
the same. Any commit (a role change, a notification, a password change, a sign-out)
moves the version, so a kept user is never older than the database.
"""

import pickle
from functools import partial

from django.contrib import auth
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.middleware import AuthenticationMiddleware, auser
from django.utils.functional import SimpleLazyObject

from alliance.core import db_version

MAX_KEPT = 5000
_kept: dict[str, tuple[tuple, bytes]] = {}


def kept_user(request):
    if hasattr(request, "_cached_user"):
        return request._cached_user
    version = db_version.at_request_start()
    session = request.session
    user_id = session.get(SESSION_KEY)
    key = (version, user_id, session.get(BACKEND_SESSION_KEY), session.get(HASH_SESSION_KEY))
    if version is not None and user_id is not None:
        kept = _kept.get(str(user_id))
        if kept is not None and kept[0] == key:
            request._cached_user = pickle.loads(kept[1])  # noqa: S301 - our own bytes
            return request._cached_user
    user = auth.get_user(request)  # checks the session's hash against the user's
    if version is not None and user.is_authenticated and str(user.pk) == str(user_id):
        if len(_kept) >= MAX_KEPT:
            _kept.clear()
        _kept[str(user_id)] = (key, pickle.dumps(user))
    request._cached_user = user
    return user


class KeptUserAuthenticationMiddleware(AuthenticationMiddleware):
    def process_request(self, request):
        super().process_request(request)  # the session check and request.auser
        request.user = SimpleLazyObject(partial(kept_user, request))
        request.auser = partial(auser, request)
