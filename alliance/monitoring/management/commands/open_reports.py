from django.core.management.base import BaseCommand
from django.utils import timezone

from alliance.monitoring.services import open_due_reports, send_reminders


class Command(BaseCommand):
    help = (
        "Open the report of every reporting period that has ended and remind centres before "
        "and after the due date. Idempotent: run it daily."
    )

    def handle(self, *args, **options):
        today = timezone.localdate()
        opened = open_due_reports(today=today)
        reminded = send_reminders(today=today)
        self.stdout.write(f"{len(opened)} report(s) opened, {reminded} reminder(s) sent.")
