"""Property-based tests of the news tables (alliance.core.tests.statemachine): random
sequences of the real services by random people never leave the tables, refused steps
leave no trace, and every step taken writes one audit event about the object."""

from datetime import date

import pytest

from alliance.accounts.tests.factories import UserFactory
from alliance.core.models import Country
from alliance.core.tests.statemachine import run_table
from alliance.news import services
from alliance.news.models import Pilot
from alliance.news.states import ANNOUNCEMENT, PILOT

pytestmark = pytest.mark.django_db


@pytest.fixture
def personas(secretariat_officer, director, lab_expert):
    return {
        "secretariat": secretariat_officer,
        "director": director,
        "lab": lab_expert,
        "stranger": UserFactory(email="nobody@else.test"),
    }


def test_announcements_follow_their_table(personas, secretariat_officer):
    run_table(
        machine=ANNOUNCEMENT,
        make=lambda: services.announcement_create(
            actor=secretariat_officer, title="Title", body="Text", category="calls"
        ),
        personas=personas,
        steps={
            "edit": lambda a, who: services.announcement_edit(
                announcement_id=a.pk, actor=who, summary={"en": "Changed"}
            ),
            "publish": lambda a, who: services.announcement_publish(
                announcement_id=a.pk, actor=who
            ),
            "withdraw": lambda a, who: services.announcement_withdraw(
                announcement_id=a.pk, actor=who
            ),
        },
    )


def test_pilots_follow_their_table(personas, director):
    country = Country.objects.get(code="RW")

    def make():
        Pilot.objects.filter(country=country).delete()
        return services.pilot_designate(
            actor=director, country=country, rationale="Why", designated_on=date(2023, 6, 30)
        )

    run_table(
        machine=PILOT,
        make=make,
        personas=personas,
        steps={
            "end": lambda p, who: services.pilot_end(
                pilot_id=p.pk, actor=who, ended_on=date(2024, 1, 1)
            ),
            "withdraw": lambda p, who: services.pilot_withdraw(pilot_id=p.pk, actor=who),
        },
    )
