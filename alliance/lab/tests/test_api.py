import pytest

from alliance.accounts.tokens import token_create
from alliance.lab.models import TechnicalAssistanceRequest

pytestmark = pytest.mark.django_db


def auth(user):
    _token, raw = token_create(actor=user, name="test", scope="write")
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


def test_requests_list_what_the_caller_may_do_next(
    client, ministry, ministry_focal_point, lab_expert
):
    from datetime import date

    from alliance.lab import services
    from alliance.lab.tests.factories import AssistanceRequestFactory

    tar = AssistanceRequestFactory(organisation=ministry)
    lab, focal = auth(lab_expert), auth(ministry_focal_point)
    url = f"/api/v1/lab/requests/{tar.pk}"
    assert client.get(url, **lab).json()["actions"] == ["decline", "triage"]
    assert client.get(url, **focal).json()["actions"] == []
    services.request_triage(request_id=tar.pk, actor=lab_expert)
    services.request_assign(request_id=tar.pk, actor=lab_expert, assignee=lab_expert)
    # Nothing to agree until the expert proposes a plan.
    assert client.get(url, **focal).json()["actions"] == []
    services.request_plan_propose(
        request_id=tar.pk,
        actor=lab_expert,
        plan="One workshop.",
        milestones=[("Workshop", date(2026, 1, 15))],
    )
    assert client.get(url, **focal).json()["actions"] == ["agree_plan"]
    assert client.get(url, **lab).json()["actions"] == ["decline", "propose_plan"]
    agreed = client.post(f"{url}/agree", **focal).json()
    assert agreed["status"] == "in_progress" and agreed["actions"] == []
    [listed] = client.get("/api/v1/lab/requests", **lab).json()
    assert listed["actions"] == ["deliver", "mark_milestone_done"]


def test_an_unknown_language_is_refused_with_a_reason(client, ministry, ministry_focal_point):
    response = client.post(
        "/api/v1/lab/requests",
        {
            "organisation_id": ministry.pk,
            "kind": "sandbox",
            "description": "A sandbox.",
            "preferred_language": "a-much-too-long-code",
        },
        content_type="application/json",
        **auth(ministry_focal_point),
    )
    assert response.status_code == 422
    assert response.json()["code"] == "invalid"
    assert not TechnicalAssistanceRequest.objects.exists()
