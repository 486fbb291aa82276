from datetime import date

import pytest
from django.urls import reverse

from alliance.accounts import tokens as api_services

from .factories import BoardMemberFactory, DocumentFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def member_user(db):
    from alliance.accounts.tests.factories import UserFactory

    user = UserFactory(email="grace@board.test")
    BoardMemberFactory(
        full_name="Grace Banda", user=user, term_start=date(2024, 1, 1), term_end=None
    )
    return user


@pytest.fixture
def paper(db):
    return DocumentFactory(meeting=MeetingFactory(title={"en": "Next meeting"}), title="Draft plan")


def test_member_reads_papers_before_the_meeting(client, member_user, paper):
    client.force_login(member_user)
    area = client.get(reverse("board:member_area")).content.decode()
    assert "Next meeting" in area
    page = client.get(reverse("board:member_meeting", args=[paper.meeting_id])).content.decode()
    assert "Draft plan" in page
    response = client.get(reverse("board:paper", args=[paper.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"confidential paper"


@pytest.mark.parametrize("persona", ["stranger", "ministry_focal_point", "reviewer"])
def test_papers_are_404_for_everyone_else(client, persona, request, paper):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("board:member_area")).status_code == 404
    assert client.get(reverse("board:member_meeting", args=[paper.meeting_id])).status_code == 404
    assert client.get(reverse("board:paper", args=[paper.pk])).status_code == 404


def test_former_member_loses_access(client, paper):
    from alliance.accounts.tests.factories import UserFactory

    user = UserFactory()
    BoardMemberFactory(user=user, term_start=date(2020, 1, 1), term_end=date(2022, 12, 31))
    client.force_login(user)
    assert client.get(reverse("board:paper", args=[paper.pk])).status_code == 404


def test_anonymous_is_sent_to_sign_in(client, paper):
    response = client.get(reverse("board:paper", args=[paper.pk]))
    assert response.status_code == 302


def _token(user):
    return api_services.token_create(actor=user, name="t", scope="write")[1]


def test_api_members_area_with_a_token(client, member_user, paper, stranger):
    headers = {"Authorization": f"Bearer {_token(member_user)}"}
    listing = client.get("/api/v1/board/meetings", headers=headers).json()
    assert [m["title"] for m in listing] == ["Next meeting"]
    detail = client.get(f"/api/v1/board/meetings/{paper.meeting_id}", headers=headers).json()
    assert detail["papers"][0]["title"] == "Draft plan"
    other = {"Authorization": f"Bearer {_token(stranger)}"}
    assert client.get("/api/v1/board/meetings", headers=other).status_code == 403
    assert (
        client.get(f"/api/v1/board/meetings/{paper.meeting_id}", headers=other).status_code == 404
    )
    assert client.get("/api/v1/board/meetings").status_code == 401
