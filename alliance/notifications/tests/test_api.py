"""The notifications centre through the API, with a personal access token."""

import pytest

from alliance.accounts.tokens import token_create
from alliance.core.models import AuditEvent
from alliance.notifications.delivery import recount_unread
from alliance.notifications.models import Delivery, Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(client, secretariat_officer):
    _token, raw = token_create(actor=secretariat_officer, name="script", scope="write")

    def call(method, path, **kwargs):
        return getattr(client, method)(
            f"/api/v1{path}", HTTP_AUTHORIZATION=f"Bearer {raw}", **kwargs
        )

    return call


@pytest.fixture
def message(secretariat_officer):
    n = Notification.objects.create(
        recipient=secretariat_officer,
        verb="expression.submitted",
        kind="joining.updates",
        subject="Expression of interest submitted: Ministry of ICT",
        url="http://127.0.0.1:8000/en/joining/interest/1/",
        delivery=Delivery.IMMEDIATE,
    )
    recount_unread(secretariat_officer.pk)
    return n


def test_list_read_and_count(api, message):
    listing = api("get", "/me/notifications?unread=true").json()
    assert listing["count"] == 1
    assert listing["items"][0]["subject"].startswith("Expression of interest submitted")
    assert api("get", "/me/notifications/unread-count").json() == {"count": 1}
    read = api("post", f"/me/notifications/{message.pk}/read").json()
    assert read["read"] is True
    assert api("get", "/me/notifications/unread-count").json() == {"count": 0}
    assert api("post", f"/me/notifications/{message.pk}/unread").json()["read"] is False
    assert api("post", "/me/notifications/read-all").json() == {"count": 1}


def test_someone_elses_message_is_not_found(api, director):
    other = Notification.objects.create(
        recipient=director, verb="x", kind="joining.updates", subject="Private", delivery="off"
    )
    assert api("post", f"/me/notifications/{other.pk}/read").status_code == 404
    other.refresh_from_db()
    assert other.read_at is None


def test_preferences_are_listed_and_set_and_essential_ones_refused(api):
    kinds = {p["kind"]: p for p in api("get", "/me/notification-preferences").json()}
    assert kinds["joining.signatures"]["essential"] is True
    assert kinds["joining.updates"]["delivery"] == "immediate"
    response = api(
        "put",
        "/me/notification-preferences/joining.updates",
        data={"delivery": "daily"},
        content_type="application/json",
    )
    assert response.status_code == 200
    assert response.json()["delivery"] == "daily"
    refused = api(
        "put",
        "/me/notification-preferences/joining.signatures",
        data={"delivery": "off"},
        content_type="application/json",
    )
    assert refused.status_code == 409
    assert refused.json()["code"] == "essential"
    unknown = api(
        "put",
        "/me/notification-preferences/no.such.kind",
        data={"delivery": "off"},
        content_type="application/json",
    )
    assert unknown.status_code == 404
    bad = api(
        "put",
        "/me/notification-preferences/joining.updates",
        data={"delivery": "hourly"},
        content_type="application/json",
    )
    assert bad.status_code == 422


def test_calendar_feed_is_made_shown_once_and_revoked(api, client):
    assert api("get", "/me/calendar-feed").json() == {"active": False, "created_at": None}
    created = api("post", "/me/calendar-feed")
    assert created.status_code == 201
    url = created.json()["url"]
    assert url.endswith(".ics")
    assert api("get", "/me/calendar-feed").json()["active"] is True
    assert client.get(url.split("8000", 1)[1]).status_code == 200
    assert api("delete", "/me/calendar-feed").status_code == 204
    assert client.get(url.split("8000", 1)[1]).status_code == 404
    assert AuditEvent.objects.filter(verb="notifications.feed_revoked").count() == 1


def test_the_endpoints_need_a_token(client):
    assert client.get("/api/v1/me/notifications").status_code == 401
