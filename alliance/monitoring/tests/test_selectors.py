from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
import time_machine

from alliance.centres.tests.factories import accredited_centre
from alliance.monitoring import services
from alliance.monitoring.selectors import (
    centre_monitoring_summary,
    indicator_totals,
    late_reports,
    punctuality,
)

from .factories import CentreIndicatorFactory, IndicatorFactory, open_first_report

pytestmark = pytest.mark.django_db


def submit(report, manager, values, when):
    services.report_save_draft(report_id=report.pk, actor=manager, narrative="n", values=values)
    with time_machine.travel(when):
        services.report_submit(report_id=report.pk, actor=manager)


def test_summary_has_history_against_target_and_punctuality(
    centre, report, manager, startups, lab_expert
):
    submit(report, manager, {startups.pk: (Decimal(60), "")}, datetime(2025, 5, 2, tzinfo=UTC))
    services.report_accept(report_id=report.pk, actor=lab_expert)
    summary = centre_monitoring_summary(centre)
    (item,) = summary["indicators"]
    assert item["history"] == [{"period_end": date(2025, 2, 28), "value": Decimal(60)}]
    assert item["target"] == Decimal(50)
    assert item["on_track"] is True
    # Due on 29 April 2025, first submitted on 2 May: late.
    assert summary["punctuality"]["late"] == 1
    assert summary["punctuality"]["on_time"] == 0


def test_missing_report_counts_once_past_due(centre, report):
    assert punctuality(centre, today=date(2025, 4, 29))["not_yet_due"] == 1
    assert punctuality(centre, today=date(2025, 4, 30))["missing"] == 1
    assert list(late_reports(today=date(2025, 4, 30))) == [report]
    assert list(late_reports(today=date(2025, 4, 1))) == []


def test_totals_add_the_latest_accepted_value_per_centre(
    centre,
    report,
    manager,
    startups,
    lab_expert,
    secretariat_officer,
    director,
    university,
    university_focal_point,
):
    """Hand-computed: Malawi centre 60 + Kenya centre 15 = 75 start-ups in Africa;
    a percentage indicator is never summed."""
    submit(report, manager, {startups.pk: (Decimal(60), "")}, datetime(2025, 4, 1, tzinfo=UTC))
    services.report_accept(report_id=report.pk, actor=lab_expert)
    other, _a = accredited_centre(
        secretariat=secretariat_officer,
        director=director,
        lab=lab_expert,
        organisation=university,
        country="KE",
        name="Nairobi centre",
    )
    other_ci = CentreIndicatorFactory(centre=other, indicator=startups.indicator)
    share = CentreIndicatorFactory(centre=other, indicator=IndicatorFactory(unit="percent"))
    other_report = open_first_report(other)
    submit(
        other_report,
        university_focal_point,
        {other_ci.pk: (Decimal(15), ""), share.pk: (Decimal(30), "")},
        datetime(2025, 4, 1, tzinfo=UTC),
    )
    services.report_accept(report_id=other_report.pk, actor=lab_expert)
    by_region = indicator_totals("region")
    assert [c.code for c in by_region["columns"]] == ["AFR"]
    assert by_region["rows"] == [(startups.indicator, [Decimal(75)])]
    by_type = indicator_totals("type")
    assert by_type["rows"][0][1] == [Decimal(75)]
