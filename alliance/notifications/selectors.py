from django.db.models import QuerySet

from . import tokens
from .delivery import deliveries_for
from .models import CalendarFeed, Notification
from .registry import CALENDAR_SOURCES, kinds


def inbox(user, *, unread_only: bool = False) -> QuerySet[Notification]:
    rows = Notification.objects.filter(recipient=user)
    if unread_only:
        rows = rows.filter(read_at__isnull=True)
    return rows.order_by("-created_at", "-id")


def unread_count(user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def preferences_of(user) -> list[dict]:
    every = list(kinds())
    chosen = deliveries_for(user, [k.code for k in every])
    return [{"kind": k, "delivery": chosen[k.code]} for k in every]


def active_feed(user) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(user=user, revoked_at__isnull=True).first()


def user_for_feed(raw: str):
    feed = (
        CalendarFeed.objects.select_related("user")
        .filter(token_hash=tokens.hash_secret(raw), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    # Reading the feed writes nothing (no "last used" stamp): a GET stays a read.
    return feed.user if feed is not None else None


def calendar_entries(user) -> list:
    entries = []
    for source in CALENDAR_SOURCES:
        entries.extend(source(user))
    return sorted(entries, key=lambda e: (str(e.start), e.uid))
