"""The inbox, preferences, unsubscribe and calendar pages, without JavaScript."""

import re

import pytest
from django.core import mail

from alliance.core.models import AuditEvent
from alliance.notifications import tokens
from alliance.notifications.models import Delivery, Notification, Preference

pytestmark = pytest.mark.django_db


def _notify(user, n=1, **extra):
    rows = [
        Notification.objects.create(
            recipient=user,
            verb="expression.submitted",
            kind="joining.updates",
            subject=f"Message {i}",
            body=f"Body {i}",
            url="http://127.0.0.1:8000/en/joining/interest/1/",
            delivery=Delivery.IMMEDIATE,
            **extra,
        )
        for i in range(n)
    ]
    from alliance.notifications.delivery import recount_unread

    recount_unread(user.pk)
    return rows


def test_the_inbox_lists_messages_and_marks_them_read(client, secretariat_officer):
    first, second = _notify(secretariat_officer, 2)
    client.force_login(secretariat_officer)
    page = client.get("/en/notifications/").content.decode()
    assert "Message 0" in page and "Message 1" in page
    assert page.count(">New</strong>") == 2
    response = client.post(f"/en/notifications/{first.pk}/mark/", {"read": "1"})
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.read_at is not None
    unread = client.get("/en/notifications/?show=unread").content.decode()
    assert "Message 1" in unread and "Message 0" not in unread
    client.post("/en/notifications/mark-all-read/")
    assert not Notification.objects.filter(read_at__isnull=True).exists()
    secretariat_officer.refresh_from_db()
    assert secretariat_officer.unread_notifications == 0


def test_opening_a_message_marks_it_read_and_follows_its_link(client, secretariat_officer):
    [message] = _notify(secretariat_officer)
    client.force_login(secretariat_officer)
    assert client.get(f"/en/notifications/{message.pk}/open/").status_code == 405
    response = client.post(f"/en/notifications/{message.pk}/open/")
    assert response.status_code == 302
    assert response.url == "/en/joining/interest/1/"
    message.refresh_from_db()
    assert message.read_at is not None


def test_other_peoples_messages_are_not_found(client, secretariat_officer, stranger):
    [message] = _notify(secretariat_officer)
    client.force_login(stranger)
    assert client.post(f"/en/notifications/{message.pk}/open/").status_code == 404
    assert client.post(f"/en/notifications/{message.pk}/mark/").status_code == 404
    message.refresh_from_db()
    assert message.read_at is None


def test_preferences_are_saved_and_say_which_messages_cannot_be_turned_off(
    client, secretariat_officer
):
    client.force_login(secretariat_officer)
    page = client.get("/fr/notifications/preferences/").content.decode()
    assert "Déclarations conjointes à signer" in page  # essential: listed, not a field
    assert 'name="joining.signatures"' not in page
    response = client.post("/en/notifications/preferences/", {"joining.updates": "weekly"})
    assert response.status_code == 302
    assert Preference.objects.get(user=secretariat_officer).delivery == "weekly"
    assert AuditEvent.objects.filter(verb="notifications.preference_set").count() == 1


def test_one_click_unsubscribe_works_without_a_session_or_a_form(client, secretariat_officer):
    token = tokens.unsubscribe_token(secretariat_officer, "joining.updates")
    page = client.get(f"/en/notifications/unsubscribe/{token}/").content.decode()
    assert "Stop emails about" in page
    # RFC 8058: the mail client POSTs without a CSRF token or a cookie.
    client.handler.enforce_csrf_checks = True
    response = client.post(
        f"/en/notifications/unsubscribe/{token}/", {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    assert (
        Preference.objects.get(user=secretariat_officer, kind="joining.updates").delivery == "off"
    )


def test_a_forged_unsubscribe_link_changes_nothing(client, secretariat_officer):
    assert client.post("/en/notifications/unsubscribe/not-a-token/").status_code == 404
    assert not Preference.objects.exists()


def test_the_personal_calendar_feed_can_be_made_read_and_turned_off(client, ministry_focal_point):
    client.force_login(ministry_focal_point)
    page = client.post("/en/notifications/calendar/", {"action": "create"}).content.decode()
    url = re.search(r"<code>(http[^<]+\.ics)</code>", page).group(1)
    path = url.split("8000", 1)[1]
    client.logout()
    feed = client.get(path)
    assert feed.status_code == 200
    assert feed["Content-Type"].startswith("text/calendar")
    assert b"BEGIN:VCALENDAR" in feed.content
    client.force_login(ministry_focal_point)
    client.post("/en/notifications/calendar/", {"action": "revoke"})
    client.logout()
    assert client.get(path).status_code == 404


def test_pages_need_a_signed_in_person(client):
    assert client.get("/en/notifications/").status_code == 302
    assert client.get("/en/notifications/preferences/").status_code == 302
    assert not mail.outbox
