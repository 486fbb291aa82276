import pytest
from django.utils import timezone

from alliance.accounts.tokens import token_create
from alliance.calls.states import ApplicationStatus, CallStatus

from .factories import ApplicationFactory, AssignmentFactory, CallFactory

pytestmark = pytest.mark.django_db


def bearer(user):
    _token, raw = token_create(actor=user, name="test", scope="write")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_public_calls(client):
    call = CallFactory()
    CallFactory(status=CallStatus.DRAFT, title={"en": "Hidden"})
    data = client.get("/api/v1/calls").json()
    assert [c["reference"] for c in data["items"]] == [call.reference]
    assert sum(c["weight"] for c in data["items"][0]["criteria"]) == 100
    assert (
        client.get(f"/api/v1/calls/{call.pk}").json()["translations"]["title"]["fr"]
        == call.title["fr"]
    )


def test_results_only_once_published(client):
    call = CallFactory(status=CallStatus.DECIDED)
    assert client.get(f"/api/v1/calls/{call.pk}/results").status_code == 404
    call.status = CallStatus.RESULTS_PUBLISHED
    call.save()
    assert client.get(f"/api/v1/calls/{call.pk}/results").json()["selected"] == []


def test_my_applications_with_a_token(client, ministry, ministry_focal_point, university):
    mine = ApplicationFactory(organisation=ministry)
    other = ApplicationFactory(organisation=university)
    headers = bearer(ministry_focal_point)
    data = client.get("/api/v1/my/applications", **headers).json()
    assert [a["id"] for a in data["items"]] == [mine.pk]
    assert client.get(f"/api/v1/my/applications/{other.pk}", **headers).status_code == 404
    response = client.post(f"/api/v1/my/applications/{mine.pk}/submit", **headers)
    assert response.status_code == 200, response.content
    assert response.json()["status"] == ApplicationStatus.SUBMITTED
    response = client.post(f"/api/v1/my/applications/{mine.pk}/submit", **headers)
    assert response.status_code == 409
    assert response.json()["code"] == "invalid_transition"


def test_api_needs_a_token(client):
    assert client.get("/api/v1/my/applications").status_code == 401


def test_reviewer_api_hides_recused_applications(client, reviewer):
    assignment = AssignmentFactory(reviewer=reviewer)
    headers = bearer(reviewer)
    assert len(client.get("/api/v1/my/reviews", **headers).json()["items"]) == 1
    response = client.post(
        f"/api/v1/my/reviews/{assignment.pk}/declaration",
        data={"has_conflict": True, "note": "Former employer"},
        content_type="application/json",
        **headers,
    )
    assert response.json()["status"] == "recused"
    assert client.get("/api/v1/my/reviews", **headers).json()["items"] == []
    response = client.post(
        f"/api/v1/my/reviews/{assignment.pk}/scores",
        data={"scores": [], "submit": True},
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 404


def test_reviewer_scores_through_the_api(client, reviewer):
    assignment = AssignmentFactory(reviewer=reviewer, due_at=timezone.now())
    headers = bearer(reviewer)
    client.post(
        f"/api/v1/my/reviews/{assignment.pk}/declaration",
        data={"has_conflict": False},
        content_type="application/json",
        **headers,
    )
    criteria = assignment.application.call.criteria.all()
    response = client.post(
        f"/api/v1/my/reviews/{assignment.pk}/scores",
        data={"scores": [{"criterion_id": c.pk, "value": 9} for c in criteria], "submit": True},
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 409
    assert response.json()["code"] == "out_of_scale"
    response = client.post(
        f"/api/v1/my/reviews/{assignment.pk}/scores",
        data={"scores": [{"criterion_id": c.pk, "value": 4} for c in criteria], "submit": True},
        content_type="application/json",
        **headers,
    )
    assert response.json()["status"] == "submitted"


def test_public_calls_api_queries_do_not_grow(client, django_assert_max_num_queries):
    for _ in range(40):
        CallFactory()
    with django_assert_max_num_queries(8):
        data = client.get("/api/v1/calls").json()
    assert data["count"] == 40
