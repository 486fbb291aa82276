"""Monitoring CSVs: an indicator named like a formula comes out as text."""

from decimal import Decimal

import pytest
from django.urls import reverse

from alliance.core.tests.spreadsheet_checks import EVIL, assert_csv_neutralised
from alliance.monitoring import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def evil_indicator(startups):
    indicator = startups.indicator
    indicator.name = {"en": EVIL}
    indicator.save(update_fields=["name"])
    return startups


def test_centre_indicator_csv_neutralises_formulas(client, centre, manager, evil_indicator):
    client.force_login(manager)
    assert_csv_neutralised(client.get(reverse("monitoring:centre_csv", args=[centre.pk])).content)


def test_network_totals_csv_neutralises_formulas(
    client, report, manager, lab_expert, evil_indicator
):
    services.report_save_draft(
        report_id=report.pk,
        actor=manager,
        narrative="n",
        values={evil_indicator.pk: (Decimal(3), "")},
    )
    services.report_submit(report_id=report.pk, actor=manager)
    services.report_accept(report_id=report.pk, actor=lab_expert)
    client.force_login(lab_expert)
    url = reverse("monitoring:network_chart", args=["objective", "csv"])
    assert_csv_neutralised(client.get(url).content)
