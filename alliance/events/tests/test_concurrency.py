"""Two people cannot take the last seat: the event's row is locked while its seats are
counted (PostgreSQL; SQLite has no row locks and serialises writers anyway)."""

import threading
import time

import pytest
from django.db import connection, connections

from alliance.accounts.tests.factories import UserFactory
from alliance.events.models import Registration
from alliance.events.services import registrations

from .factories import EventFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks exist on PostgreSQL"),
]


def test_two_people_racing_for_the_last_seat_get_one_seat_and_one_waiting_place(monkeypatch):
    event = EventFactory(capacity=1)
    people = [UserFactory(), UserFactory()]
    counted = registrations.registered_count

    def slow_count(event):
        # Widen the window between counting and inserting: without the lock both would
        # count no seat taken, and both would be registered.
        taken = counted(event)
        time.sleep(0.3)
        return taken

    monkeypatch.setattr(registrations, "registered_count", slow_count)
    start = threading.Barrier(2)
    errors = []

    def register(person):
        try:
            start.wait()
            registrations.registration_create(event_id=event.pk, actor=person)
        except Exception as exc:  # noqa: BLE001 (reported below)
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register, args=(p,)) for p in people]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert errors == []
    statuses = sorted(Registration.objects.filter(event=event).values_list("status", flat=True))
    assert statuses == ["registered", "waitlisted"]
