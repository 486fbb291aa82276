"""Registering, the waiting list, cancelling and moving up, the members-only restriction,
reminders (alliance/events/services/registrations.py)."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from alliance.accounts.models import MembershipRole
from alliance.accounts.tests.factories import MembershipFactory, UserFactory
from alliance.core.models import AuditEvent
from alliance.core.states import PermissionRefused, TransitionRefused
from alliance.events import services
from alliance.events.models import Registration
from alliance.notifications.models import Notification

from .factories import EventFactory, QuestionFactory, RegistrationFactory, joined

pytestmark = pytest.mark.django_db


def _register(event, user, answers=None):
    return services.registration_create(event_id=event.pk, actor=user, answers=answers)


def test_the_person_after_the_last_seat_goes_on_the_waiting_list():
    event = EventFactory(capacity=2)
    first, second, third = UserFactory(), UserFactory(), UserFactory()
    assert _register(event, first).status == "registered"
    assert _register(event, second).status == "registered"
    assert _register(event, third).status == "waitlisted"
    verbs = list(
        AuditEvent.objects.filter(verb__startswith="registration.").values_list("verb", flat=True)
    )
    assert verbs.count("registration.registered") == 2
    assert verbs.count("registration.waitlisted") == 1


def test_registering_twice_is_refused():
    event = EventFactory()
    user = UserFactory()
    _register(event, user)
    with pytest.raises(TransitionRefused) as refused:
        _register(event, user)
    assert refused.value.code == "registered"


def test_required_answers_are_asked_for_and_kept():
    question = QuestionFactory()
    user = UserFactory()
    with pytest.raises(TransitionRefused) as refused:
        _register(question.event, user, {})
    assert refused.value.code == "answers_missing"
    registration = _register(question.event, user, {str(question.pk): "Health"})
    assert registration.answers == {str(question.pk): "Health"}


def test_a_drafted_or_ended_event_takes_no_registration():
    user = UserFactory()
    with pytest.raises(TransitionRefused):
        _register(EventFactory(status="draft"), user)
    past = EventFactory(
        starts_at=timezone.now() - timedelta(days=2), ends_at=timezone.now() - timedelta(days=1)
    )
    with pytest.raises(TransitionRefused) as refused:
        _register(past, user)
    assert refused.value.code == "registration_closed"


def test_a_members_event_is_only_for_organisations_that_joined(ministry, ministry_focal_point):
    event = EventFactory(members_only=True)
    with pytest.raises(PermissionRefused):
        _register(event, ministry_focal_point)
    joined(ministry)
    ministry_focal_point._joined_organisation_ids = None  # a new request reads it again
    registration = _register(event, ministry_focal_point)
    assert registration.organisation_id == ministry.pk


def test_cancelling_moves_the_first_waiting_person_up_and_tells_them(
    mailoutbox, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=1)
    holder, first_waiting, second_waiting = UserFactory(), UserFactory(), UserFactory()
    seat = _register(event, holder)
    _register(event, first_waiting)
    _register(event, second_waiting)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(registration_id=seat.pk, actor=holder)
    statuses = dict(Registration.objects.values_list("user_id", "status"))
    assert statuses == {
        holder.pk: "cancelled",
        first_waiting.pk: "registered",
        second_waiting.pk: "waitlisted",
    }
    promoted = [m for m in mailoutbox if m.to == [first_waiting.email]]
    assert len(promoted) == 1 and "A place is free for you" in promoted[0].subject
    assert promoted[0].attachments[0][0] == "invitation.ics"
    assert Notification.objects.filter(recipient=first_waiting).exists()


def test_cancelling_a_waiting_place_moves_nobody_up():
    event = EventFactory(capacity=1)
    holder, waiting = UserFactory(), UserFactory()
    _register(event, holder)
    queued = _register(event, waiting)
    services.registration_cancel(registration_id=queued.pk, actor=waiting)
    assert Registration.objects.get(user=holder).status == "registered"


def test_only_the_person_cancels_their_registration():
    registration = RegistrationFactory()
    with pytest.raises(PermissionRefused):
        services.registration_cancel(registration_id=registration.pk, actor=UserFactory())
    registration.refresh_from_db()
    assert registration.status == "registered"


def test_a_cancelled_person_may_register_again():
    event = EventFactory(capacity=5)
    user = UserFactory()
    first = _register(event, user)
    services.registration_cancel(registration_id=first.pk, actor=user)
    assert _register(event, user).status == "registered"


def test_reminders_go_once_the_day_before(mailoutbox, django_capture_on_commit_callbacks):
    event = EventFactory(starts_at=timezone.now() + timedelta(hours=20))
    later = EventFactory(starts_at=timezone.now() + timedelta(days=3))
    registration = RegistrationFactory(event=event)
    RegistrationFactory(event=later)
    RegistrationFactory(event=event, status="waitlisted")
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_reminders() == 1
    assert services.send_reminders() == 0
    registration.refresh_from_db()
    assert registration.reminded_at is not None
    assert [m.subject for m in mailoutbox] == [f"Tomorrow: {event.title['en']}"]
    with time_machine.travel(timezone.now() + timedelta(days=2, hours=1)):
        assert services.send_reminders() == 1  # the later event, now within a day


def test_a_member_registers_for_their_organisation_and_gets_a_confirmation(
    ministry, django_capture_on_commit_callbacks
):
    colleague = UserFactory()
    MembershipFactory(user=colleague, organisation=ministry, role=MembershipRole.MEMBER)
    with django_capture_on_commit_callbacks(execute=True):
        registration = _register(EventFactory(), colleague)
    assert registration.organisation_id == ministry.pk
    assert mail.outbox[-1].to == [colleague.email]
    assert mail.outbox[-1].subject.startswith("You are registered")
