"""Forget the stored answers of API writes older than a day (alliance.core.idempotency):
a client retries a lost answer within minutes, and the table would otherwise grow with
every write forever."""

from django.core.management.base import BaseCommand

from alliance.core.idempotency import prune


class Command(BaseCommand):
    help = "Delete Idempotency-Key answers older than 24 hours."

    def handle(self, *args, **options):
        deleted = prune()
        self.stdout.write(f"{deleted} idempotency key(s) deleted")
