"""The day before an event, remind each person registered (run hourly by the scheduler;
a person is reminded once)."""

from django.core.management.base import BaseCommand

from alliance.events.services import send_reminders


class Command(BaseCommand):
    help = "Remind the people registered for events that start within a day."

    def handle(self, *args, **options):
        sent = send_reminders()
        self.stdout.write(f"{sent} reminder(s) sent")
