import html
from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation

from alliance.board.models import ExpertArea

from .factories import BoardMemberFactory, DecisionFactory, ExpertFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def test_board_page_query_count_whatever_the_size(client, django_assert_max_num_queries):
    BoardMemberFactory.create_batch(25, nominating_organisation=None)
    BoardMemberFactory.create_batch(40, term_start=date(2020, 1, 1), term_end=date(2023, 12, 31))
    with django_assert_max_num_queries(6):
        response = client.get(reverse("board:board"))
    assert response.status_code == 200
    assert len(response.content) < 100_000


def test_board_page_in_french(client):
    BoardMemberFactory(full_name="Adaeze Nwosu", role="co_chair", country="NG")
    with translation.override("fr"):
        url = reverse("board:board")
    body = html.unescape(client.get(url).content.decode())
    assert "Conseil de l'innovation numérique" in body
    assert "Coprésident" in body
    assert "Représentant proposé par un État Membre" in body


def test_decisions_page_query_count(client, django_assert_max_num_queries):
    for _ in range(3):
        meeting = MeetingFactory()
        for n in range(1, 10):
            DecisionFactory(meeting=meeting, number=n, is_published=True)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("board:decisions")).status_code == 200


def test_expert_network_lists_approved_experts_by_area(client, django_assert_max_num_queries):
    policy = ExpertArea.objects.get(code="POLICY")
    for i in range(30):
        ExpertFactory(areas=[policy] if i % 2 else [], full_name=f"Expert {i:02d}")
    ExpertFactory(full_name="Pending applicant", status="applied")
    with django_assert_max_num_queries(10):
        body = client.get(reverse("board:experts") + "?area=POLICY").content.decode()
    assert "Expert 01" in body
    assert "Expert 02" not in body
    assert "Pending applicant" not in body


def test_expert_network_in_french(client):
    with translation.override("fr"):
        url = reverse("board:experts")
    body = html.unescape(client.get(url).content.decode())
    assert "Réseau d'experts" in body
    assert "Expérimentation des politiques" in body


def test_api_composition_on_a_date(client):
    BoardMemberFactory(full_name="Founding member", term_end=date(2025, 2, 14))
    BoardMemberFactory(full_name="Successor", term_start=date(2025, 2, 15), term_end=None)
    names = [m["full_name"] for m in client.get("/api/v1/board/members?on=2024-03-19").json()]
    assert names == ["Founding member"]
    assert client.get("/api/v1/board/members?on=nonsense").status_code == 422


def test_api_published_decisions_only(client):
    DecisionFactory(text={"en": "Public decision"}, is_published=True)
    DecisionFactory(text={"en": "Internal decision"})
    items = client.get("/api/v1/board/decisions").json()["items"]
    assert [d["text"] for d in items] == ["Public decision"]
