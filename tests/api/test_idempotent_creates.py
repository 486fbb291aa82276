"""Creates answered 201 honour `Idempotency-Key`: a retried create (the answer was lost)
makes one object and gets the first answer again, 201 and the same body; the same key
sent with another body is refused (422) and makes nothing."""

import json

import pytest

from alliance.accounts.models import JoinRequest
from alliance.joining.models import ExpressionOfInterest, PreliminaryAssessment
from alliance.joining.tests.factories import ExpressionFactory
from alliance.lab.models import TechnicalAssistanceRequest

from .http import bearer

pytestmark = pytest.mark.django_db


def send(client, path, body, headers):
    return client.post(
        "/api/v1" + path, data=json.dumps(body), content_type="application/json", **headers
    )


@pytest.fixture
def expression_body(ministry):
    return {
        "organisation_id": ministry.pk,
        "instruments": ["host_centre"],
        "objectives": ["POLICY"],
        "centre_types": ["DIGITAL_TRANSFORMATION"],
        "scope": "national",
        "motivation": "Policy sandboxes.",
        "contact_name": "Thoko",
        "contact_email": "focal@ministry.test",
    }


def test_a_retried_expression_of_interest_is_made_once(
    client, expression_body, ministry_focal_point
):
    headers = bearer(ministry_focal_point, HTTP_IDEMPOTENCY_KEY="eoi-1")
    first = send(client, "/joining/expressions", expression_body, headers)
    assert first.status_code == 201, first.content
    again = send(client, "/joining/expressions", expression_body, headers)
    assert again.status_code == 201
    assert again["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()
    assert ExpressionOfInterest.objects.count() == 1
    other = send(
        client, "/joining/expressions", {**expression_body, "motivation": "Else."}, headers
    )
    assert other.status_code == 422
    assert "Idempotency-Key" in other.json()["message"]
    assert ExpressionOfInterest.objects.count() == 1
    # Without a key (or with a new one) each create makes its own draft, as before.
    fresh = send(client, "/joining/expressions", expression_body, bearer(ministry_focal_point))
    assert fresh.status_code == 201
    assert "Idempotent-Replayed" not in fresh
    assert ExpressionOfInterest.objects.count() == 2


def test_a_refused_create_keeps_its_key_free(client, expression_body, university_focal_point):
    headers = bearer(university_focal_point, HTTP_IDEMPOTENCY_KEY="eoi-2")
    # Another organisation's: 404, nothing made, nothing stored for the key.
    assert send(client, "/joining/expressions", expression_body, headers).status_code == 404
    assert send(client, "/joining/expressions", expression_body, headers).status_code == 404
    assert not ExpressionOfInterest.objects.exists()


def test_a_retried_assessment_start_is_made_once(client, ministry, ministry_focal_point):
    expression = ExpressionFactory(organisation=ministry, status="acknowledged")
    path = f"/joining/expressions/{expression.pk}/assessment"
    headers = bearer(ministry_focal_point, HTTP_IDEMPOTENCY_KEY="assessment-1")
    first = send(client, path, {}, headers)
    assert first.status_code == 201, first.content
    again = send(client, path, {}, headers)
    assert (again.status_code, again.json()) == (201, first.json())
    assert PreliminaryAssessment.objects.count() == 1


def test_a_retried_lab_request_is_made_once(client, ministry, ministry_focal_point):
    body = {"organisation_id": ministry.pk, "kind": "sandbox", "description": "A sandbox."}
    headers = bearer(ministry_focal_point, HTTP_IDEMPOTENCY_KEY="tar-1")
    first = send(client, "/lab/requests", body, headers)
    assert first.status_code == 201, first.content
    again = send(client, "/lab/requests", body, headers)
    assert (again.status_code, again.json()) == (201, first.json())
    assert TechnicalAssistanceRequest.objects.count() == 1
    other = send(client, "/lab/requests", {**body, "description": "Another."}, headers)
    assert other.status_code == 422
    assert TechnicalAssistanceRequest.objects.count() == 1


def test_a_retried_join_request_is_made_once(client, ministry, stranger):
    path = f"/organisations/{ministry.pk}/join-requests"
    headers = bearer(stranger, HTTP_IDEMPOTENCY_KEY="join-1")
    first = send(client, path, {"message": "I work there."}, headers)
    assert first.status_code == 201, first.content
    again = send(client, path, {"message": "I work there."}, headers)
    assert (again.status_code, again.json()) == (201, first.json())
    assert JoinRequest.objects.count() == 1
