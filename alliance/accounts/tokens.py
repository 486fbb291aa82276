"""Personal access tokens for the JSON API: created and revoked by their owner.

docs/decisions/0018-api-token-scopes-and-mfa.md: each token has a scope (read: GET only;
write: every method) and an expiry chosen at creation (at most a year); a token works only
while its owner may use the platform, two-factor authentication included."""

from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core import kernel
from alliance.core.states import TransitionRefused

from . import mfa
from .models import ApiToken, TokenScope, hash_token

# Days a token may live, as offered on the tokens page; never more than a year.
LIFETIMES = (30, 90, 365)
MAX_DAYS = 365
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# The last use is written at most this often, so that busy scripts do not write on every call.
TOUCH_SECONDS = 60


@transaction.atomic
def token_create(
    *, actor, name: str, scope: str = TokenScope.READ, days: int = 90
) -> tuple[ApiToken, str]:
    """Returns the token row and the secret, which is never stored and shown only once."""
    if scope not in TokenScope.values:
        raise TransitionRefused(_("Choose read only or read and write."), "invalid")
    if not 1 <= int(days) <= MAX_DAYS:
        raise TransitionRefused(_("A token can live a year at most."), "invalid")
    raw = ApiToken.generate()
    token = kernel.create(
        ApiToken(
            user=actor,
            name=name,
            prefix=raw[:10],
            token_hash=hash_token(raw),
            scope=scope,
            expires_at=timezone.now() + timedelta(days=int(days)),
        ),
        actor=actor,
        verb="api_token.created",
        after=f"{scope}, {int(days)}d",
    )
    return token, raw


@transaction.atomic
def token_revoke(*, token_id: int, actor) -> ApiToken:
    token = kernel.lock(ApiToken.objects.filter(user=actor), token_id)
    return kernel.change(
        token, actor=actor, verb="api_token.revoked", fields={"revoked_at": timezone.now()}
    )


@dataclass
class Refusal:
    status: int
    code: str
    message: str


def check_token(raw: str, method: str) -> tuple[ApiToken | None, Refusal | None]:
    """The token for `raw` if it may make a `method` request now, else why not. An unknown
    or revoked token is (None, None): the caller answers 401 as for no token at all."""
    token = (
        ApiToken.objects.select_related("user")
        .filter(token_hash=hash_token(raw), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None, None
    now = timezone.now()
    if token.expires_at <= now:
        return None, Refusal(
            401, "token_expired", _("This token has expired. Create a new one on the tokens page.")
        )
    if mfa.must_enrol(token.user):
        return None, Refusal(
            403,
            "mfa_required",
            _(
                "Your account needs two-factor authentication: set it up in the platform; "
                "your tokens work again once it is on."
            ),
        )
    if method.upper() not in SAFE_METHODS and not token.can_write:
        return None, Refusal(
            403, "token_read_only", _("This token is read only: create a read and write token.")
        )
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > TOUCH_SECONDS:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token, None


def user_for_token(raw: str, method: str = "GET"):
    token, _refusal = check_token(raw, method)
    return token.user if token else None
