"""Every HTML page and the API docs carry the strict policy; the report endpoint logs."""

import json
import logging

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/en/", "/en/centres/", "/api/v1/docs", "/en/accounts/login/"])
def test_pages_have_a_strict_policy(client, path):
    policy = client.get(path)["Content-Security-Policy"]
    for part in (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "report-uri /csp-report/",
    ):
        assert part in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_svg_charts_and_the_map_keep_their_own_script_free_policy(client):
    policy = client.get("/en/centres/map.svg")["Content-Security-Policy"]
    assert policy.startswith("default-src 'none'")


def test_violation_reports_are_logged_and_bad_ones_refused(client, caplog):
    report = {
        "csp-report": {
            "document-uri": "http://x/en/",
            "violated-directive": "style-src-elem",
            "blocked-uri": "inline",
        }
    }
    with caplog.at_level(logging.WARNING, logger="alliance.csp"):
        response = client.post(
            "/csp-report/", json.dumps(report), content_type="application/csp-report"
        )
    assert response.status_code == 204
    assert "style-src-elem" in caplog.text and "http://x/en/" in caplog.text
    assert (
        client.post("/csp-report/", "not json", content_type="application/json").status_code == 400
    )
    assert client.get("/csp-report/").status_code == 405
