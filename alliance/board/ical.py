"""Board meeting invitations as iCalendar files (RFC 5545 / iTIP RFC 5546).

One UID per meeting; every change the member must see raises SEQUENCE, and a cancelled
meeting is sent as METHOD:CANCEL so calendar programs remove the entry. The local time
zone travels as a VTIMEZONE, so every program shows the same hour."""

from datetime import timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress, vText

from alliance.core.site import site_host

from .states import MeetingStatus


def meeting_uid(meeting) -> str:
    return f"board-meeting-{meeting.pk}@{site_host()}"


def meeting_invitation(meeting, *, attendee_email: str, attendee_name: str, language: str) -> bytes:
    """A METHOD:REQUEST invitation (METHOD:CANCEL once the meeting is cancelled) that
    calendar programs add to, update in or remove from the member's calendar."""
    cancelled = meeting.status == MeetingStatus.CANCELLED
    zone = ZoneInfo(meeting.time_zone)
    with translation.override(language):
        cal = Calendar()
        cal.add("prodid", "-//Alliance Hub//Digital Innovation Board//EN")
        cal.add("version", "2.0")
        cal.add("calscale", "GREGORIAN")
        cal.add("method", "CANCEL" if cancelled else "REQUEST")
        event = Event()
        event.add("uid", meeting_uid(meeting))
        event.add("sequence", meeting.sequence)
        event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
        event.add("summary", str(meeting.title.text(language)))
        event.add("dtstart", meeting.starts_at.astimezone(zone))
        event.add("dtend", meeting.ends_at.astimezone(zone))
        event.add("dtstamp", timezone.now())
        if cancelled:
            event.add(
                "description", _("This meeting of the Digital Innovation Board is cancelled.")
            )
        location = ", ".join(p for p in [meeting.place, meeting.online_url] if p)
        if location:
            event.add("location", location)
        if meeting.online_url:
            event.add("url", meeting.online_url)
        organizer = vCalAddress(f"mailto:{settings.DEFAULT_FROM_EMAIL.split('<')[-1].strip('> ')}")
        organizer.params["cn"] = vText(_("Digital Innovation Board secretariat"))
        event["organizer"] = organizer
        attendee = vCalAddress(f"mailto:{attendee_email}")
        attendee.params["cn"] = vText(attendee_name)
        attendee.params["role"] = vText("REQ-PARTICIPANT")
        attendee.params["rsvp"] = vText("FALSE" if cancelled else "TRUE")
        event.add("attendee", attendee, encode=0)
        cal.add_component(event)
        # The zone's rules around the meeting only: a year either side, not since 1970.
        cal.add_missing_timezones(
            first_date=(meeting.starts_at - timedelta(days=366)).date(),
            last_date=(meeting.ends_at + timedelta(days=366)).date(),
        )
    return cal.to_ical()
