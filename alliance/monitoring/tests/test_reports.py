from decimal import Decimal

import pytest

from alliance.core.models import AuditEvent
from alliance.core.states import TransitionRefused
from alliance.monitoring import services
from alliance.monitoring.models import CentreReport, IndicatorValue
from alliance.monitoring.states import ReportStatus

pytestmark = pytest.mark.django_db


def fill(report, manager, startups, value="42"):
    services.report_save_draft(
        report_id=report.pk,
        actor=manager,
        narrative="We supported 42 start-ups.",
        values={startups.pk: (Decimal(value), "")},
    )


def test_manager_fills_submits_and_lab_accepts(report, manager, startups, lab_expert):
    fill(report, manager, startups)
    services.report_submit(report_id=report.pk, actor=manager)
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED
    assert report.first_submitted_at is not None
    services.report_accept(report_id=report.pk, actor=lab_expert, comments="Thank you.")
    report.refresh_from_db()
    assert report.status == ReportStatus.ACCEPTED
    verbs = set(AuditEvent.objects.values_list("verb", flat=True))
    assert {"report.opened", "report.submitted", "report.accepted"} <= verbs


def test_submitting_twice_is_refused_with_a_clear_reason(report, manager, startups):
    fill(report, manager, startups)
    services.report_submit(report_id=report.pk, actor=manager)
    before = AuditEvent.objects.count()
    with pytest.raises(TransitionRefused) as refused:
        services.report_submit(report_id=report.pk, actor=manager)
    assert refused.value.code == "already_submitted"
    assert AuditEvent.objects.count() == before


def test_incomplete_report_cannot_be_submitted(report, manager):
    with pytest.raises(TransitionRefused) as refused:
        services.report_submit(report_id=report.pk, actor=manager)
    assert refused.value.code == "incomplete"
    assert "narrative" in refused.value.reason
    report.refresh_from_db()
    assert report.status == ReportStatus.DUE


def test_out_of_range_value_is_refused_and_nothing_saved(report, manager, startups):
    with pytest.raises(TransitionRefused) as refused:
        fill(report, manager, startups, value="4.5")
    assert "whole number" in refused.value.reason
    assert not IndicatorValue.objects.exists()
    report.refresh_from_db()
    assert report.narrative == ""


def test_changes_requested_then_resubmitted(report, manager, startups, lab_expert):
    fill(report, manager, startups)
    services.report_submit(report_id=report.pk, actor=manager)
    with pytest.raises(TransitionRefused):
        services.report_request_changes(report_id=report.pk, actor=lab_expert, comments=" ")
    services.report_request_changes(
        report_id=report.pk, actor=lab_expert, comments="Explain the jump."
    )
    report.refresh_from_db()
    assert report.status == ReportStatus.CHANGES_REQUESTED
    fill(report, manager, startups, value="40")
    services.report_submit(report_id=report.pk, actor=manager)
    assert CentreReport.objects.get().status == ReportStatus.SUBMITTED


def test_only_the_lab_decides_and_only_managers_fill(report, manager, startups, stranger):
    fill(report, manager, startups)
    services.report_submit(report_id=report.pk, actor=manager)
    with pytest.raises(TransitionRefused) as refused:
        services.report_accept(report_id=report.pk, actor=manager)
    assert refused.value.code == "forbidden"
    with pytest.raises(TransitionRefused):
        services.report_save_draft(report_id=report.pk, actor=stranger, narrative="x")
    assert CentreReport.objects.get().status == ReportStatus.SUBMITTED


def test_accepting_a_report_not_submitted_is_refused(report, lab_expert):
    with pytest.raises(TransitionRefused) as refused:
        services.report_accept(report_id=report.pk, actor=lab_expert)
    assert refused.value.code == "invalid_transition"
    assert CentreReport.objects.get().status == ReportStatus.DUE
