"""From a committed transition to inbox items and emails, in each person's language."""

import pytest
from django.core import mail

from alliance.joining import services
from alliance.joining.tests.factories import ExpressionFactory
from alliance.notifications.digests import send_digests
from alliance.notifications.models import Delivery, Notification
from alliance.notifications.services import set_preference

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(
    ministry, ministry_focal_point, secretariat_officer, django_capture_on_commit_callbacks
):
    ministry_focal_point.preferred_language = "fr"
    ministry_focal_point.save(update_fields=["preferred_language"])
    expression = ExpressionFactory(organisation=ministry)

    def submit():
        with django_capture_on_commit_callbacks(execute=True):
            services.expression_submit(expression_id=expression.pk, actor=ministry_focal_point)
        return expression

    return submit


def test_each_person_gets_the_message_in_their_own_language_with_links_to_the_site(
    submitted, ministry_focal_point, secretariat_officer, settings
):
    settings.SITE_URL = "https://alliance.example.org"
    expression = submitted()
    french = Notification.objects.get(recipient=ministry_focal_point)
    english = Notification.objects.get(recipient=secretariat_officer)
    assert french.subject.startswith("Manifestation d")
    assert french.url == f"https://alliance.example.org/fr/joining/interest/{expression.pk}/"
    assert english.subject.startswith("Expression of interest submitted")
    assert english.url.startswith("https://alliance.example.org/en/")
    emails = {m.to[0]: m for m in mail.outbox}
    assert set(emails) == {ministry_focal_point.email, secretariat_officer.email}
    assert french.url in emails[ministry_focal_point.email].body
    assert "https://alliance.example.org/fr/notifications/preferences/" in (
        emails[ministry_focal_point.email].body
    )


def test_optional_messages_carry_one_click_unsubscribe_and_essential_ones_do_not(
    submitted, ministry_focal_point, secretariat_officer
):
    submitted()
    message = next(m for m in mail.outbox if m.to == [secretariat_officer.email])
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.extra_headers["List-Unsubscribe"].startswith("<http")
    assert "/en/notifications/unsubscribe/" in message.extra_headers["List-Unsubscribe"]


def test_the_header_counts_unread_messages_without_a_query(
    client, submitted, secretariat_officer, django_assert_max_num_queries
):
    submitted()
    secretariat_officer.refresh_from_db()
    assert secretariat_officer.unread_notifications == 1
    client.force_login(secretariat_officer)
    page = client.get("/en/notifications/").content.decode()
    assert '<span class="count">1<span class="visually-hidden"> unread</span></span>' in page


def test_a_daily_digest_gathers_what_was_not_sent_at_once_and_is_sent_once(
    submitted, secretariat_officer, ministry_focal_point
):
    set_preference(user=secretariat_officer, kind="joining.updates", delivery=Delivery.DAILY)
    submitted()
    assert [m.to for m in mail.outbox] == [[ministry_focal_point.email]]
    mail.outbox.clear()
    assert send_digests() == {"daily": 1, "weekly": 0}
    assert send_digests() == {"daily": 0, "weekly": 0}  # idempotent
    [digest] = mail.outbox
    assert digest.to == [secretariat_officer.email]
    assert digest.subject == "Your daily digest: 1 message"
    assert "Expression of interest submitted" in digest.body
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_a_weekly_digest_waits_for_its_day(submitted, secretariat_officer, time_machine):
    time_machine.move_to("2026-12-02 09:00Z")  # a Wednesday
    set_preference(user=secretariat_officer, kind="joining.updates", delivery=Delivery.WEEKLY)
    submitted()
    mail.outbox.clear()
    assert send_digests()["weekly"] == 0
    time_machine.move_to("2026-12-07 06:00Z")  # the Monday after
    assert send_digests()["weekly"] == 1
    assert mail.outbox[0].subject == "Your weekly digest: 1 message"


def test_messages_turned_off_stay_in_the_inbox(submitted, secretariat_officer):
    set_preference(user=secretariat_officer, kind="joining.updates", delivery=Delivery.OFF)
    submitted()
    assert secretariat_officer.email not in {m.to[0] for m in mail.outbox}
    assert Notification.objects.filter(recipient=secretariat_officer).count() == 1
    assert send_digests() == {"daily": 0, "weekly": 0}


def test_essential_messages_cannot_be_turned_off(secretariat_officer):
    from alliance.core.states import TransitionRefused

    with pytest.raises(TransitionRefused) as refused:
        set_preference(user=secretariat_officer, kind="joining.signatures", delivery=Delivery.OFF)
    assert refused.value.code == "essential"
