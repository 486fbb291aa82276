import pytest

from alliance.accounts.tokens import token_create
from alliance.lab.models import TechnicalAssistanceRequest

pytestmark = pytest.mark.django_db


def auth(user):
    _token, raw = token_create(actor=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_requester_submits_and_reads_through_the_api(client, ministry, ministry_focal_point):
    headers = auth(ministry_focal_point)
    created = client.post(
        "/api/v1/lab/requests",
        {"organisation_id": ministry.pk, "kind": "sandbox", "description": "A sandbox."},
        content_type="application/json",
        **headers,
    )
    assert created.status_code == 201
    body = created.json()
    assert body["status"] == "submitted"
    assert [r["id"] for r in client.get("/api/v1/lab/requests", **headers).json()] == [body["id"]]
    refused = client.post(
        f"/api/v1/lab/requests/{body['id']}/close",
        {"satisfaction": 5},
        content_type="application/json",
        **headers,
    )
    assert refused.status_code == 409
    assert TechnicalAssistanceRequest.objects.get().status == "submitted"


def test_other_organisations_cannot_see_or_request(client, ministry, university_focal_point):
    from alliance.lab.tests.factories import AssistanceRequestFactory

    tar = AssistanceRequestFactory(organisation=ministry)
    headers = auth(university_focal_point)
    assert client.get(f"/api/v1/lab/requests/{tar.pk}", **headers).status_code == 404
    response = client.post(
        "/api/v1/lab/requests",
        {"organisation_id": ministry.pk, "kind": "sandbox", "description": "x"},
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 404
