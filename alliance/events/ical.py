"""An event's calendar invitation for one registered person (RFC 5545 / iTIP RFC 5546),
as the Board's meeting invitations (alliance/board/ical.py): one UID per event, SEQUENCE
raised on every change, METHOD:CANCEL when the event or the registration is cancelled,
the event's time zone as a VTIMEZONE."""

from datetime import timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress, vText

from alliance.core.site import site_host, site_url


def event_uid(event) -> str:
    return f"community-event-{event.pk}@{site_host()}"


def invitation(event, *, email: str, name: str, language: str, cancel: bool = False) -> bytes:
    zone = ZoneInfo(event.time_zone)
    with translation.override(language):
        cal = Calendar()
        cal.add("prodid", "-//Alliance Hub//Community events//EN")
        cal.add("version", "2.0")
        cal.add("calscale", "GREGORIAN")
        cal.add("method", "CANCEL" if cancel else "REQUEST")
        entry = Event()
        entry.add("uid", event_uid(event))
        entry.add("sequence", event.sequence)
        entry.add("status", "CANCELLED" if cancel else "CONFIRMED")
        entry.add("summary", str(event.title.text(language)))
        entry.add("description", str(event.description.text(language)))
        entry.add("dtstart", event.starts_at.astimezone(zone))
        entry.add("dtend", event.ends_at.astimezone(zone))
        entry.add("dtstamp", timezone.now())
        # The place and the link are for the people registered: this file is theirs.
        location = ", ".join(p for p in [event.place, event.online_url] if p)
        if location:
            entry.add("location", location)
        entry.add("url", event.online_url or site_url(reverse("events:detail", args=[event.pk])))
        sender = settings.DEFAULT_FROM_EMAIL.split("<")[-1].strip("> ")
        organizer = vCalAddress(f"mailto:{sender}")
        organizer.params["cn"] = vText(_("Alliance secretariat"))
        entry["organizer"] = organizer
        attendee = vCalAddress(f"mailto:{email}")
        attendee.params["cn"] = vText(name)
        attendee.params["role"] = vText("REQ-PARTICIPANT")
        attendee.params["rsvp"] = vText("FALSE")
        entry.add("attendee", attendee, encode=0)
        cal.add_component(entry)
        cal.add_missing_timezones(
            first_date=(event.starts_at - timedelta(days=366)).date(),
            last_date=(event.ends_at + timedelta(days=366)).date(),
        )
    return cal.to_ical()
