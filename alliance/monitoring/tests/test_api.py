from decimal import Decimal

import pytest

from alliance.accounts.tokens import token_create
from alliance.monitoring.models import CentreReport

pytestmark = pytest.mark.django_db


def auth(user):
    _token, raw = token_create(actor=user, name="test", scope="write")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_centre_manager_fills_and_submits_through_the_api(client, report, manager, startups):
    headers = auth(manager)
    listed = client.get("/api/v1/monitoring/reports", **headers).json()
    assert [r["id"] for r in listed] == [report.pk]
    bad = client.put(
        f"/api/v1/monitoring/reports/{report.pk}",
        {"narrative": "n", "values": [{"centre_indicator_id": startups.pk, "value": "-3"}]},
        content_type="application/json",
        **headers,
    )
    assert bad.status_code == 409 and bad.json()["code"] == "out_of_range"
    ok = client.put(
        f"/api/v1/monitoring/reports/{report.pk}",
        {"narrative": "n", "values": [{"centre_indicator_id": startups.pk, "value": "12"}]},
        content_type="application/json",
        **headers,
    )
    assert Decimal(ok.json()["values"][0]["value"]) == 12
    assert (
        client.post(f"/api/v1/monitoring/reports/{report.pk}/submit", **headers).status_code == 200
    )
    again = client.post(f"/api/v1/monitoring/reports/{report.pk}/submit", **headers)
    assert again.status_code == 409 and again.json()["code"] == "already_submitted"
    assert CentreReport.objects.get().status == "submitted"


def test_other_centres_report_is_404_in_the_api(client, report, stranger):
    assert (
        client.get(f"/api/v1/monitoring/reports/{report.pk}", **auth(stranger)).status_code == 404
    )


def test_public_figures_need_no_token(client):
    body = client.get("/api/v1/monitoring/figures").json()
    assert set(body) >= {"centres", "reports_accepted", "assistance_delivered", "lessons"}


def test_reports_say_what_the_token_owner_may_do_next(
    client, report, manager, startups, lab_expert
):
    url = f"/api/v1/monitoring/reports/{report.pk}"
    assert client.get(url, **auth(manager)).json()["actions"] == ["edit", "submit"]
    assert client.get(url, **auth(lab_expert)).json()["actions"] == []
    client.put(
        url,
        {"narrative": "n", "values": [{"centre_indicator_id": startups.pk, "value": "12"}]},
        content_type="application/json",
        **auth(manager),
    )
    submitted = client.post(f"{url}/submit", **auth(manager)).json()
    assert submitted["actions"] == []
    listed = client.get("/api/v1/monitoring/reports", **auth(lab_expert)).json()
    assert listed[0]["actions"] == ["accept", "request_changes"]
