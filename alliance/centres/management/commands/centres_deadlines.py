"""Daily job: renewal reminders 180, 90 and 30 days before expiry, and automatic expiry.

Idempotent: each reminder is claimed through a unique (accreditation, step) row and each
expiry through a conditional UPDATE, so running it twice (or on two servers) sends nothing
twice."""

from datetime import date

from django.core.management.base import BaseCommand
from django.utils import timezone

from alliance.centres.services import expire_ended, send_due_reminders


class Command(BaseCommand):
    help = "Send accreditation renewal reminders and expire accreditations past their end."

    def add_arguments(self, parser):
        parser.add_argument("--today", type=date.fromisoformat, help="YYYY-MM-DD (for tests)")

    def handle(self, *args, today=None, **options):
        today = today or timezone.localdate()
        reminders = send_due_reminders(today)
        expired = expire_ended(today)
        self.stdout.write(f"{reminders} reminder(s) sent, {expired} accreditation(s) expired")
