"""The public key-dates feed carries the call deadlines and the Board's meetings, and reads
the same in icalendar and vobject (every TZID with its VTIMEZONE)."""

from datetime import UTC, date, datetime

import pytest

from alliance.board.tests.factories import MeetingFactory
from alliance.calls.tests.factories import CallFactory
from alliance.core.tests.ical_checks import checked_calendar
from alliance.public.models import Milestone

pytestmark = pytest.mark.django_db


def test_the_feed_holds_key_dates_call_deadlines_and_board_meetings_in_french(
    client, django_assert_max_num_queries
):
    Milestone.objects.create(
        title={"en": "Launch", "fr": "Lancement"}, date=date(2027, 1, 10), is_public=True
    )
    call = CallFactory(closes_at=datetime(2027, 3, 1, 17, 0, tzinfo=UTC))
    CallFactory(status="draft", title={"en": "Not yet public"})
    meeting = MeetingFactory(
        title={"en": "Annual meeting", "fr": "Réunion annuelle"},
        starts_at=datetime(2027, 6, 2, 13, 0, tzinfo=UTC),
        place="Room B",
        online_url="https://meet.example/secret",
    )
    with django_assert_max_num_queries(15):
        response = client.get("/fr/key-dates.ics")
    cal = checked_calendar(response.content)
    events = {str(e["UID"]).split("@")[0]: e for e in cal.walk("VEVENT")}
    assert set(events) == {
        f"milestone-{Milestone.objects.get().pk}",
        f"call-{call.pk}-deadline",
        f"board-meeting-{meeting.pk}-public",
    }
    deadline = events[f"call-{call.pk}-deadline"]
    assert str(deadline["SUMMARY"]) == f"Date limite : {call.title['fr']}"
    assert deadline.decoded("DTSTART") == datetime(2027, 3, 1, 17, 0, tzinfo=UTC)
    board = events[f"board-meeting-{meeting.pk}-public"]
    assert str(board["SUMMARY"]) == "Conseil de l'innovation numérique : Réunion annuelle"
    assert board["DTSTART"].params["TZID"] == "Europe/Zurich"
    assert board.decoded("DTSTART").astimezone(UTC).hour == 13
    assert b"meet.example" not in response.content and b"Room B" not in response.content
