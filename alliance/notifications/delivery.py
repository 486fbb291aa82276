"""From a committed event to inbox items and emails, one recipient at a time."""

import logging
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.apps import apps
from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from alliance.core.kernel import Event
from alliance.core.site import site_url

from . import tokens
from .models import Delivery, Notification, Preference
from .registry import KINDS, MESSAGES, Guest, Message

logger = logging.getLogger(__name__)


def on_committed(sender, event: Event, **kwargs) -> None:
    if event.verb in MESSAGES:
        deliver.enqueue(event.as_dict())


@task()
def deliver(event: dict) -> int:
    """Write each recipient's inbox item and send the emails due at once. Returns how
    many people were told."""
    event = Event(**event)
    model = apps.get_model(event.model)
    told: set[int] = set()
    for message in MESSAGES.get(event.verb, []):
        obj = model._default_manager.select_related(*message.related).filter(pk=event.pk).first()
        if obj is None or (message.when is not None and not message.when(obj, event)):
            continue
        for user in message.recipients(obj, event):
            key = user.email.lower() if isinstance(user, Guest) else user.pk
            if key in told or not user.is_active:
                continue
            told.add(key)
            try:
                deliver_one(message, obj, event, user)
            except Exception:
                # The change is committed; one person's broken message must not stop the
                # others' (or answer 500 to the person who made the change).
                if getattr(settings, "KERNEL_STRICT", False):
                    raise
                logger.exception("notification %s to user %s failed", event.verb, user.pk)
    return len(told)


def delivery_for(user, kind_code: str) -> str:
    kind = KINDS[kind_code]
    if kind.essential or isinstance(user, Guest):
        return Delivery.IMMEDIATE
    chosen = (
        Preference.objects.filter(user=user, kind=kind_code)
        .values_list("delivery", flat=True)
        .first()
    )
    return chosen or kind.default


def deliveries_for(user, kind_codes) -> dict[str, str]:
    """`delivery_for` of several kinds in one query: the preferences page read one row
    per kind of message (a query each)."""
    codes = list(kind_codes)
    chosen = {}
    if not isinstance(user, Guest):
        chosen = dict(
            Preference.objects.filter(user=user, kind__in=codes).values_list("kind", "delivery")
        )
    return {
        code: Delivery.IMMEDIATE
        if KINDS[code].essential or isinstance(user, Guest)
        else chosen.get(code) or KINDS[code].default
        for code in codes
    }


def zone_of(user):
    try:
        return ZoneInfo(user.time_zone) if user.time_zone else None
    except (ZoneInfoNotFoundError, ValueError):
        return None


def language_of(user) -> str:
    codes = {code for code, _name in settings.LANGUAGES}
    return user.preferred_language if user.preferred_language in codes else settings.LANGUAGE_CODE


def deliver_one(message: Message, obj, event: Event, user) -> Notification | None:
    delivery = delivery_for(user, message.kind)
    # Each person reads the message, and follows its link, in their own language and time
    # zone, not those of whoever triggered it (the immediate task backend runs in their
    # request).
    with translation.override(language_of(user)), timezone.override(zone_of(user)):
        args = message.subject_args(obj, event) if message.subject_args else {}
        subject = message.subject(obj, event) if callable(message.subject) else message.subject
        subject = " ".join(str(subject % args if args else subject).split())[:300]
        url = site_url(message.url(obj, event)) if message.url else ""
        context = {
            "obj": obj,
            "event": event,
            "user": user,
            "subject": subject,
            "url": url,
            "site_url": site_url(),
            **(message.context(obj, event) if message.context else {}),
        }
        body = render_to_string(message.template, context)
        files = message.attachments(obj, event, user) if message.attachments else []
        if isinstance(user, Guest):
            send_guest_email(subject, body, user, files)
            return None
        notification = Notification.objects.create(
            recipient=user,
            verb=event.verb,
            kind=message.kind,
            subject=subject,
            body=body,
            url=url,
            object_model=event.model,
            object_id=str(event.pk),
            delivery=delivery,
        )
        recount_unread(user.pk)
        if delivery == Delivery.IMMEDIATE:
            send_email(notification, user, files)
    return notification


def send_email(notification: Notification, user, attachments=()) -> None:
    """One message, one recipient. Claimed first, so a retried task does not send twice."""
    claimed = Notification.objects.filter(pk=notification.pk, emailed_at__isnull=True).update(
        emailed_at=timezone.now()
    )
    if not claimed:
        return
    kind = KINDS[notification.kind]
    footer = render_to_string(
        "notifications/email/footer.txt",
        {
            "essential": kind.essential,
            "kind": kind,
            "preferences_url": site_url(reverse("notifications:preferences")),
            "unsubscribe_url": unsubscribe_url(user, kind.code),
        },
    )
    email = EmailMessage(
        subject=notification.subject,
        body=notification.body.rstrip() + "\n\n" + footer,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
        headers=unsubscribe_headers(user, kind),
    )
    for filename, content, mimetype in attachments:
        email.attach(filename, content, mimetype)
    email.send()


def send_guest_email(subject: str, body: str, guest: Guest, attachments=()) -> None:
    email = EmailMessage(
        subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=[guest.email]
    )
    for filename, content, mimetype in attachments:
        email.attach(filename, content, mimetype)
    email.send()


def unsubscribe_url(user, kind_code: str) -> str:
    return site_url(
        reverse("notifications:unsubscribe", args=[tokens.unsubscribe_token(user, kind_code)])
    )


def unsubscribe_headers(user, kind) -> dict:
    """RFC 2369 and RFC 8058 one-click unsubscribe, on every message that may be stopped."""
    if kind is not None and kind.essential:
        return {}
    code = kind.code if kind is not None else tokens.ALL_OPTIONAL
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(user, code)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def recount_unread(user_id: int) -> None:
    """Store the person's unread count on their user row, read with every request."""
    from django.contrib.auth import get_user_model
    from django.db.models import Count, OuterRef, Subquery, Value
    from django.db.models.functions import Coalesce

    unread = (
        Notification.objects.filter(recipient=OuterRef("pk"), read_at__isnull=True)
        .order_by()
        .values("recipient")
        .annotate(n=Count("pk"))
        .values("n")
    )
    get_user_model().objects.filter(pk=user_id).update(
        unread_notifications=Coalesce(Subquery(unread), Value(0))
    )
