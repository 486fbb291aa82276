"""The Board decisions open-data CSV: a meeting titled like a formula comes out as text."""

import pytest
from django.urls import reverse
from django.utils import timezone

from alliance.board.tests.factories import DecisionFactory, MeetingFactory
from alliance.core.tests.spreadsheet_checks import EVIL, assert_csv_neutralised

pytestmark = pytest.mark.django_db


def test_board_decisions_csv_neutralises_formulas_and_translates_its_header(client):
    meeting = MeetingFactory(title={"en": EVIL})
    DecisionFactory(meeting=meeting, is_published=True, published_at=timezone.now())
    url = reverse("public:open_data_decisions", args=["csv"])
    rows = assert_csv_neutralised(client.get(url).content)
    assert rows[0][0] == "Meeting"
    assert assert_csv_neutralised(client.get(url + "?header=keys").content)[0][0] == "meeting"
