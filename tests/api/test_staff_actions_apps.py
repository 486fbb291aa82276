"""Staff actions of the Lab, the Board and joining through the generic routes: the same
services as the pages (one audit event each), the same refusals, 404 for the others."""

import json

import pytest

from alliance.accounts.tokens import token_create
from alliance.board.tests.factories import DecisionFactory, NominationFactory
from alliance.core.models import AuditEvent
from alliance.joining.tests.factories import ExpressionFactory
from alliance.lab.tests.factories import AssistanceRequestFactory

pytestmark = pytest.mark.django_db


def bearer(user):
    _row, raw = token_create(actor=user, name="test", scope="write")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def post(client, path, body=None, **headers):
    return client.post(
        "/api/v1" + path, data=json.dumps(body or {}), content_type="application/json", **headers
    )


def test_the_lab_triages_and_declines_a_request(client, lab_expert, stranger):
    tar = AssistanceRequestFactory()
    path = f"/lab/staff/requests/{tar.pk}"
    assert client.get(f"/api/v1{path}", **bearer(stranger)).status_code == 404
    detail = client.get(f"/api/v1{path}", **bearer(lab_expert)).json()
    assert "triage" in detail["actions"]
    response = post(client, f"{path}/actions/triage", {"note": "Clear"}, **bearer(lab_expert))
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "triaged"
    refused = post(client, f"{path}/actions/decline", {"reason": " "}, **bearer(lab_expert))
    assert refused.status_code == 409
    assert refused.json()["code"] == "reason_required"
    assert AuditEvent.objects.filter(verb="assistance_request.triaged").count() == 1


def test_the_board_secretariat_reviews_a_nomination_and_publishes_a_decision(
    client, secretariat_officer, ministry_focal_point
):
    nomination = NominationFactory()
    path = f"/board/staff/nominations/{nomination.pk}/actions/start_review"
    assert post(client, path, **bearer(secretariat_officer)).json()["status"] == "under_review"
    decision = DecisionFactory()
    path = f"/board/staff/decisions/{decision.pk}"
    assert client.get(f"/api/v1{path}", **bearer(ministry_focal_point)).status_code == 404
    response = post(client, f"{path}/actions/publish", **bearer(secretariat_officer))
    assert response.status_code == 200, response.content
    assert "unpublish" in response.json()["actions"]
    assert post(client, f"{path}/actions/publish", **bearer(secretariat_officer)).status_code == 409


def test_the_secretariat_acknowledges_an_expression_of_interest(client, secretariat_officer):
    expression = ExpressionFactory(status="submitted")
    path = f"/joining/staff/expressions/{expression.pk}/actions/acknowledge"
    response = post(client, path, **bearer(secretariat_officer))
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "acknowledged"
