"""Signed links of the newsletter: confirming an address, unsubscribing in one click.
Signed, not stored: they name only the subscriber (and, to confirm, their choices)."""

from django.core import signing

CONFIRM_SALT = "news.confirm"
UNSUBSCRIBE_SALT = "news.unsubscribe"
CONFIRM_MAX_AGE = 7 * 24 * 3600  # a confirmation link works for a week


def confirm_token(subscriber_id: int, language: str, categories: list[str]) -> str:
    return signing.dumps([subscriber_id, language, categories], salt=CONFIRM_SALT, compress=True)


def read_confirm_token(token: str):
    try:
        pk, language, categories = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(pk, int) or not isinstance(language, str) or not isinstance(categories, list):
        return None
    return pk, language, [str(c) for c in categories]


def unsubscribe_token(subscriber_id: int) -> str:
    return signing.dumps(subscriber_id, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token: str) -> int | None:
    try:
        pk = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return pk if isinstance(pk, int) else None
