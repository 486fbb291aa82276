"""Daily and weekly digests: what each person chose not to get at once, in one email."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from alliance.core.site import site_url

from . import tokens
from .delivery import language_of, unsubscribe_headers, zone_of
from .models import Delivery, Notification

# Weekly digests go out on this weekday (0 = Monday), or once the oldest waiting item is
# a week old, whichever comes first.
WEEKLY_DIGEST_WEEKDAY = getattr(settings, "WEEKLY_DIGEST_WEEKDAY", 0)


def send_digests(now=None) -> dict[str, int]:
    """Send every digest that is due. Idempotent: an item is claimed (emailed_at set) by a
    conditional UPDATE before it is sent, so a second run, or a parallel one, sends
    nothing twice. Returns the number of digests sent per delivery."""
    now = now or timezone.now()
    sent = {Delivery.DAILY: 0, Delivery.WEEKLY: 0}
    for delivery in (Delivery.DAILY, Delivery.WEEKLY):
        waiting = Notification.objects.filter(delivery=delivery, emailed_at__isnull=True)
        for user_id in waiting.values_list("recipient_id", flat=True).distinct().order_by():
            if _send_one(delivery, user_id, now):
                sent[delivery] += 1
    return sent


def _due(delivery: str, items: list[Notification], now) -> bool:
    if delivery == Delivery.DAILY:
        return True
    oldest = min(n.created_at for n in items)
    return now.weekday() == WEEKLY_DIGEST_WEEKDAY or now - oldest >= timedelta(days=7)


def _send_one(delivery: str, user_id: int, now) -> bool:
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    waiting = Notification.objects.filter(
        recipient_id=user_id, delivery=delivery, emailed_at__isnull=True
    )
    items = list(waiting.order_by("created_at", "id"))
    if not items or not _due(delivery, items, now):
        return False
    ids = [n.pk for n in items]
    claimed = Notification.objects.filter(pk__in=ids, emailed_at__isnull=True).update(
        emailed_at=now
    )
    if claimed != len(ids) or user is None:
        # Another run took some of them; it sends those. Nothing is sent twice.
        return False
    with translation.override(language_of(user)), timezone.override(zone_of(user)):
        context = {
            "user": user,
            "items": items,
            "weekly": delivery == Delivery.WEEKLY,
            "inbox_url": site_url(reverse("notifications:inbox")),
            "preferences_url": site_url(reverse("notifications:preferences")),
            "unsubscribe_url": site_url(
                reverse(
                    "notifications:unsubscribe",
                    args=[tokens.unsubscribe_token(user, tokens.ALL_OPTIONAL)],
                )
            ),
        }
        subject = " ".join(
            render_to_string("notifications/email/digest_subject.txt", context).split()
        )
        body = render_to_string("notifications/email/digest.txt", context)
    EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
        headers=unsubscribe_headers(user, None),
    ).send()
    return True
