"""The scheduler process: runs every periodic job at its time (alliance/core/schedule.py).

    manage.py run_scheduler          # runs until stopped (systemd, or `make run`)
    manage.py run_scheduler --list   # the schedule and the next run of each job
    manage.py run_scheduler --once   # every job now, one after another, then exit

Run one scheduler per installation. A second one does no harm (every job is idempotent),
it only does the work twice.
"""

import contextlib
import signal

from django.core.management.base import BaseCommand

from alliance.core.schedule import active_jobs, build_scheduler, run_job


class Command(BaseCommand):
    help = "Run the periodic jobs (closing calls, reminders, digests, purges) at their times."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Run every job once and exit.")
        parser.add_argument("--list", action="store_true", help="Show the schedule and exit.")

    def handle(self, *args, once, list, **options):
        if once:
            for job in active_jobs():
                self.stdout.write(f"{job.command}: {run_job(job)}")
            return
        for job in active_jobs():
            self.stdout.write(f"scheduler: {job.command:<22} {job.cron:<12} {job.description}")
        if list:
            from apscheduler.schedulers.background import BackgroundScheduler

            scheduler = build_scheduler(BackgroundScheduler)
            scheduler.start(paused=True)
            for entry in scheduler.get_jobs():
                self.stdout.write(f"next {entry.id}: {entry.next_run_time:%Y-%m-%d %H:%M} UTC")
            scheduler.shutdown(wait=False)
            return
        scheduler = build_scheduler()
        # systemd and honcho stop us with SIGTERM: no new job starts; a running one ends
        # before the process does (its transaction would roll back anyway).
        signal.signal(signal.SIGTERM, lambda *_: scheduler.shutdown(wait=False))
        self.stdout.write("scheduler: started (times are UTC)")
        self.stdout.flush()
        with contextlib.suppress(KeyboardInterrupt, SystemExit):
            scheduler.start()
        self.stdout.write("scheduler: stopped")
