"""Personal access tokens for the JSON API: created and revoked by their owner."""

from django.db import transaction
from django.utils import timezone

from alliance.core import kernel

from .models import ApiToken, hash_token


@transaction.atomic
def token_create(*, actor, name: str) -> tuple[ApiToken, str]:
    """Returns the token row and the secret, which is never stored and shown only once."""
    raw = ApiToken.generate()
    token = kernel.create(
        ApiToken(user=actor, name=name, prefix=raw[:10], token_hash=hash_token(raw)),
        actor=actor,
        verb="api_token.created",
    )
    return token, raw


@transaction.atomic
def token_revoke(*, token_id: int, actor) -> ApiToken:
    token = kernel.lock(ApiToken.objects.filter(user=actor), token_id)
    return kernel.change(
        token, actor=actor, verb="api_token.revoked", fields={"revoked_at": timezone.now()}
    )


def user_for_token(raw: str):
    token = (
        ApiToken.objects.select_related("user")
        .filter(token_hash=hash_token(raw), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    # Touch at most once a minute so that busy scripts do not write on every call.
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
