from django.core.management.base import BaseCommand

from alliance.notifications.digests import send_digests


class Command(BaseCommand):
    help = "Send the daily and weekly notification digests that are due (idempotent)."

    def handle(self, *args, **options):
        sent = send_digests()
        self.stdout.write(f"digests sent: {sent['daily']} daily, {sent['weekly']} weekly")
