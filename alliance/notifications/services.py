"""Writes of the notifications centre.

Reading a message is the person's own bookkeeping, not a change of the Alliance's state:
it is not audited. Preferences and calendar secrets are, through the kernel."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core import kernel
from alliance.core.states import TransitionRefused

from . import tokens
from .delivery import recount_unread
from .models import CalendarFeed, Delivery, Notification, Preference
from .registry import KINDS


def mark_read(*, user, notification_id: int, read: bool = True) -> int:
    """Mark one of the user's messages read (or unread again). Returns rows changed."""
    rows = Notification.objects.filter(pk=notification_id, recipient=user)
    changed = (
        rows.filter(read_at__isnull=True).update(read_at=timezone.now())
        if read
        else rows.filter(read_at__isnull=False).update(read_at=None)
    )
    recount_unread(user.pk)
    return changed


def mark_all_read(*, user) -> int:
    changed = Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    recount_unread(user.pk)
    return changed


@transaction.atomic
def set_preference(*, user, kind: str, delivery: str) -> Preference:
    if kind not in KINDS:
        raise TransitionRefused(_("There is no such kind of message."), code="unknown_kind")
    if delivery not in Delivery.values:
        raise TransitionRefused(_("Choose how to receive these messages."), code="bad_delivery")
    if KINDS[kind].essential and delivery != Delivery.IMMEDIATE:
        raise TransitionRefused(
            _(
                "“%(kind)s” carry a deadline or a legal consequence: they are always emailed at "
                "once and cannot be turned off."
            )
            % {"kind": KINDS[kind].label},
            code="essential",
        )
    existing = Preference.objects.filter(user=user, kind=kind).values_list("pk", flat=True).first()
    if existing is None:
        return kernel.create(
            Preference(user=user, kind=kind, delivery=delivery),
            actor=user,
            verb="notifications.preference_set",
            after={"kind": kind, "delivery": delivery},
        )
    preference = kernel.lock(Preference, existing)
    if preference.delivery == delivery:
        return preference
    before = preference.delivery
    return kernel.change(
        preference,
        actor=user,
        verb="notifications.preference_set",
        fields={"delivery": delivery},
        before={"kind": kind, "delivery": before},
        after={"kind": kind, "delivery": delivery},
    )


@transaction.atomic
def unsubscribe(*, user, kind: str) -> list[str]:
    """One-click unsubscribe: turn off one kind, or every optional kind ("*"). Returns the
    kinds turned off."""
    if kind == tokens.ALL_OPTIONAL:
        codes = [code for code, k in KINDS.items() if not k.essential]
    elif kind in KINDS and not KINDS[kind].essential:
        codes = [kind]
    else:
        return []
    for code in codes:
        set_preference(user=user, kind=code, delivery=Delivery.OFF)
    return codes


@transaction.atomic
def feed_create(*, user) -> tuple[CalendarFeed, str]:
    """A new secret calendar address; the previous one stops working. Returns the row and
    the secret, shown once."""
    for feed in kernel.lock_rows(CalendarFeed.objects.filter(user=user, revoked_at__isnull=True)):
        kernel.change(
            feed,
            actor=user,
            verb="notifications.feed_revoked",
            fields={"revoked_at": timezone.now()},
        )
    raw = tokens.new_feed_secret()
    feed = kernel.create(
        CalendarFeed(user=user, token_hash=tokens.hash_secret(raw)),
        actor=user,
        verb="notifications.feed_created",
    )
    return feed, raw


@transaction.atomic
def feed_revoke(*, user) -> int:
    feeds = kernel.lock_rows(CalendarFeed.objects.filter(user=user, revoked_at__isnull=True))
    for feed in feeds:
        kernel.change(
            feed,
            actor=user,
            verb="notifications.feed_revoked",
            fields={"revoked_at": timezone.now()},
        )
    return len(feeds)
