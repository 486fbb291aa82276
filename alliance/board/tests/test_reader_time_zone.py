"""A meeting's times are in its own zone, whatever zone the reader chose on their profile."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from alliance.board import services

from .factories import DecisionFactory, MeetingFactory

pytestmark = pytest.mark.django_db
GENEVA = ZoneInfo("Europe/Zurich")


@pytest.fixture
def late_meeting():
    # 23:30 in Geneva is already the next day in Tokyo.
    return MeetingFactory(
        title={"en": "Late session"}, starts_at=datetime(2024, 3, 19, 23, 0, tzinfo=GENEVA)
    )


def test_meeting_pages_keep_the_meetings_zone_for_a_reader_in_tokyo(
    client, secretariat_officer, late_meeting
):
    secretariat_officer.time_zone = "Asia/Tokyo"
    secretariat_officer.save()
    client.force_login(secretariat_officer)
    for url in (
        reverse("board:meeting_list"),
        reverse("board:meeting_detail", args=[late_meeting.pk]),
    ):
        body = client.get(url).content.decode()
        assert "March 19, 2024" in body and "March 20, 2024" not in body
        assert "Europe/Zurich" in body
    form = client.get(reverse("board:meeting_edit", args=[late_meeting.pk])).content.decode()
    assert 'value="23:00"' in form and 'value="2024-03-19"' in form


def test_decisions_page_dates_the_meeting_in_its_zone(client, secretariat_officer, late_meeting):
    decision = DecisionFactory(meeting=late_meeting)
    services.decision_publish(decision_id=decision.pk, actor=secretariat_officer)
    secretariat_officer.time_zone = "Asia/Tokyo"
    secretariat_officer.save()
    client.force_login(secretariat_officer)
    body = client.get(reverse("board:decisions")).content.decode()
    assert "(March 19, 2024)" in body
