from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress, vText


def _host() -> str:
    return settings.SITE_URL.split("//")[-1].split("/")[0]


def meeting_invitation(meeting, *, attendee_email: str, attendee_name: str, language: str) -> bytes:
    """A METHOD:REQUEST invitation that calendar programs add to the member's calendar."""
    zone = ZoneInfo(meeting.time_zone)
    cal = Calendar()
    cal.add("prodid", "-//Alliance Hub//Digital Innovation Board//EN")
    cal.add("version", "2.0")
    cal.add("method", "REQUEST")
    event = Event()
    event.add("uid", f"board-meeting-{meeting.pk}@{_host()}")
    event.add("sequence", meeting.sequence)
    event.add("summary", str(meeting.title.text(language)))
    event.add("dtstart", meeting.starts_at.astimezone(zone))
    event.add("dtend", meeting.ends_at.astimezone(zone))
    event.add("dtstamp", timezone.now())
    location = ", ".join(p for p in [meeting.place, meeting.online_url] if p)
    if location:
        event.add("location", location)
    if meeting.online_url:
        event.add("url", meeting.online_url)
    organizer = vCalAddress(f"mailto:{settings.DEFAULT_FROM_EMAIL.split('<')[-1].strip('> ')}")
    organizer.params["cn"] = vText("Digital Innovation Board secretariat")
    event["organizer"] = organizer
    attendee = vCalAddress(f"mailto:{attendee_email}")
    attendee.params["cn"] = vText(attendee_name)
    attendee.params["role"] = vText("REQ-PARTICIPANT")
    attendee.params["rsvp"] = vText("TRUE")
    event.add("attendee", attendee, encode=0)
    cal.add_component(event)
    return cal.to_ical()
