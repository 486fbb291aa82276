"""An event's calendar invitation for one registered person, built as the Board's meeting
invitations are (alliance/core/ical.py): METHOD:CANCEL when the event or the registration
is cancelled."""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from alliance.core import ical
from alliance.core.site import site_host, site_url


def event_uid(event) -> str:
    return f"community-event-{event.pk}@{site_host()}"


def invitation(event, *, email: str, name: str, language: str, cancel: bool = False) -> bytes:
    with translation.override(language):
        return ical.invitation(
            prodid="-//Alliance Hub//Community events//EN",
            uid=event_uid(event),
            sequence=event.sequence,
            cancelled=cancel,
            summary=str(event.title.text(language)),
            description=str(event.description.text(language)),
            starts_at=event.starts_at,
            ends_at=event.ends_at,
            time_zone=event.time_zone,
            # The place and the link are for the people registered: this file is theirs.
            places=[event.place, event.online_url],
            url=event.online_url or site_url(reverse("events:detail", args=[event.pk])),
            organizer_name=_("Alliance secretariat"),
            attendee_email=email,
            attendee_name=name,
            rsvp=False,
        )
