"""The events API: the public list (filters, bounded pages) and detail with the caller's
allowed actions, registration and cancellation with a token, the organisers' actions,
and the documented errors (issue 18)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from alliance.accounts.tests.factories import UserFactory
from alliance.events.models import Registration
from alliance.events.tests.factories import EventFactory, QuestionFactory, RegistrationFactory

from .conftest import token

pytestmark = pytest.mark.django_db


def _auth(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {token(user)}"}


def _post(client, path, user, body=None):
    return client.post(
        "/api/v1" + path, data=body or {}, content_type="application/json", **_auth(user)
    )


def test_the_list_is_public_filtered_and_bounded(client):
    EventFactory(kind="webinar", languages=",en,fr,")
    EventFactory(kind="workshop", languages=",es,")
    now = timezone.now()
    EventFactory(starts_at=now - timedelta(days=2), ends_at=now - timedelta(days=1))
    EventFactory(status="draft")
    body = client.get("/api/v1/events").json()
    assert body["count"] == 2 and body["limit"] == 20
    assert client.get("/api/v1/events?kind=workshop").json()["count"] == 1
    assert client.get("/api/v1/events?language=fr").json()["count"] == 1
    assert client.get("/api/v1/events?when=past").json()["count"] == 1
    assert client.get("/api/v1/events?limit=1000").status_code == 422
    assert client.get("/api/v1/events?kind=party").status_code == 422


def test_the_detail_hides_the_link_until_registered_and_lists_the_callers_actions(client):
    event = EventFactory()
    anonymous = client.get(f"/api/v1/events/{event.pk}").json()
    assert anonymous["online_url"] is None and anonymous["actions"] == []
    person = UserFactory()
    mine = client.get(f"/api/v1/events/{event.pk}", **_auth(person)).json()
    assert mine["actions"] == ["register"] and mine["registration"] is None
    assert client.get(f"/api/v1/events/{EventFactory(status='draft').pk}").status_code == 404


def test_register_then_cancel_with_a_token(client):
    question = QuestionFactory()
    person = UserFactory()
    path = f"/events/{question.event.pk}"
    refused = _post(client, f"{path}/register", person, {"answers": {}})
    assert refused.status_code == 409 and refused.json()["code"] == "answers_missing"
    body = _post(client, f"{path}/register", person, {"answers": {question.pk: "Health"}}).json()
    assert body["registration"]["status"] == "registered"
    assert body["registration"]["actions"] == ["cancel"]
    assert body["online_url"] == question.event.online_url
    again = _post(client, f"{path}/register", person, {"answers": {question.pk: "Health"}})
    assert again.status_code == 409 and again.json()["code"] == "registered"
    body = _post(client, f"{path}/cancel", person).json()
    assert body["registration"] is None
    assert _post(client, f"{path}/cancel", person).status_code == 404
    assert (
        client.post(f"/api/v1{path}/register", content_type="application/json").status_code == 401
    )


def test_the_full_event_puts_the_caller_on_the_waiting_list(client):
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event)
    body = _post(client, f"/events/{event.pk}/register", UserFactory()).json()
    assert body["registration"]["status"] == "waitlisted"
    assert body["registration"]["waiting_position"] == 1


def test_organisers_publish_and_mark_attendance_through_the_tables(client, secretariat_officer):
    draft = EventFactory(status="draft")
    path = f"/events/staff/events/{draft.pk}"
    assert "publish" in client.get(f"/api/v1{path}", **_auth(secretariat_officer)).json()["actions"]
    assert (
        _post(client, f"{path}/actions/publish", secretariat_officer).json()["status"]
        == "published"
    )
    now = timezone.now()
    ended = EventFactory(starts_at=now - timedelta(hours=3), ends_at=now - timedelta(hours=1))
    present, absent = RegistrationFactory(event=ended), RegistrationFactory(event=ended)
    done = _post(
        client,
        f"/events/staff/events/{ended.pk}/actions/record_attendance",
        secretariat_officer,
        {"attended": [present.pk]},
    )
    assert done.status_code == 200
    assert dict(Registration.objects.values_list("pk", "status")) == {
        present.pk: "attended",
        absent.pk: "no_show",
    }
    fixed = _post(
        client,
        f"/events/staff/registrations/{absent.pk}/actions/mark_attended",
        secretariat_officer,
    )
    assert fixed.json()["status"] == "attended"
    material = _post(
        client,
        f"/events/staff/events/{ended.pk}/actions/add_material",
        secretariat_officer,
        {"kind": "recording", "title": {"en": "Recording"}, "url": "https://video.example.test/1"},
    )
    assert material.status_code == 200
    assert ended.materials.get().url == "https://video.example.test/1"


def test_organisers_routes_are_not_found_for_others(client, stranger):
    event = EventFactory(status="draft")
    response = _post(client, f"/events/staff/events/{event.pk}/actions/publish", stranger)
    assert response.status_code == 404
