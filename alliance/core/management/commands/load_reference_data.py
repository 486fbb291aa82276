from django.core.management.base import BaseCommand
from django.db import transaction

from alliance.core.reference.load import load_reference_data


class Command(BaseCommand):
    help = "Load or refresh the objectives, regions, Member States and centre types (idempotent)."

    def handle(self, *args, **options):
        with transaction.atomic():
            counts = load_reference_data()
        self.stdout.write(
            self.style.SUCCESS(", ".join(f"{v} {k.replace('_', ' ')}" for k, v in counts.items()))
        )
