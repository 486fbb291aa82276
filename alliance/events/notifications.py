"""Messages of community events (alliance.notifications): the confirmation of a
registration (with a calendar invitation), a place on the waiting list, the move up from
it, the reminder of the day before and the cancellation of an event. Each in the person's
language, in their inbox and by email."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from alliance.notifications.registry import CalendarEntry, calendar, kind, on

from .ical import invitation
from .models import Registration
from .states import RegistrationStatus

kind(
    "events.registrations",
    _("Your registrations for events"),
    description=_(
        "Confirmations with a calendar file, the waiting list, reminders and cancellations."
    ),
    # The calendar file travels only on emails sent at once, never in a digest.
    essential=True,
    order=70,
)


def _calendar_file(cancel: bool):
    def attach(registration, event, user) -> list:
        content = invitation(
            registration.event,
            email=user.email,
            name=user.full_name or user.email,
            language=translation.get_language() or settings.LANGUAGE_CODE,
            cancel=cancel,
        )
        method = "CANCEL" if cancel else "REQUEST"
        return [("invitation.ics", content, f"text/calendar; method={method}; charset=utf-8")]

    return attach


def _detail(registration, event) -> str:
    return reverse("events:detail", args=[registration.event_id])


MESSAGES = [
    # verb, subject, calendar file (None: none; True: cancel)
    ("registration.registered", _("You are registered: %(event)s"), False),
    ("registration.waitlisted", _("You are on the waiting list: %(event)s"), None),
    ("registration.promoted", _("A place is free for you: %(event)s"), False),
    ("registration.reminded", _("Tomorrow: %(event)s"), None),
    ("registration.cancelled", _("Your registration is cancelled: %(event)s"), True),
    ("event.cancelled_for_registration", _("Cancelled: %(event)s"), True),
]

for verb, subject, cancel in MESSAGES:
    on(
        verb,
        kind="events.registrations",
        recipients=lambda registration, event: [registration.user],
        subject=subject,
        subject_args=lambda registration, event: {"event": str(registration.event.title)},
        template="events/email/registration.txt",
        url=_detail,
        context=lambda registration, event: {
            "registration": registration,
            "event": registration.event,
            "verb": event.verb,
        },
        attachments=None if cancel is None else _calendar_file(cancel),
        related=("event", "user"),
    )


@calendar
def registered_events(user):
    """The events the person holds a seat at, in their personal calendar feed."""
    rows = Registration.objects.filter(
        user=user, status=RegistrationStatus.REGISTERED, event__status="published"
    ).select_related("event")
    return [
        CalendarEntry(
            uid=f"community-event-{r.event_id}",
            summary=str(r.event.title),
            start=r.event.starts_at,
            end=r.event.ends_at,
            url=reverse("events:detail", args=[r.event_id]),
        )
        for r in rows
    ]
