"""Board invitations read the same in every calendar program: checked with icalendar and
vobject, with the VTIMEZONE of the meeting's zone, SEQUENCE on changes, METHOD:CANCEL on
cancellation and the organiser named in the member's language."""

from datetime import UTC, datetime

import pytest
import time_machine
import vobject
from django.core import mail

from alliance.accounts.tests.factories import UserFactory
from alliance.board import services
from alliance.core.tests.ical_checks import checked_calendar

from .factories import BoardMemberFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(db):
    user = UserFactory(email="awa@board.test", preferred_language="fr")
    BoardMemberFactory(full_name="Awa Diop", email=user.email, user=user)
    return user


def _invite_then(secretariat_officer, capture, change):
    meeting = MeetingFactory(
        title={"en": "Annual meeting", "fr": "Réunion annuelle"},
        starts_at=datetime(2026, 10, 14, 13, 0, tzinfo=UTC),
        time_zone="Europe/Zurich",
    )
    with time_machine.travel(datetime(2026, 9, 1, tzinfo=UTC), tick=False):
        with capture(execute=True):
            services.meeting_invite(meeting_id=meeting.pk, actor=secretariat_officer)
        with capture(execute=True):
            change(meeting)
    return [checked_calendar(m.attachments[0][1]) for m in mail.outbox]


def test_a_13_utc_meeting_reads_13_utc_with_its_time_zone_and_a_french_organiser(
    member, secretariat_officer, django_capture_on_commit_callbacks
):
    [cal] = _invite_then(secretariat_officer, django_capture_on_commit_callbacks, lambda m: None)
    assert [tz.tz_name for tz in cal.timezones] == ["Europe/Zurich"]
    event = cal.walk("VEVENT")[0]
    assert event["DTSTART"].params["TZID"] == "Europe/Zurich"
    assert event.decoded("DTSTART").astimezone(UTC) == datetime(2026, 10, 14, 13, 0, tzinfo=UTC)
    assert event["ORGANIZER"].params["CN"] == "Secrétariat du Conseil de l'innovation numérique"
    body = mail.outbox[0].attachments[0][1]
    # vobject, with the zone taken from the file alone: 15:00 in Geneva (summer time).
    start = vobject.readOne(body).vevent.dtstart.value
    assert (start.hour, start.astimezone(UTC).hour) == (15, 13)


def test_a_rescheduled_meeting_is_sent_again_with_the_next_sequence(
    member, secretariat_officer, django_capture_on_commit_callbacks
):
    def reschedule(meeting):
        fields = {f: getattr(meeting, f) for f in services.meetings.MEETING_FIELDS}
        fields["starts_at"] = datetime(2026, 10, 15, 13, 0, tzinfo=UTC)
        fields["ends_at"] = datetime(2026, 10, 15, 17, 0, tzinfo=UTC)
        services.meeting_update(meeting_id=meeting.pk, actor=secretariat_officer, **fields)

    first, second = _invite_then(
        secretariat_officer, django_capture_on_commit_callbacks, reschedule
    )
    a, b = first.walk("VEVENT")[0], second.walk("VEVENT")[0]
    assert a["UID"] == b["UID"]
    assert (a["SEQUENCE"], b["SEQUENCE"]) == (0, 1)
    assert second["METHOD"] == "REQUEST"


def test_a_cancelled_meeting_is_sent_as_method_cancel(
    member, secretariat_officer, django_capture_on_commit_callbacks
):
    def cancel(meeting):
        services.meeting_cancel(meeting_id=meeting.pk, actor=secretariat_officer)

    first, second = _invite_then(secretariat_officer, django_capture_on_commit_callbacks, cancel)
    event = second.walk("VEVENT")[0]
    assert second["METHOD"] == "CANCEL"
    assert (event["STATUS"], event["SEQUENCE"]) == ("CANCELLED", 1)
    assert event["UID"] == first.walk("VEVENT")[0]["UID"]
    assert "annulée" in str(event["DESCRIPTION"])
