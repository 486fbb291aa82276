"""The news API: published announcements (category, language, bounded pages), pilots, and
the staff's actions through the generic routes (the same services as the pages)."""

import json

import pytest
from django.utils import timezone

from alliance.accounts.tokens import token_create
from alliance.core.models import AuditEvent

from .factories import published

pytestmark = pytest.mark.django_db


def bearer(user):
    _row, raw = token_create(actor=user, name="test", scope="write")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def post(client, path, body=None, **headers):
    return client.post(
        "/api/v1" + path, data=json.dumps(body or {}), content_type="application/json", **headers
    )


def test_announcements_are_listed_by_category_in_the_language_asked(client):
    published(1, category="calls")
    published(2, category="board")
    answer = client.get("/api/v1/news/announcements?category=board&lang=fr").json()
    assert answer["count"] == 1
    (item,) = answer["items"]
    assert item["title"] == "Annonce 2" and item["translations"]["title"]["en"] == "Announcement 2"
    assert "<strong>2</strong>" in item["body_html"]
    assert client.get("/api/v1/news/announcements?category=nope").status_code == 422
    assert client.get("/api/v1/news/announcements?limit=100000").status_code == 422
    assert client.get("/api/v1/news/announcements?language=ru").json()["count"] == 0


def test_a_draft_is_not_in_the_public_api(client, secretariat_officer):
    response = post(
        client,
        "/news/staff/announcements",
        {"title": "Draft", "body": "Text", "category": "events"},
        **bearer(secretariat_officer),
    )
    assert response.status_code == 200, response.content
    pk = response.json()["id"]
    assert response.json()["actions"] == ["edit", "publish", "schedule"]
    assert client.get(f"/api/v1/news/announcements/{pk}").status_code == 404
    done = post(
        client, f"/news/staff/announcements/{pk}/actions/publish", **bearer(secretariat_officer)
    )
    assert done.json()["status"] == "published"
    assert client.get(f"/api/v1/news/announcements/{pk}").status_code == 200
    assert AuditEvent.objects.filter(verb="announcement.published").count() == 1


def test_scheduling_needs_a_future_date(client, secretariat_officer):
    pk = post(
        client,
        "/news/staff/announcements",
        {"title": "Later", "body": "Text", "category": "calls"},
        **bearer(secretariat_officer),
    ).json()["id"]
    past = {"publish_at": "2020-01-01T10:00:00Z"}
    refused = post(
        client,
        f"/news/staff/announcements/{pk}/actions/schedule",
        past,
        **bearer(secretariat_officer),
    )
    assert refused.status_code == 409 and refused.json()["code"] == "date_past"
    future = {"publish_at": (timezone.now() + timezone.timedelta(days=2)).isoformat()}
    done = post(
        client,
        f"/news/staff/announcements/{pk}/actions/schedule",
        future,
        **bearer(secretariat_officer),
    )
    assert done.json()["status"] == "scheduled"


def test_only_the_director_designates_a_pilot_through_the_api(
    client, director, secretariat_officer, stranger
):
    body = {"country": "rw", "rationale": "A strategy.", "designated_on": "2023-06-30"}
    assert (
        post(client, "/news/staff/pilots", body, **bearer(secretariat_officer)).status_code == 403
    )
    assert (
        post(
            client, "/news/staff/pilots", {**body, "country": "QQ"}, **bearer(director)
        ).status_code
        == 422
    )
    response = post(client, "/news/staff/pilots", body, **bearer(director))
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "designated"
    again = post(client, "/news/staff/pilots", body, **bearer(director))
    assert again.status_code == 409 and again.json()["code"] == "already_pilot"
    (pilot,) = client.get("/api/v1/news/pilots").json()["items"]
    assert pilot["country"] == "RW" and pilot["centre"] is None
    path = f"/news/staff/pilots/{pilot['id']}"
    assert client.get(f"/api/v1{path}", **bearer(stranger)).status_code == 404
    ended = post(client, f"{path}/actions/end", {"ended_on": "2024-06-30"}, **bearer(director))
    assert ended.json()["status"] == "ended"
