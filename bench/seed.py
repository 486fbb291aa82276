"""Seed the volume of ten years of a global alliance (idempotent: skips what is there).

Each app that can add volume has a module in `alliance/seeding/bench/` with
`bench_seed(rng, scale)`.
"""

import random
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from alliance.accounts.models import Organisation, OrganisationKind, User
from alliance.core.models import AuditEvent, Country
from alliance.seeding.bench import MODULES

ORGANISATIONS = 2_000
AUDIT_EVENTS = 200_000


def seed_core(rng: random.Random) -> None:
    if Organisation.objects.filter(name__startswith="Bench org").count() < ORGANISATIONS:
        codes = [c.code.code for c in Country.objects.all()]
        kinds = [k.value for k in OrganisationKind]
        Organisation.objects.bulk_create(
            [
                Organisation(
                    name=f"Bench org {i:05d}", country=rng.choice(codes), kind=rng.choice(kinds)
                )
                for i in range(ORGANISATIONS)
            ],
            ignore_conflicts=True,
            batch_size=1000,
        )
    actor = User.objects.filter(email="secretariat@demo.alliance.test").first()
    missing = AUDIT_EVENTS - AuditEvent.objects.count()
    if missing > 0:
        org_type = ContentType.objects.get_for_model(Organisation)
        ids = list(Organisation.objects.values_list("pk", flat=True)[:ORGANISATIONS])
        now = timezone.now()
        verbs = [
            "organisation.updated",
            "invitation.sent",
            "application.submitted",
            "review.submitted",
        ]
        for start in range(0, missing, 10_000):
            batch = [
                AuditEvent(
                    actor=actor,
                    verb=rng.choice(verbs),
                    content_type=org_type,
                    object_id=str(rng.choice(ids)),
                    object_repr="Bench org",
                    before="draft",
                    after="submitted",
                )
                for _ in range(min(10_000, missing - start))
            ]
            created = AuditEvent.objects.bulk_create(batch, batch_size=2000)
            # auto_now_add stamps them all now; spread them over ten years instead.
            for event in created:
                event.at = now - timedelta(minutes=rng.randrange(10 * 365 * 24 * 60))
            AuditEvent.objects.bulk_update(created, ["at"], batch_size=2000)


def seed(scale: float = 1.0) -> None:
    rng = random.Random(42)
    with transaction.atomic():
        seed_core(rng)
    for module in MODULES:
        with transaction.atomic():
            module.bench_seed(rng, scale)
