"""Every periodic job of the platform, and the one process that runs them.

The jobs are the apps' own management commands, called by name (so `core` imports none of
them). Each is idempotent, so a run that is missed, repeated or run on two servers at
once does no harm. Times are UTC crontab fields. A management command of ours that is not
periodic is listed in `NOT_PERIODIC` with the reason, so that a new command is either
scheduled or said not to be (a test checks every command is in one of the two).
"""

import io
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.management import call_command
from django.db import close_old_connections, connection

logger = logging.getLogger("alliance.schedule")


def _database_tasks() -> bool:
    return settings.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"


@dataclass(frozen=True)
class Job:
    command: str
    cron: str  # minute hour day month day-of-week, UTC
    description: str
    args: tuple[str, ...] = ()
    enabled: Callable[[], bool] = field(default=lambda: True, compare=False)


SCHEDULE: tuple[Job, ...] = (
    Job(
        "close_due_calls",
        "* * * * *",
        "close calls past their deadline; deadline and late-review reminders",
    ),
    # The daily jobs run before the digests, so that their reminders go in today's digest.
    Job(
        "board_terms",
        "0 5 * * *",
        "Board term reminders, ended terms, CVs of abandoned nomination drafts deleted",
    ),
    Job("centres_deadlines", "10 5 * * *", "accreditation renewal reminders and expiry"),
    Job("open_reports", "20 5 * * *", "open due monitoring reports, report reminders"),
    # Hourly, so that "the day before" is about 24 hours whatever the event's time zone.
    Job("event_reminders", "15 * * * *", "reminders to people registered for tomorrow's events"),
    Job(
        "send_digests",
        "0 6 * * *",
        "daily notification digests; on Mondays the weekly ones too",
    ),
    Job("send_newsletter", "15 6 * * *", "newsletter digests of newly published announcements"),
    # Purges of Django's and django-tasks' bookkeeping.
    Job("clearsessions", "30 4 * * *", "delete expired sessions"),
    Job(
        "prune_idempotency_keys",
        "50 * * * *",
        "delete the API's stored Idempotency-Key answers older than 24 hours",
    ),
    Job(
        "prune_db_task_results",
        "40 4 * * *",
        "delete finished background-task results older than 14 days",
        enabled=_database_tasks,
    ),
)

# Our commands that are run by hand or by `make`, with the reason they are not periodic.
NOT_PERIODIC: dict[str, str] = {
    "demo_api_tokens": "CI tool: API tokens of demo personas for the fuzzing run (scripts/fuzz_api)",
    "compile_catalogs": "build step: compiles the translations",
    "catalog_locales": "build step: the languages `make messages` extracts",
    "prepare_catalogs": "build step: finishes catalogs `make messages` created",
    "pdf_samples": "developer tool: renders sample PDFs and PNGs for review (make pdf-samples)",
    "load_reference_data": "deployment step: after each migrate",
    "seed_demo": "demo data, by hand or `make demo`",
    "seed_centres_bench": "benchmark data, by hand",
    "verify_credential": "checks one credential given on the command line",
    "run_scheduler": "this process itself",
    "backup": "run by the operator's backup timer, with a destination path",
    "restore": "by hand, into an empty installation",
}


def active_jobs() -> list[Job]:
    return [job for job in SCHEDULE if job.enabled()]


def _drop_stale_connections():
    """As Django does around each request: a long-running process must not keep a
    connection the database has closed. (Not inside a transaction, as in tests.)"""
    if not connection.in_atomic_block:
        close_old_connections()


def run_job(job: Job) -> str | None:
    """Run one job now and return what it printed ("done" if nothing), None if it failed.
    A failure is logged, not raised: one broken job must not stop the others."""
    _drop_stale_connections()
    out = io.StringIO()
    started = time.monotonic()
    try:
        call_command(job.command, *job.args, stdout=out, stderr=out)
    except Exception:
        logger.exception("scheduled job %s failed", job.command)
        return None
    finally:
        _drop_stale_connections()
    result = " ".join(out.getvalue().split()) or "done"
    logger.info("%s (%.1fs): %s", job.command, time.monotonic() - started, result)
    return result


def build_scheduler(scheduler_class=None):
    """An APScheduler scheduler with every active job. One job runs at a time (SQLite has
    one writer; the jobs are short); a run missed while another ran, or while the process
    was down for less than an hour, runs once as soon as it can."""
    from apscheduler.executors.pool import ThreadPoolExecutor
    from apscheduler.schedulers.blocking import BlockingScheduler
    from apscheduler.triggers.cron import CronTrigger

    scheduler = (scheduler_class or BlockingScheduler)(
        executors={"default": ThreadPoolExecutor(max_workers=1)},
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 3600},
        timezone="UTC",
    )
    for job in active_jobs():
        scheduler.add_job(
            run_job,
            CronTrigger.from_crontab(job.cron, timezone="UTC"),
            args=[job],
            id=job.command,
            name=job.command,
        )
    return scheduler
