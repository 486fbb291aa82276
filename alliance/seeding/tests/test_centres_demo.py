import pytest
from django.core.management import call_command

from alliance.centres.models import Accreditation, Centre
from alliance.core.models import Region

pytestmark = pytest.mark.django_db


def test_demo_seed_covers_every_region_and_type_and_is_idempotent(capsys):
    call_command("seed_demo")
    count = Centre.objects.count()
    call_command("seed_demo")
    assert Centre.objects.count() == count >= 20
    listed = Centre.objects.exclude(listed_since=None)
    assert set(listed.values_list("country__region__code", flat=True)) == set(
        Region.objects.values_list("code", flat=True)
    )
    assert listed.values("centre_type").distinct().count() == 4
    statuses = set(Accreditation.objects.values_list("status", flat=True))
    assert {
        "active",
        "renewal_due",
        "under_evaluation",
        "renewed",
        "suspended",
        "revoked",
        "expired",
    } <= statuses
    macra = Centre.objects.get(name__startswith="MACRA")
    assert macra.accreditations.count() == 2
