"""Seed many public centres for the benchmark (not the demo): bulk rows, idempotent by name.

`manage.py seed_centres_bench --count 1000` adds "Bench centre NNNN" rows spread over every
Member State and type, with accreditations in several states and one flagship initiative
each, so that the registry, map, coverage and exports can be measured at volume.
"""

import random
from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from alliance.accounts.models import Organisation
from alliance.centres.models import Accreditation, Centre, CentreType, FlagshipInitiative
from alliance.centres.models.accreditation import STATUS_LIST_SIZE, new_verification_code
from alliance.centres.states import AccreditationStatus, CentreStatus
from alliance.core.models import Country


class Command(BaseCommand):
    help = "Bulk-create public acceleration centres for load and scale benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=1000)

    @transaction.atomic
    def handle(self, *args, count: int, **options):
        rng = random.Random(1000)
        today = timezone.localdate()
        countries = list(Country.objects.order_by("code"))
        types = list(CentreType.objects.prefetch_related("objectives"))
        host, _ = Organisation.objects.get_or_create(
            name="Benchmark host organisation", country="CH", defaults={"kind": "company"}
        )
        existing = set(
            Centre.objects.filter(name__startswith="Bench centre ").values_list("name", flat=True)
        )
        used = set(Accreditation.objects.values_list("status_list_index", flat=True))
        new = []
        for i in range(count):
            name = f"Bench centre {i:04d}"
            if name in existing:
                continue
            centre_type = types[i % len(types)]
            status = rng.choice([CentreStatus.ACCREDITED] * 8 + [CentreStatus.SUSPENDED])
            new.append(
                Centre(
                    name=name,
                    centre_type=centre_type,
                    scope=centre_type.scopes[-1],
                    ownership=centre_type.ownership,
                    host_organisation=host,
                    country=countries[i % len(countries)],
                    status=status,
                    source="recorded",
                    listed_since=today,
                    description={"en": "A centre created for the benchmark."},
                )
            )
        centres = Centre.objects.bulk_create(new, batch_size=500)
        through = Centre.objectives.through
        through.objects.bulk_create(
            [
                through(centre_id=c.pk, strategicobjective_id=o.pk)
                for c in centres
                for o in c.centre_type.objectives.all()
            ],
            batch_size=1000,
        )
        accreditations = []
        for c in centres:
            start = today - timedelta(days=rng.randrange(0, 1000))
            index = rng.randrange(STATUS_LIST_SIZE)
            while index in used:
                index = rng.randrange(STATUS_LIST_SIZE)
            used.add(index)
            accreditations.append(
                Accreditation(
                    centre=c,
                    centre_type=c.centre_type,
                    start_date=start,
                    end_date=start.replace(year=start.year + 3) - timedelta(days=1)
                    if not (start.month == 2 and start.day == 29)
                    else start.replace(year=start.year + 3, day=28),
                    status=AccreditationStatus.SUSPENDED
                    if c.status == CentreStatus.SUSPENDED
                    else AccreditationStatus.ACTIVE,
                    verification_code=new_verification_code(),
                    status_list_index=index,
                )
            )
        Accreditation.objects.bulk_create(accreditations, batch_size=500)
        FlagshipInitiative.objects.bulk_create(
            [
                FlagshipInitiative(
                    centre=c, title={"en": f"Flagship of {c.name}"}, budget_usd=60_000
                )
                for c in centres
            ],
            batch_size=500,
        )
        from alliance.centres.cache import bump_registry

        bump_registry()
        self.stdout.write(f"{len(centres)} bench centre(s) created")
