from decimal import Decimal

import pytest
from django.urls import reverse

from alliance.accounts.tests.factories import OrganisationFactory
from alliance.centres.tests.factories import centre_manager
from alliance.monitoring import services
from alliance.monitoring.models import CentreReport, IndicatorValue
from alliance.monitoring.states import ReportStatus

pytestmark = pytest.mark.django_db


def test_manager_saves_draft_checks_and_submits(client, report, manager, startups):
    client.force_login(manager)
    edit = reverse("monitoring:report_edit", args=[report.pk])
    page = client.get(edit).content.decode()
    assert startups.indicator.name["en"] in page
    response = client.post(
        edit,
        {
            "narrative": "A good year.",
            f"value_{startups.pk}": "42",
            f"note_{startups.pk}": "",
            "check": "",
        },
    )
    assert response.url == reverse("monitoring:report_check", args=[report.pk])
    check = client.get(response.url).content.decode()
    assert "42" in check and "Submit the report" in check
    response = client.post(response.url)
    assert response.url == reverse("monitoring:report_submitted", args=[report.pk])
    assert CentreReport.objects.get().status == ReportStatus.SUBMITTED
    assert "What happens next" in client.get(response.url).content.decode()


def test_wrong_unit_is_shown_beside_the_field_and_typed_text_kept(
    client, report, manager, startups
):
    client.force_login(manager)
    response = client.post(
        reverse("monitoring:report_edit", args=[report.pk]),
        {"narrative": "Typed text stays.", f"value_{startups.pk}": "4.5"},
    )
    page = response.content.decode()
    assert "<title>Error:" in page
    assert "whole number" in page
    assert "Typed text stays." in page
    assert not IndicatorValue.objects.exists()


def test_other_centres_report_is_404(client, report):
    other = centre_manager(OrganisationFactory(), "someone@else.test")
    client.force_login(other)
    for name in ("report_detail", "report_edit", "report_check"):
        assert client.get(reverse(f"monitoring:{name}", args=[report.pk])).status_code == 404
    assert client.post(reverse("monitoring:report_decide", args=[report.pk])).status_code == 404


def test_lab_accepts_from_the_page(client, report, manager, startups, lab_expert):
    services.report_save_draft(
        report_id=report.pk, actor=manager, narrative="n", values={startups.pk: (Decimal(5), "")}
    )
    services.report_submit(report_id=report.pk, actor=manager)
    client.force_login(lab_expert)
    url = reverse("monitoring:report_detail", args=[report.pk])
    assert "Record the decision" in client.get(url).content.decode()
    missing = client.post(
        reverse("monitoring:report_decide", args=[report.pk]), {"decision": "changes"}
    )
    assert missing.status_code == 400
    assert CentreReport.objects.get().status == ReportStatus.SUBMITTED
    client.post(reverse("monitoring:report_decide", args=[report.pk]), {"decision": "accept"})
    assert CentreReport.objects.get().status == ReportStatus.ACCEPTED


def test_lab_lists_have_bounded_queries(
    client, lab_expert, centre, report, django_assert_max_num_queries
):
    client.force_login(lab_expert)
    for name in ("lab_reports", "late_reports", "network"):
        with django_assert_max_num_queries(15):
            assert client.get(reverse(f"monitoring:{name}")).status_code == 200


def test_centre_dashboard_chart_and_csv(
    client, centre, report, manager, startups, lab_expert, django_assert_max_num_queries
):
    services.report_save_draft(
        report_id=report.pk, actor=manager, narrative="n", values={startups.pk: (Decimal(30), "")}
    )
    services.report_submit(report_id=report.pk, actor=manager)
    services.report_accept(report_id=report.pk, actor=lab_expert)
    client.force_login(manager)
    with django_assert_max_num_queries(15):
        page = client.get(reverse("monitoring:centre_dashboard", args=[centre.pk])).content.decode()
    assert "Period ending" in page
    svg = client.get(reverse("monitoring:centre_indicator_svg", args=[centre.pk, startups.pk]))
    assert svg["Content-Type"] == "image/svg+xml"
    assert b"<script" not in svg.content
    csv = client.get(reverse("monitoring:centre_csv", args=[centre.pk])).content.decode()
    lines = csv.strip().splitlines()
    assert lines[0].lstrip("\ufeff") == "Indicator code,Indicator,Unit,Kind,Period,Value"
    assert any(line.endswith(",Value,2025-02-28,30.00") for line in lines)


def test_network_dashboard_is_for_staff_only(client, manager):
    client.force_login(manager)
    assert client.get(reverse("monitoring:network")).status_code == 403


def test_network_csv_downloads(client, lab_expert, report):
    client.force_login(lab_expert)
    response = client.get(reverse("monitoring:network_chart", args=["punctuality", "csv"]))
    assert response["Content-Type"].startswith("text/csv")
    assert "Not yet due,1" in response.content.decode() or "Missing,1" in response.content.decode()
    assert (
        client.get(reverse("monitoring:network_chart", args=["region", "svg"])).status_code == 200
    )
    assert (
        client.get(reverse("monitoring:network_chart", args=["nothing", "svg"])).status_code == 404
    )


def test_targets_and_saved_values_read_as_plain_numbers(client, report, manager, startups):
    services.report_save_draft(
        report_id=report.pk, actor=manager, values={startups.pk: (Decimal("40.00"), "")}
    )
    client.force_login(manager)
    page = client.get(reverse("monitoring:report_edit", args=[report.pk])).content.decode()
    assert "Target 50 by 2026" in page
    assert 'value="40"' in page
    assert "E+" not in page


def test_network_dashboard_reads_the_latest_values_once_for_its_three_tables(
    client, lab_expert, manager, report, startups, django_assert_max_num_queries
):
    from datetime import UTC, datetime
    from decimal import Decimal

    from alliance.monitoring import services

    from .test_selectors import submit

    submit(report, manager, {startups.pk: (Decimal(60), "")}, datetime(2025, 4, 1, tzinfo=UTC))
    services.report_accept(report_id=report.pk, actor=lab_expert)
    client.force_login(lab_expert)
    assert client.get(reverse("monitoring:network")).status_code == 200  # fills the caches
    # Session, user, version, punctuality, assistance (three), the latest values: 8 at most.
    with django_assert_max_num_queries(8):
        page = client.get(reverse("monitoring:network"))
    body = page.content.decode()
    assert page.status_code == 200
    for by in ("objective", "region", "type"):
        assert reverse("monitoring:network_chart", args=[by, "csv"]) in body
    assert "No accepted value yet." not in body
