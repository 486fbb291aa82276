import pytest
from django.core.management import call_command

from alliance.accounts.models import Membership, Organisation, User

pytestmark = pytest.mark.django_db


def test_seed_demo_is_idempotent():
    call_command("seed_demo")
    counts = (User.objects.count(), Organisation.objects.count(), Membership.objects.count())
    call_command("seed_demo")
    assert (
        User.objects.count(),
        Organisation.objects.count(),
        Membership.objects.count(),
    ) == counts
    assert (
        User.objects.get(email="director@demo.alliance.test")
        .groups.filter(name="director")
        .exists()
    )
