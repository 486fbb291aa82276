"""One scheduler runs every periodic job (issue 12, point 1)."""

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import time_machine
from apscheduler.schedulers.background import BackgroundScheduler
from django.conf import settings
from django.core.management import call_command, get_commands
from django.test import override_settings
from django.utils import timezone

from alliance.calls.states import CallStatus
from alliance.calls.tests.factories import CallFactory
from alliance.core.schedule import NOT_PERIODIC, SCHEDULE, Job, active_jobs, run_job

OUR_COMMANDS = {
    path.stem
    for path in Path(settings.BASE_DIR, "alliance").glob("*/management/commands/*.py")
    if not path.stem.startswith("_")
}
MONDAY_0559 = datetime(2027, 3, 15, 5, 59, 30, tzinfo=UTC)


def test_every_command_of_ours_is_scheduled_or_said_not_to_be():
    scheduled = {job.command for job in SCHEDULE}
    assert OUR_COMMANDS - scheduled - set(NOT_PERIODIC) == set(), (
        "a new management command: add it to SCHEDULE or NOT_PERIODIC in alliance/core/schedule.py"
    )
    assert scheduled & set(NOT_PERIODIC) == set()
    assert {
        "close_due_calls",
        "board_terms",
        "centres_deadlines",
        "open_reports",
        "event_reminders",
    } <= scheduled
    assert "send_digests" in scheduled
    assert "send_newsletter" in scheduled


def test_every_scheduled_and_listed_command_exists():
    existing = set(get_commands())
    assert {job.command for job in SCHEDULE} <= existing
    assert set(NOT_PERIODIC) <= existing


def _next_runs(at):
    from alliance.core.schedule import build_scheduler

    with time_machine.travel(at, tick=False):
        scheduler = build_scheduler(BackgroundScheduler)
        scheduler.start(paused=True)
        try:
            return {job.id: job.next_run_time for job in scheduler.get_jobs()}
        finally:
            scheduler.shutdown(wait=False)


def test_calls_close_every_minute_and_digests_go_at_six_utc():
    runs = _next_runs(MONDAY_0559)
    assert runs["close_due_calls"] == datetime(2027, 3, 15, 6, 0, tzinfo=UTC)
    assert runs["send_digests"] == datetime(2027, 3, 15, 6, 0, tzinfo=UTC)
    assert runs["send_newsletter"] == datetime(2027, 3, 15, 6, 15, tzinfo=UTC)
    # The day's reminders run before the digests that may carry them.
    for daily in ("board_terms", "centres_deadlines", "open_reports"):
        assert runs[daily].date() == date(2027, 3, 16)
        assert runs[daily].hour < 6


def test_event_reminders_run_every_hour():
    runs = _next_runs(MONDAY_0559)
    assert runs["event_reminders"] == datetime(2027, 3, 15, 6, 15, tzinfo=UTC)


def test_task_results_are_pruned_only_where_they_are_stored():
    assert "prune_db_task_results" not in {job.command for job in active_jobs()}
    database = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with override_settings(TASKS=database):
        assert "prune_db_task_results" in {job.command for job in active_jobs()}


@pytest.mark.django_db
def test_running_the_jobs_once_closes_a_call_past_its_deadline_and_sends_the_digests(
    secretariat_officer, mailoutbox
):
    from alliance.notifications.models import Delivery, Notification

    with time_machine.travel(MONDAY_0559 - timedelta(days=3), tick=False):
        due = CallFactory(closes_at=MONDAY_0559 - timedelta(minutes=1))
        later = CallFactory(closes_at=MONDAY_0559 + timedelta(days=3))
        Notification.objects.create(
            recipient=secretariat_officer,
            verb="expression.submitted",
            kind="joining.updates",
            subject="A weekly item",
            body="Body",
            url="/en/",
            delivery=Delivery.WEEKLY,
        )
    with time_machine.travel(MONDAY_0559 + timedelta(seconds=30), tick=False):
        results = {job.command: run_job(job) for job in active_jobs()}
        assert None not in results.values(), results  # every job ran
        again = run_job(next(job for job in SCHEDULE if job.command == "close_due_calls"))
    due.refresh_from_db()
    later.refresh_from_db()
    assert due.status == CallStatus.CLOSED
    assert later.status == CallStatus.OPEN
    assert results["close_due_calls"].startswith("closed 1 call(s)")
    assert again.startswith("closed 0 call(s)")  # idempotent
    assert "1 weekly" in results["send_digests"]  # Monday: the weekly digest goes too
    assert [m.to for m in mailoutbox if "weekly digest" in m.subject] == [
        [secretariat_officer.email]
    ]


@pytest.mark.django_db
def test_one_failing_job_is_logged_and_does_not_stop_the_others(caplog):
    assert run_job(Job("no_such_command", "* * * * *", "broken")) is None
    assert "scheduled job no_such_command failed" in caplog.text
    assert run_job(SCHEDULE[0]).startswith("closed")


@pytest.mark.django_db
def test_the_command_runs_every_job_once(capsys):
    with time_machine.travel(timezone.now(), tick=False):
        call_command("run_scheduler", "--once")
    out = capsys.readouterr().out
    for job in active_jobs():
        assert f"{job.command}: " in out
