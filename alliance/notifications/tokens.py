"""Secrets in links: one-click unsubscribe and personal calendar feeds."""

import hashlib
import secrets

from django.core import signing

ALL_OPTIONAL = "*"  # unsubscribe from every message that may be stopped (digests)
_SALT = "notifications.unsubscribe"
FEED_PREFIX = "cal_"


def unsubscribe_token(user, kind_code: str) -> str:
    # Signed, not stored: the link works for as long as the secret key does, and names only
    # the person and the kind of message.
    return signing.dumps([user.pk, kind_code], salt=_SALT, compress=True)


def read_unsubscribe_token(token: str) -> tuple[int, str] | None:
    try:
        user_id, kind_code = signing.loads(token, salt=_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(user_id, int) or not isinstance(kind_code, str):
        return None
    return user_id, kind_code


def new_feed_secret() -> str:
    return FEED_PREFIX + secrets.token_urlsafe(24)


def hash_secret(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()
