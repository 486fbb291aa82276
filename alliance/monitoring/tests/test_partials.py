"""The includes other apps' pages add at merge: the renewal evaluation and the centre page."""

from datetime import date
from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory

from alliance.lab import services as lab_services
from alliance.monitoring import services

pytestmark = pytest.mark.django_db


def test_renewal_summary_shows_history_and_punctuality(report, manager, startups, lab_expert):
    services.report_save_draft(
        report_id=report.pk, actor=manager, narrative="n", values={startups.pk: (Decimal(55), "")}
    )
    services.report_submit(report_id=report.pk, actor=manager)
    services.report_accept(report_id=report.pk, actor=lab_expert)
    html = render_to_string(
        "monitoring/partials/renewal_summary.html",
        {"centre": report.centre},
        request=RequestFactory().get("/"),
    )
    assert "2025: 55" in html
    assert "Target reached" in html
    assert "late: 1" in html  # submitted today, long after its due date


def test_centre_support_include_hides_draft_agreements(centre, lab_expert):
    lab_services.agreement_create(
        actor=lab_expert,
        host_organisation=centre.host_organisation,
        centre=centre,
        title="Draft agreement not public",
        parties="BDT",
        scope="s",
        start_date=date(2025, 1, 1),
        end_date=date(2026, 1, 1),
    )
    html = render_to_string("lab/partials/centre_support.html", {"centre": centre})
    assert "Draft agreement not public" not in html
    assert "No cooperation agreement yet." in html
