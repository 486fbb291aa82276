"""The newsletter: double opt-in, one-click unsubscribe without signing in, a record of
consent kept after unsubscribing, digests in the subscriber's language."""

import re

import pytest
from django.core.cache import cache

from alliance.news.models import Consent, Subscriber
from alliance.news.services import send_newsletter_digests

from .factories import published

pytestmark = pytest.mark.django_db


def _subscribe(client, email="reader@example.test", language="fr", categories=("calls",)):
    return client.post(
        "/fr/news/newsletter/",
        {"email": email, "language": language, "categories": list(categories), "consent": "on"},
    )


def _link(message, name):
    return re.search(rf"https?://[^\s]+/newsletter/{name}/[^\s]+/", message.body).group(0)


def test_nothing_is_sent_until_the_address_is_confirmed(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _subscribe(client)
    assert response.status_code == 200
    subscriber = Subscriber.objects.get()
    assert subscriber.current_status == "pending"
    (message,) = mailoutbox
    assert message.subject == "Confirmez votre abonnement aux actualités d'Alliance Hub"
    published(1)
    assert send_newsletter_digests() == 0
    confirm = _link(message, "confirm").split("://", 1)[1].split("/", 1)[1]
    assert client.get("/" + confirm).status_code == 200  # a page with a button, no change
    assert Subscriber.objects.get().current_status == "pending"
    assert client.post("/" + confirm).status_code == 200
    assert Subscriber.objects.get().current_status == "confirmed"


def test_the_consent_is_recorded_in_the_subscribers_words_and_kept(
    client, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        _subscribe(client)
    subscriber = Subscriber.objects.get()
    given = Consent.objects.get(subscriber=subscriber, action="given")
    assert given.language == "fr" and given.form == "/fr/news/newsletter/"
    assert given.text.startswith("J'accepte de recevoir")
    assert given.categories == ["calls"]
    client.post(f"/en/news/newsletter/unsubscribe/{_token(subscriber)}/")
    assert Subscriber.objects.get().current_status == "unsubscribed"
    assert list(Consent.objects.filter(subscriber=subscriber).values_list("action", flat=True)) == [
        "given",
        "withdrawn",
    ]


def _token(subscriber):
    from alliance.news.tokens import unsubscribe_token

    return unsubscribe_token(subscriber.pk)


def _confirmed(email="reader@example.test", language="fr", categories=("calls",)):
    from django.utils import timezone

    return Subscriber.objects.create(
        email=email,
        language=language,
        categories=list(categories),
        status="confirmed",
        confirmed_at=timezone.now() - timezone.timedelta(days=3),
        last_digest_at=timezone.now() - timezone.timedelta(days=3),
    )


def test_the_digest_is_in_the_subscribers_language_with_one_click_unsubscribe(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    subscriber = _confirmed()
    published(1, category="calls")
    published(2, category="board")  # not chosen
    with django_capture_on_commit_callbacks(execute=True):
        assert send_newsletter_digests() == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert send_newsletter_digests() == 0  # idempotent
    (message,) = mailoutbox
    assert "Annonce 1" in message.body and "Annonce 2" not in message.body
    assert "/fr/news/" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = message.extra_headers["List-Unsubscribe"].strip("<>")
    path = "/" + url.split("://", 1)[1].split("/", 1)[1]
    # RFC 8058: the mail client POSTs without a session or a CSRF token.
    client.handler.enforce_csrf_checks = True
    response = client.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.current_status == "unsubscribed"


def test_a_forged_link_changes_nothing(client):
    subscriber = _confirmed()
    assert client.post("/en/news/newsletter/unsubscribe/forged/").status_code == 404
    assert client.post("/en/news/newsletter/confirm/forged/").status_code == 404
    subscriber.refresh_from_db()
    assert subscriber.current_status == "confirmed"


def test_subscription_attempts_are_rate_limited(client):
    cache.clear()
    for n in range(10):
        assert _subscribe(client, email=f"r{n}@example.test").status_code == 200
    response = _subscribe(client, email="r11@example.test")
    assert response.status_code == 429 and response["Retry-After"]


def test_a_missing_consent_keeps_what_was_typed(client):
    response = client.post(
        "/fr/news/newsletter/", {"email": "reader@example.test", "language": "fr"}
    )
    assert response.status_code == 400
    assert 'value="reader@example.test"' in response.content.decode()
    assert not Subscriber.objects.exists()
