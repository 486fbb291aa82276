"""Run every few minutes from a scheduler (cron, systemd timer):

    */5 * * * *  cd /srv/alliance && uv run --frozen python manage.py close_due_calls

Closes open calls past their deadline (a platform action, audited per call) and sends the
due reminders. Safe to run twice, or twice at once: each call is locked and checked again
before it closes, each draft's reminder is recorded once in ReminderSent, and each review
reminder is claimed with a conditional UPDATE.
"""

from django.core.management.base import BaseCommand

from alliance.calls.reminders import send_due_reminders
from alliance.calls.services import close_due_calls


class Command(BaseCommand):
    help = "Close calls past their deadline and send deadline and review reminders."

    def handle(self, *args, **options):
        closed = close_due_calls()
        reminders = send_due_reminders()
        self.stdout.write(f"closed {len(closed)} call(s); sent {reminders} reminder(s)")
