"""The newsletter: double opt-in, one-click unsubscribe, a record of consent, and the
digest of newly published announcements in each subscriber's language."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from alliance.core import kernel
from alliance.core.site import site_url

from .. import tokens
from ..models import Consent, Subscriber
from ..selectors import published_since
from ..states import SubscriberStatus


def _consent(subscriber, action, *, text="", language, form, categories) -> Consent:
    return Consent.objects.create(
        subscriber=subscriber,
        action=action,
        at=timezone.now(),
        text=text,
        language=language,
        form=form,
        categories=list(categories),
    )


def unsubscribe_url(subscriber) -> str:
    return site_url(reverse("news:unsubscribe", args=[tokens.unsubscribe_token(subscriber.pk)]))


def _send(subscriber, language: str, subject_and_body, *, list_headers=True) -> None:
    with translation.override(language):
        subject, body = subject_and_body()
    headers = {}
    if list_headers:  # RFC 2369 and RFC 8058 one-click unsubscribe
        headers = {
            "List-Unsubscribe": f"<{unsubscribe_url(subscriber)}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
    EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[subscriber.email],
        headers=headers,
    ).send()


@transaction.atomic
def newsletter_subscribe(
    *, email: str, language: str, categories: list[str], consent_text: str, form: str
) -> Subscriber:
    """Records the consent and sends the confirmation link; nothing is sent until the
    address is confirmed. The same answer whether the address is known or not."""
    email = email.strip().lower()
    subscriber = Subscriber.objects.filter(email=email).first()
    if subscriber is None:
        subscriber = kernel.create(
            Subscriber(email=email, language=language, categories=list(categories)),
            actor=None,
            verb="subscriber.created",
        )
    else:
        subscriber = kernel.lock(Subscriber, subscriber.pk)
        if subscriber.status == SubscriberStatus.UNSUBSCRIBED:
            subscriber = kernel.transition(subscriber, "resubscribe", actor=None)
    _consent(
        subscriber,
        Consent.GIVEN,
        text=consent_text,
        language=language,
        form=form,
        categories=categories,
    )
    link = site_url(
        reverse(
            "news:confirm",
            args=[tokens.confirm_token(subscriber.pk, language, list(categories))],
        )
    )

    def message():
        from django.utils.translation import gettext as _

        body = render_to_string("news/email/confirm.txt", {"url": link})
        return _("Confirm your subscription to the Alliance Hub news"), body

    transaction.on_commit(lambda: _send(subscriber, language, message, list_headers=False))
    return subscriber


@transaction.atomic
def newsletter_confirm(*, token: str, form: str) -> Subscriber | None:
    found = tokens.read_confirm_token(token)
    if found is None:
        return None
    pk, language, categories = found
    if not Subscriber.objects.filter(pk=pk).exists():
        return None
    subscriber = kernel.lock(Subscriber, pk)
    if subscriber.status == SubscriberStatus.UNSUBSCRIBED:
        return None  # an old link does not undo an unsubscription
    now = timezone.now()
    subscriber = kernel.transition(
        subscriber,
        "confirm",
        actor=None,
        fields={
            "language": language,
            "categories": categories,
            "confirmed_at": subscriber.confirmed_at or now,
            "last_digest_at": subscriber.last_digest_at or now,
        },
    )
    _consent(subscriber, Consent.CONFIRMED, language=language, form=form, categories=categories)
    return subscriber


@transaction.atomic
def newsletter_unsubscribe(*, token: str, form: str) -> Subscriber | None:
    pk = tokens.read_unsubscribe_token(token)
    if pk is None or not Subscriber.objects.filter(pk=pk).exists():
        return None
    subscriber = kernel.lock(Subscriber, pk)
    if subscriber.status == SubscriberStatus.UNSUBSCRIBED:
        return subscriber  # clicking twice is fine
    subscriber = kernel.transition(
        subscriber, "unsubscribe", actor=None, fields={"unsubscribed_at": timezone.now()}
    )
    _consent(
        subscriber,
        Consent.WITHDRAWN,
        language=subscriber.language,
        form=form,
        categories=subscriber.categories,
    )
    return subscriber


def send_newsletter_digests(now=None) -> int:
    """One email per confirmed subscriber with announcements published since their last
    digest in their categories, in their language. Idempotent: a second run sends none."""
    now = now or timezone.now()
    sent = 0
    for subscriber in Subscriber.objects.filter(status=SubscriberStatus.CONFIRMED).iterator():
        since = subscriber.last_digest_at or subscriber.confirmed_at or now
        items = list(published_since(since, now, subscriber.categories))
        if not items:
            continue
        with transaction.atomic():
            locked = kernel.lock(Subscriber, subscriber.pk)
            if locked.last_digest_at and locked.last_digest_at >= now:
                continue  # another run got here first
            kernel.transition(locked, "send_digest", actor=None, fields={"last_digest_at": now})
            language = locked.language

            def message(items=items, locked=locked):
                from django.utils.translation import ngettext

                context = {
                    "items": [(a, site_url(reverse("news:detail", args=[a.pk]))) for a in items],
                    "unsubscribe_url": unsubscribe_url(locked),
                }
                body = render_to_string("news/email/digest.txt", context)
                subject = ngettext(
                    "Alliance Hub news: %(count)s new announcement",
                    "Alliance Hub news: %(count)s new announcements",
                    len(items),
                ) % {"count": len(items)}
                return subject, body

            transaction.on_commit(lambda m=message, s=locked, lang=language: _send(s, lang, m))
        sent += 1
    return sent
