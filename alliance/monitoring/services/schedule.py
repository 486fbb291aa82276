"""Opening reports when a period ends and reminding centres; run by `open_reports` daily.

Both steps are idempotent: periods are unique per (centre, start) and each reminder is
claimed by inserting its unique row first, so two runs at once send nothing twice."""

import calendar
from datetime import date, timedelta

from django.db import IntegrityError, transaction

from alliance.centres.models import Centre
from alliance.centres.states import NETWORK_STATUSES
from alliance.core import kernel

from ..models import CentreReport, ReminderKind, ReportingPeriod, ReportReminder
from ..states import EDITABLE_STATES

DEFAULT_MONTHS = 12
DEFAULT_DUE_DAYS = 60
REMIND_BEFORE_DAYS = 14


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def periods_ended(centre: Centre, today: date) -> list[tuple[date, date, date]]:
    """(start, end, due date) of every period of the centre that ended before today."""
    schedule = getattr(centre, "reporting_schedule", None)
    if schedule is not None:
        start, months, due_days = (
            schedule.first_period_start,
            schedule.period_months,
            schedule.due_days,
        )
    elif centre.listed_since:
        start, months, due_days = centre.listed_since, DEFAULT_MONTHS, DEFAULT_DUE_DAYS
    else:
        return []
    periods = []
    while True:
        following = add_months(start, months)
        end = following - timedelta(days=1)
        if end >= today:
            return periods
        periods.append((start, end, end + timedelta(days=due_days)))
        start = following


def open_due_reports(*, today: date) -> list[CentreReport]:
    """Open the report of every period that has ended; returns the reports opened now."""
    opened = []
    centres = Centre.objects.filter(status__in=NETWORK_STATUSES).select_related(
        "reporting_schedule"
    )
    for centre in centres:
        for start, end, due in periods_ended(centre, today):
            try:
                with transaction.atomic():
                    period, created = ReportingPeriod.objects.get_or_create(
                        centre=centre, start=start, defaults={"end": end, "due_date": due}
                    )
                    if not created:
                        continue
                    report = kernel.create(
                        CentreReport(period=period, centre=centre, due_date=due),
                        actor=None,
                        verb="report.opened",
                        after={"due": due.isoformat()},
                    )
            except IntegrityError:
                continue  # another run opened it first
            opened.append(report)
    return opened


def _claim(report: CentreReport, kind: str) -> bool:
    try:
        with transaction.atomic():
            ReportReminder.objects.create(report=report, kind=kind)
            # Audited as before; the message goes out once the claim is committed.
            kernel.record(report, actor=None, verb=f"report.reminder_{kind}")
    except IntegrityError:
        return False
    return True


def send_reminders(*, today: date) -> int:
    """Remind once two weeks before the due date and once after it; returns how many sent."""
    sent = 0
    waiting = CentreReport.objects.filter(status__in=EDITABLE_STATES).select_related("centre")
    before = waiting.filter(
        due_date__gte=today, due_date__lte=today + timedelta(days=REMIND_BEFORE_DAYS)
    ).exclude(reminders__kind=ReminderKind.BEFORE)
    after = waiting.filter(due_date__lt=today).exclude(reminders__kind=ReminderKind.AFTER)
    for report in before:
        sent += _claim(report, ReminderKind.BEFORE)
    for report in after:
        sent += _claim(report, ReminderKind.AFTER)
    return sent
