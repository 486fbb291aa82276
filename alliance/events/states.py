"""Transition tables of community events and of registrations to them.

An event is drafted, published, and perhaps cancelled; it is "past" once its end has passed
(a date, not a status: nothing has to run for it to hold). A registration is registered or
waitlisted when made, may be cancelled by its person, and after the event the organisers
mark it attended or no-show. docs/states/events.md shows the tables.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance.core.audit_verbs import VERBS
from alliance.core.kernel import Action, Machine


class EventStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    CANCELLED = "cancelled", _("Cancelled")


def has_ended(event) -> bool:
    return event.ends_at <= timezone.now()


def not_ended(event) -> bool:
    return event.ends_at > timezone.now()


E = EventStatus
EVENT = Machine(
    "events.Event",
    EventStatus,
    {
        "edit": Action([E.DRAFT, E.PUBLISHED], None, "event.updated", rule="events.event.manage"),
        "publish": Action([E.DRAFT], E.PUBLISHED, "event.published", rule="events.event.manage"),
        "cancel": Action(
            [E.DRAFT, E.PUBLISHED],
            E.CANCELLED,
            "event.cancelled",
            rule="events.event.manage",
            when=not_ended,
        ),
        # After the event: attendance, materials and recordings.
        "record_attendance": Action(
            [E.PUBLISHED],
            None,
            "event.attendance_recorded",
            rule="events.event.manage",
            when=has_ended,
            refused=_("Attendance is recorded once the event has ended."),
            refused_code="not_ended",
        ),
        "add_material": Action(
            [E.PUBLISHED], None, "event.material_added", rule="events.event.manage"
        ),
        # A person registers for a published event that has not ended.
        "register": Action(
            [E.PUBLISHED],
            None,
            "event.registration_opened",
            rule="events.event.register",
            when=not_ended,
            refused=_("Registration is closed for this event."),
            refused_code="registration_closed",
        ),
    },
)


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    WAITLISTED = "waitlisted", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")
    ATTENDED = "attended", _("Attended")
    NO_SHOW = "no_show", _("Did not attend")


R = RegistrationStatus
# A registration that holds (or waits for) a seat.
ACTIVE = [R.REGISTERED, R.WAITLISTED]
REGISTRATION = Machine(
    "events.Registration",
    RegistrationStatus,
    {
        "cancel": Action(
            ACTIVE,
            R.CANCELLED,
            "registration.cancelled",
            rule="events.registration.cancel",
            when=lambda registration: not_ended(registration.event),
        ),
        # A seat freed by a cancellation goes to the first person waiting (the platform).
        "promote": Action([R.WAITLISTED], R.REGISTERED, "registration.promoted"),
        # The day before, by the scheduler (manage.py event_reminders).
        "remind": Action([R.REGISTERED], None, "registration.reminded"),
        "mark_attended": Action(
            [R.REGISTERED, R.NO_SHOW],
            R.ATTENDED,
            "registration.attended",
            rule="events.registration.mark",
        ),
        "mark_no_show": Action(
            [R.REGISTERED, R.ATTENDED],
            R.NO_SHOW,
            "registration.no_show",
            rule="events.registration.mark",
        ),
    },
)

# The audit trail's sentences for this app's verbs, kept with the app (and its catalog) so
# that the core catalogs need no change for a new app (ADR 0027).
VERBS.update(
    {
        "event.created": _("Event drafted"),
        "event.updated": _("Event updated"),
        "event.published": _("Event published"),
        "event.cancelled": _("Event cancelled"),
        "event.attendance_recorded": _("Attendance at the event recorded"),
        "event.material_added": _("Material added to the event"),
        "event.registration_opened": _("Registration for the event"),
        "registration.registered": _("Registered for the event"),
        "registration.waitlisted": _("Put on the event's waiting list"),
        "registration.cancelled": _("Registration cancelled"),
        "registration.promoted": _("Moved up from the waiting list"),
        "registration.reminded": _("Reminder of the event sent"),
        "registration.attended": _("Marked as attended"),
        "registration.no_show": _("Marked as not attended"),
    }
)
