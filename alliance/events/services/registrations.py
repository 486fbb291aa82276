"""Registrations: register (or join the waiting list), cancel (the first person waiting
moves up and is told), and the reminders of the day before.

The event's row is locked for every change of its seats, so two people cannot take its
last seat: the second waits for the first to commit, then counts the seats again."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.accounts.models import User
from alliance.core import kernel
from alliance.core.states import TransitionRefused

from ..models import Event, Registration
from ..policy import joined_organisation_ids
from ..states import EventStatus, RegistrationStatus
from .events import registered_count

R = RegistrationStatus


def _clean_answers(event: Event, answers: dict) -> dict:
    """{question id: answer} for this event's questions only; required ones answered."""
    answers = {str(k): (v or "").strip()[:2000] for k, v in (answers or {}).items()}
    kept = {}
    missing = []
    for question in event.questions.all():
        answer = answers.get(str(question.pk), "")
        if question.required and not answer:
            missing.append(str(question.text))
        if answer:
            kept[str(question.pk)] = answer
    if missing:
        raise TransitionRefused(
            _("Answer these questions: %s") % "; ".join(missing), code="answers_missing"
        )
    return kept


def _organisation_for(user: User, event: Event) -> int | None:
    """The organisation the person registers for: one that joined (for a members' event),
    else their first membership; None for a person with none."""
    roles = user.organisation_roles()
    if event.members_only:
        joined = sorted(joined_organisation_ids(user))
        return joined[0] if joined else None
    return min(roles) if roles else None


@transaction.atomic
def registration_create(*, event_id: int, actor: User, answers: dict | None = None) -> Registration:
    event = kernel.lock(Event, event_id)
    kernel.check(event, "register", actor)
    if event.has_ended:  # the table's `when` hides the button; the service refuses
        raise TransitionRefused(_("Registration is closed for this event."), "registration_closed")
    if Registration.objects.filter(event=event, user=actor).exclude(status=R.CANCELLED).exists():
        raise TransitionRefused(_("You are already registered for this event."), "registered")
    kept = _clean_answers(event, answers or {})
    full = registered_count(event) >= event.capacity
    status = R.WAITLISTED if full else R.REGISTERED
    registration = Registration(
        event=event,
        user=actor,
        organisation_id=_organisation_for(actor, event),
        status=status,
        answers=kept,
    )
    verb = "registration.waitlisted" if full else "registration.registered"
    return kernel.create(registration, actor=actor, verb=verb, after=str(status))


def promote_next(event: Event) -> Registration | None:
    """On a locked event with a free seat: the first person waiting gets it, and is told."""
    if registered_count(event) >= event.capacity:
        return None
    waiting = event.registrations.filter(status=R.WAITLISTED).order_by("created_at", "pk").first()
    if waiting is None:
        return None
    waiting = kernel.lock(Registration, waiting.pk)
    return kernel.transition(waiting, "promote", actor=None, fields={"promoted_at": timezone.now()})


@transaction.atomic
def registration_cancel(*, registration_id: int, actor: User) -> Registration:
    # Parent first (the lock order): the event's seats, then the registration.
    event_id = Registration.objects.values_list("event_id", flat=True).get(pk=registration_id)
    event = kernel.lock(Event, event_id)
    registration = kernel.lock(Registration, registration_id, related=("event",))
    registration.event = event
    held_seat = registration.status == R.REGISTERED
    kernel.check(registration, "cancel", actor)
    if event.has_ended:
        raise TransitionRefused(_("The event is over: nothing to cancel."), "event_ended")
    kernel.transition(registration, "cancel", actor=actor, fields={"cancelled_at": timezone.now()})
    if held_seat and event.status == EventStatus.PUBLISHED:
        promote_next(event)
    return registration


def _due_registrations(now):
    """Registered people of published events that start within the next day, not reminded."""
    return Registration.objects.filter(
        status=R.REGISTERED,
        reminded_at__isnull=True,
        event__status=EventStatus.PUBLISHED,
        event__starts_at__gt=now,
        event__starts_at__lte=now + timedelta(days=1),
    )


def send_reminders(now=None) -> int:
    """Remind each person registered for an event that starts within a day, once: each
    row is locked and checked again, so two runs never send a reminder twice."""
    now = now or timezone.now()
    sent = 0
    for pk in list(_due_registrations(now).values_list("pk", flat=True).order_by("pk")):
        with transaction.atomic():
            registration = kernel.lock(Registration, pk, related=("event",))
            if registration.reminded_at is not None or registration.status != R.REGISTERED:
                continue  # another run took it meanwhile
            kernel.transition(registration, "remind", actor=None, fields={"reminded_at": now})
            sent += 1
    return sent
