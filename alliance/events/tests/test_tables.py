"""Property-based tests of the events' transition tables (alliance.core.tests.statemachine):
random sequences of the real services by random people never leave the tables, refused
steps leave no trace, and every step taken writes one audit event about the object."""

from datetime import timedelta

import pytest
from django.utils import timezone

from alliance.accounts.tests.factories import UserFactory
from alliance.core.tests.statemachine import run_table
from alliance.events import services
from alliance.events.states import EVENT, REGISTRATION

from .factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def holder(db):
    return UserFactory(email="holder@events.test")


@pytest.fixture
def personas(secretariat_officer, lab_expert, holder):
    return {
        "secretariat": secretariat_officer,
        "lab": lab_expert,
        "holder": holder,
        "stranger": UserFactory(email="nobody@else.test"),
    }


def test_events_follow_their_table(personas):
    run_table(
        machine=EVENT,
        make=lambda: EventFactory(status="draft"),
        personas=personas,
        steps={
            "edit": lambda e, a: services.event_update(event_id=e.pk, actor=a, capacity=10),
            "publish": lambda e, a: services.event_publish(event_id=e.pk, actor=a),
            "cancel": lambda e, a: services.event_cancel(event_id=e.pk, actor=a),
        },
    )


@pytest.mark.parametrize("ended", [False, True], ids=["before the end", "after the end"])
def test_registrations_follow_their_table(personas, holder, ended):
    def make():
        now = timezone.now()
        start = now - timedelta(days=1) if ended else now + timedelta(days=5)
        event = EventFactory(starts_at=start, ends_at=start + timedelta(hours=2), capacity=5)
        return RegistrationFactory(event=event, user=holder)

    run_table(
        machine=REGISTRATION,
        make=make,
        personas=personas,
        steps={
            "cancel": lambda r, a: services.registration_cancel(registration_id=r.pk, actor=a),
            "mark_attended": lambda r, a: services.attendance_mark(
                registration_id=r.pk, actor=a, attended=True
            ),
            "mark_no_show": lambda r, a: services.attendance_mark(
                registration_id=r.pk, actor=a, attended=False
            ),
        },
    )
