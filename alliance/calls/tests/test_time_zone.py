"""Deadlines are set in Geneva time; a person who chose a time zone also sees theirs."""

import html
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from alliance.accounts.tests.factories import UserFactory
from alliance.calls.forms.staff import GenevaDateTimeField

from .factories import CallFactory

pytestmark = pytest.mark.django_db

DEADLINE = datetime(2026, 12, 28, 16, 0, tzinfo=UTC)  # 17:00 in Geneva, 19:00 in Nairobi
NAIROBI_LINE = "(December 28, 2026 16:00 UTC; 19:00 in your time zone, Africa/Nairobi)"


@pytest.fixture(autouse=True)
def _before_the_deadline():
    with time_machine.travel(datetime(2026, 12, 1, 9, 0, tzinfo=UTC), tick=False):
        yield


def text(response):
    return html.unescape(response.content.decode())


def test_call_page_shows_the_deadline_in_the_readers_time_zone(client, stranger):
    call = CallFactory(closes_at=DEADLINE)
    stranger.time_zone = "Africa/Nairobi"
    stranger.save()
    client.force_login(stranger)
    body = text(client.get(reverse("calls:detail", args=[call.pk])))
    assert "December 28, 2026 at 17:00 Geneva time " + NAIROBI_LINE in body
    assert "Closes in 27 days" in body  # The countdown is still the server's.


def test_anonymous_visitors_see_geneva_time_and_utc_only(client):
    call = CallFactory(closes_at=DEADLINE)
    body = text(client.get(reverse("calls:detail", args=[call.pk])))
    assert "December 28, 2026 at 17:00 Geneva time (December 28, 2026 16:00 UTC)" in body
    assert "your time zone" not in body


def test_no_own_zone_line_without_a_choice_or_for_geneva(client, stranger):
    call = CallFactory(closes_at=DEADLINE)
    client.force_login(stranger)
    assert "your time zone" not in text(client.get(reverse("calls:detail", args=[call.pk])))
    stranger.time_zone = "Europe/Zurich"
    stranger.save()
    assert "your time zone" not in text(client.get(reverse("calls:detail", args=[call.pk])))


def test_the_date_is_given_when_it_is_another_day_in_the_readers_zone(client, stranger):
    call = CallFactory(closes_at=datetime(2026, 12, 28, 22, 0, tzinfo=UTC))  # 23:00 Geneva
    stranger.time_zone = "Asia/Tokyo"
    stranger.save()
    client.force_login(stranger)
    body = text(client.get(reverse("calls:detail", args=[call.pk])))
    assert "December 29, 2026 07:00 in your time zone, Asia/Tokyo" in body


def test_the_call_list_in_french_shows_the_readers_zone(client, stranger):
    CallFactory(closes_at=DEADLINE)
    stranger.time_zone = "Africa/Nairobi"
    stranger.save()
    client.force_login(stranger)
    body = text(client.get("/fr/calls/"))
    assert "19:00 dans votre fuseau horaire, Africa/Nairobi" in body


def test_staff_form_shows_and_reads_geneva_time_whatever_the_readers_zone():
    field = GenevaDateTimeField()
    with timezone.override("Africa/Nairobi"):
        shown = field.widget.format_value(field.prepare_value(DEADLINE))
        typed = field.clean("2026-12-28T17:00")
    assert shown == "2026-12-28T17:00"
    assert typed == DEADLINE


def test_emails_use_the_recipients_zone_not_the_senders(
    stranger, django_capture_on_commit_callbacks
):
    from alliance.accounts.models import MembershipRole
    from alliance.accounts.tests.factories import MembershipFactory, OrganisationFactory
    from alliance.calls.reminders import send_due_reminders

    from .factories import ApplicationFactory

    call = CallFactory(closes_at=DEADLINE)
    stranger.time_zone = "Africa/Nairobi"
    stranger.save()
    other = UserFactory()
    organisation = OrganisationFactory()
    for user in (stranger, other):
        MembershipFactory(user=user, organisation=organisation, role=MembershipRole.FOCAL_POINT)
    ApplicationFactory(call=call, organisation=organisation)  # a draft: reminded of the deadline
    with (
        time_machine.travel(DEADLINE - timedelta(days=2), tick=False),
        timezone.override("Asia/Tokyo"),  # The zone of whoever runs the command.
        django_capture_on_commit_callbacks(execute=True),
    ):
        send_due_reminders()
    assert "19:00 in your time zone, Africa/Nairobi" in mail.outbox[0].body
    assert "your time zone" not in mail.outbox[1].body
