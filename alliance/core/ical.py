"""Calendar invitations (RFC 5545 / iTIP RFC 5546) for one attendee, shared by the Board's
meetings and the community events.

One UID per meeting or event; every change the attendee must see raises SEQUENCE, and a
cancellation is sent as METHOD:CANCEL so calendar programs remove the entry. The local time
zone travels as a VTIMEZONE, so every program shows the same hour."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress, vText


def invitation(
    *,
    prodid: str,
    uid: str,
    sequence: int,
    cancelled: bool,
    summary: str,
    starts_at: datetime,
    ends_at: datetime,
    time_zone: str,
    places: list[str],
    organizer_name: str,
    attendee_email: str,
    attendee_name: str,
    rsvp: bool,
    description: str | None = None,
    url: str | None = None,
) -> bytes:
    """The caller activates the attendee's language: `organizer_name` and the texts are
    already translated."""
    zone = ZoneInfo(time_zone)
    cal = Calendar()
    cal.add("prodid", prodid)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "CANCEL" if cancelled else "REQUEST")
    entry = Event()
    entry.add("uid", uid)
    entry.add("sequence", sequence)
    entry.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    entry.add("summary", summary)
    if description is not None:
        entry.add("description", description)
    entry.add("dtstart", starts_at.astimezone(zone))
    entry.add("dtend", ends_at.astimezone(zone))
    entry.add("dtstamp", timezone.now())
    location = ", ".join(p for p in places if p)
    if location:
        entry.add("location", location)
    if url:
        entry.add("url", url)
    sender = settings.DEFAULT_FROM_EMAIL.split("<")[-1].strip("> ")
    organizer = vCalAddress(f"mailto:{sender}")
    organizer.params["cn"] = vText(organizer_name)
    entry["organizer"] = organizer
    attendee = vCalAddress(f"mailto:{attendee_email}")
    attendee.params["cn"] = vText(attendee_name)
    attendee.params["role"] = vText("REQ-PARTICIPANT")
    attendee.params["rsvp"] = vText("TRUE" if rsvp else "FALSE")
    entry.add("attendee", attendee, encode=0)
    cal.add_component(entry)
    # The zone's rules around the date only: a year either side, not since 1970.
    cal.add_missing_timezones(
        first_date=(starts_at - timedelta(days=366)).date(),
        last_date=(ends_at + timedelta(days=366)).date(),
    )
    return cal.to_ical()
