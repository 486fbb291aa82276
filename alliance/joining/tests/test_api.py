import pytest

from alliance.accounts.tokens import token_create
from alliance.joining.models import ExpressionOfInterest

from .factories import AssessmentFactory, ExpressionFactory

pytestmark = pytest.mark.django_db


def auth(user):
    _token, raw = token_create(actor=user, name="script", scope="write")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_create_and_submit_an_expression(client, ministry, ministry_focal_point):
    headers = auth(ministry_focal_point)
    response = client.post(
        "/api/v1/joining/expressions",
        {
            "organisation_id": ministry.pk,
            "instruments": ["host_centre"],
            "objectives": ["POLICY"],
            "centre_types": ["DIGITAL_TRANSFORMATION"],
            "scope": "national",
            "motivation": "Policy sandboxes.",
            "contact_name": "Thoko",
            "contact_email": "focal@ministry.test",
        },
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "draft"
    assert body["objectives"] == ["POLICY"]
    response = client.post(f"/api/v1/joining/expressions/{body['id']}/submit", **headers)
    assert response.json()["status"] == "submitted"
    # Submitting twice: a 409 with a code, nothing changed.
    response = client.post(f"/api/v1/joining/expressions/{body['id']}/submit", **headers)
    assert response.status_code == 409
    assert response.json()["code"] == "invalid_transition"


def test_cannot_create_for_another_organisation(client, ministry, university_focal_point):
    response = client.post(
        "/api/v1/joining/expressions",
        {
            "organisation_id": ministry.pk,
            "instruments": ["partner"],
            "motivation": "x",
            "contact_name": "x",
            "contact_email": "x@x.test",
        },
        content_type="application/json",
        **auth(university_focal_point),
    )
    assert response.status_code == 404
    assert not ExpressionOfInterest.objects.exists()


def test_lists_only_own_records(client, ministry, university, university_focal_point):
    ExpressionFactory(organisation=ministry)
    mine = ExpressionFactory(organisation=university)
    assessment = AssessmentFactory(organisation=university, complete=True)
    headers = auth(university_focal_point)
    ids = [e["id"] for e in client.get("/api/v1/joining/expressions", **headers).json()]
    assert mine.pk in ids and len(ids) == 2  # the assessment's own expression too
    detail = client.get(f"/api/v1/joining/assessments/{assessment.pk}", **headers).json()
    assert detail["recommendation"]["results"][0]["centre_type"]
    other = AssessmentFactory(organisation=ministry)
    assert client.get(f"/api/v1/joining/assessments/{other.pk}", **headers).status_code == 404


def test_submit_incomplete_assessment_is_409(client, university, university_focal_point):
    assessment = AssessmentFactory(organisation=university)
    response = client.post(
        f"/api/v1/joining/assessments/{assessment.pk}/submit", **auth(university_focal_point)
    )
    assert response.status_code == 409
    assert response.json()["code"] == "incomplete"


def test_token_required(client):
    assert client.get("/api/v1/joining/expressions").status_code == 401


def test_post_recommendations_ranks_all_four(client):
    response = client.post(
        "/api/v1/recommendations",
        {
            "objectives": ["ECOSYSTEM"],
            "scope": "national",
            "ownership": "host_institution",
            "sponsor": "host_organisation",
            "budget": "low",
        },
        content_type="application/json",
    )
    assert response.status_code == 200
    results = response.json()["results"]
    assert [r["centre_type"] for r in results][0] == "INITIATIVES"
    assert len(results) == 4


def test_post_recommendations_names_missing_and_unknown_fields(client):
    response = client.post(
        "/api/v1/recommendations",
        {"objectives": ["NOPE"], "scope": "national", "ownership": "itu", "sponsor": "academia"},
        content_type="application/json",
    )
    assert response.status_code == 422
    body = response.content.decode()
    assert "objectives" in body and "budget" in body


def test_assessment_through_the_api(client, ministry, ministry_focal_point):
    expression = ExpressionFactory(organisation=ministry, status="acknowledged")
    headers = auth(ministry_focal_point)
    response = client.post(f"/api/v1/joining/expressions/{expression.pk}/assessment", **headers)
    assert response.status_code == 201
    assessment_id = response.json()["id"]
    response = client.post(
        f"/api/v1/joining/assessments/{assessment_id}/sections/financial",
        {"annual_budget_usd": 200000, "years_secured": "many"},
        content_type="application/json",
        **headers,
    )
    body = response.json()
    assert response.status_code == 200, body
    assert body["assessment"]["annual_budget_usd"] == 200000
    assert "years_secured" in body["errors"]
    assert body["assessment"]["section_status"]["financial"] == "in_progress"


def test_the_api_says_what_the_caller_may_do_next(client, ministry, ministry_focal_point):
    from alliance.accounts.tokens import token_create
    from alliance.joining.tests.factories import ExpressionFactory

    draft = ExpressionFactory(organisation=ministry)
    _token, raw = token_create(actor=ministry_focal_point, name="script", scope="write")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    body = client.get(f"/api/v1/joining/expressions/{draft.pk}", **auth).json()
    assert body["actions"] == ["edit", "submit"]
    submitted = client.post(f"/api/v1/joining/expressions/{draft.pk}/submit", **auth).json()
    assert submitted["status"] == "submitted"
    assert submitted["actions"] == []
