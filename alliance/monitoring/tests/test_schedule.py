from datetime import UTC, date, datetime
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from alliance.monitoring.models import CentreReport, ReportReminder
from alliance.monitoring.services import open_due_reports, send_reminders
from alliance.monitoring.services.schedule import add_months

pytestmark = pytest.mark.django_db


@pytest.fixture
def listed(centre):
    centre.listed_since = date(2024, 3, 1)
    centre.save(update_fields=["listed_since"])
    return centre


def test_report_opens_when_the_period_ends_and_only_once(listed):
    assert open_due_reports(today=date(2025, 2, 28)) == []
    (report,) = open_due_reports(today=date(2025, 3, 1))
    assert (report.period.start, report.period.end) == (date(2024, 3, 1), date(2025, 2, 28))
    assert report.due_date == date(2025, 4, 29)
    assert open_due_reports(today=date(2025, 3, 2)) == []
    assert CentreReport.objects.count() == 1


def test_quarterly_schedule_opens_a_report_per_quarter(listed, lab_expert):
    from alliance.monitoring.services import schedule_set

    schedule_set(
        actor=lab_expert,
        centre=listed,
        period_months=3,
        first_period_start=date(2025, 1, 1),
        due_days=30,
    )
    listed.refresh_from_db()
    opened = open_due_reports(today=date(2025, 7, 1))
    assert [r.period.end for r in sorted(opened, key=lambda r: r.period.start)] == [
        date(2025, 3, 31),
        date(2025, 6, 30),
    ]


def test_reminders_before_and_after_are_sent_once(
    listed, ministry_focal_point, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        open_due_reports(today=date(2025, 3, 1))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert send_reminders(today=date(2025, 4, 10)) == 0  # more than two weeks before
        assert send_reminders(today=date(2025, 4, 20)) == 1
        assert send_reminders(today=date(2025, 4, 21)) == 0
        assert send_reminders(today=date(2025, 4, 30)) == 1
        assert send_reminders(today=date(2025, 5, 30)) == 0
    assert ReportReminder.objects.count() == 2
    assert len(mail.outbox) == 2
    assert ministry_focal_point.email in mail.outbox[0].to
    assert "late" in mail.outbox[1].subject


def test_command_is_idempotent_day_after_day(listed, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        for day in (date(2025, 3, 1), date(2025, 4, 20), date(2025, 4, 20), date(2025, 5, 1)):
            with time_machine.travel(datetime(day.year, day.month, day.day, 8, tzinfo=UTC)):
                call_command("open_reports", stdout=StringIO())
    assert CentreReport.objects.count() == 1
    assert sorted(ReportReminder.objects.values_list("kind", flat=True)) == ["after", "before"]


def test_submitted_report_gets_no_late_reminder(report, manager, startups):
    from decimal import Decimal

    from alliance.monitoring import services

    services.report_save_draft(
        report_id=report.pk,
        actor=manager,
        narrative="Done.",
        values={startups.pk: (Decimal(3), "")},
    )
    services.report_submit(report_id=report.pk, actor=manager)
    assert send_reminders(today=date(2025, 6, 1)) == 0


def test_add_months_keeps_the_end_of_month():
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2024, 11, 1), 3) == date(2025, 2, 1)
