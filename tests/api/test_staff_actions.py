"""The generic staff actions: detail with allowed actions, refusals, 404s, lists with
bounded pages, and Idempotency-Key on writes."""

import json

import pytest
from django.utils import timezone

from alliance.accounts.tokens import token_create
from alliance.calls.models import Call
from alliance.calls.states import CallStatus
from alliance.calls.tests.factories import CallFactory
from alliance.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def bearer(user, **extra):
    _row, raw = token_create(actor=user, name="test", scope="write")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}", **extra}


def post(client, path, body=None, **headers):
    return client.post(
        "/api/v1" + path, data=json.dumps(body or {}), content_type="application/json", **headers
    )


BASE_CALL = {
    "reference": "api-call",
    "title": {"en": "A call", "fr": "Un appel"},
    "summary": "Summary",
    "text": "Text",
    "scopes": ["national"],
    "opens_at": "2026-01-01T00:00:00Z",
    "closes_at": "2030-01-01T00:00:00Z",
}


@pytest.fixture
def new_call(db):
    from alliance.centres.models import CentreType

    return {**BASE_CALL, "centre_types": [CentreType.objects.order_by("order").first().code]}


def test_detail_lists_what_the_caller_may_do_now(client, secretariat_officer, director):
    call = CallFactory(status=CallStatus.DRAFT)
    data = client.get(f"/api/v1/staff/calls/{call.pk}", **bearer(secretariat_officer)).json()
    assert {"edit", "publish", "cancel", "set_criteria"} <= set(data["actions"])
    # The Director decides, the secretariat drafts: nothing to do on a draft.
    data = client.get(f"/api/v1/staff/calls/{call.pk}", **bearer(director)).json()
    assert data["actions"] == []


def test_an_action_goes_through_the_service_and_a_refusal_says_why(client, secretariat_officer):
    call = CallFactory(status=CallStatus.DRAFT)
    headers = bearer(secretariat_officer)
    response = post(client, f"/staff/calls/{call.pk}/actions/cancel", {"reason": " "}, **headers)
    assert response.status_code == 409
    assert response.json()["code"] == "reason"
    response = post(client, f"/staff/calls/{call.pk}/actions/cancel", {"reason": "Dup"}, **headers)
    assert response.status_code == 200
    assert response.json()["status"] == "cancelled"
    assert response.json()["actions"] == []
    assert AuditEvent.objects.filter(verb="call.cancelled").count() == 1
    response = post(client, f"/staff/calls/{call.pk}/actions/publish", **headers)
    assert response.status_code == 409


def test_people_without_the_role_get_404_or_403(client, ministry_focal_point, director):
    call = CallFactory(status=CallStatus.DRAFT)
    assert (
        client.get(f"/api/v1/staff/calls/{call.pk}", **bearer(ministry_focal_point)).status_code
        == 404
    )
    response = post(
        client, f"/staff/calls/{call.pk}/actions/publish", **bearer(ministry_focal_point)
    )
    assert response.status_code == 404
    # The Director sees calls but may not publish a draft: the policy's 403.
    response = post(client, f"/staff/calls/{call.pk}/actions/publish", **bearer(director))
    assert response.status_code == 403
    assert client.get("/api/v1/staff/calls", **bearer(ministry_focal_point)).status_code == 404


def test_lists_are_filtered_sorted_and_bounded(client, secretariat_officer):
    now = timezone.now()
    for i in range(3):
        CallFactory(reference=f"c{i}", closes_at=now + timezone.timedelta(days=10 + i))
    CallFactory(reference="draft", status=CallStatus.DRAFT)
    headers = bearer(secretariat_officer)
    data = client.get("/api/v1/staff/calls?status=open&sort=closes_at&limit=2", **headers).json()
    assert data["count"] == 3
    assert [c["reference"] for c in data["items"]] == ["c0", "c1"]
    data = client.get("/api/v1/staff/calls?status=open&sort=closes_at&offset=2", **headers).json()
    assert [c["reference"] for c in data["items"]] == ["c2"]
    for bad in ("limit=101", "limit=0", "offset=-1", "offset=10001", "status=nope", "sort=pk"):
        assert client.get(f"/api/v1/staff/calls?{bad}", **headers).status_code == 422, bad


def test_a_retried_create_makes_one_call_and_replays_the_answer(
    client, secretariat_officer, new_call
):
    headers = bearer(secretariat_officer, HTTP_IDEMPOTENCY_KEY="create-1")
    first = post(client, "/staff/calls", new_call, **headers)
    assert first.status_code == 200, first.content
    again = post(client, "/staff/calls", new_call, **headers)
    assert again.status_code == 200
    assert again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true"
    assert Call.objects.filter(reference="api-call").count() == 1
    assert first.json()["translations"]["title"]["fr"] == "Un appel"
    # The same key for another request is refused rather than answered with the first.
    other = post(client, "/staff/calls", {**new_call, "reference": "other"}, **headers)
    assert other.status_code == 422


def test_a_failed_write_is_not_stored_and_can_be_retried(client, secretariat_officer):
    call = CallFactory(status=CallStatus.DRAFT)
    headers = bearer(secretariat_officer, HTTP_IDEMPOTENCY_KEY="cancel-1")
    path = f"/staff/calls/{call.pk}/actions/cancel"
    assert post(client, path, {"reason": ""}, **headers).status_code == 409
    headers = {**headers, "HTTP_IDEMPOTENCY_KEY": "cancel-2"}
    assert post(client, path, {"reason": "Wrong"}, **headers).status_code == 200
    replay = post(client, path, {"reason": "Wrong"}, **headers)
    assert replay.status_code == 200
    assert replay["Idempotent-Replayed"] == "true"
    assert AuditEvent.objects.filter(verb="call.cancelled").count() == 1


def test_a_bad_key_or_bad_input_is_a_4xx(client, secretariat_officer, new_call):
    headers = bearer(secretariat_officer, HTTP_IDEMPOTENCY_KEY="has space")
    assert post(client, "/staff/calls", new_call, **headers).status_code == 400
    headers = bearer(secretariat_officer)
    bad = {**new_call, "opens_at": "2031-01-01T00:00:00Z"}  # after the deadline
    response = post(client, "/staff/calls", bad, **headers)
    assert response.status_code in (409, 422)
    assert (
        post(client, "/staff/calls", {**new_call, "centre_types": ["nope"]}, **headers).status_code
        == 422
    )
