"""The public key-dates feed (RFC 5545): the secretariat's key dates, the deadlines of
published calls and the Board's meetings, in the visitor's language. Board meetings keep
their local time zone, sent with its VTIMEZONE; call deadlines are in UTC."""

from datetime import timedelta
from zoneinfo import ZoneInfo

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from alliance.board.states import MeetingStatus
from alliance.calls.states import CallStatus
from alliance.core.site import site_host, site_url


def key_dates_calendar(milestones, calls, meetings, language: str) -> bytes:
    with translation.override(language):
        cal = Calendar()
        cal.add("prodid", "-//Alliance Hub//Key dates//EN")
        cal.add("version", "2.0")
        cal.add("calscale", "GREGORIAN")
        cal.add("x-wr-calname", _("Alliance Hub: key dates"))
        stamp = timezone.now()
        for m in milestones:
            cal.add_component(_milestone(m, language, stamp))
        for call in calls:
            cal.add_component(_deadline(call, stamp))
        meetings = list(meetings)
        for meeting in meetings:
            cal.add_component(_meeting(meeting, stamp))
        if meetings:
            cal.add_missing_timezones(
                first_date=(min(m.starts_at for m in meetings) - timedelta(days=366)).date(),
                last_date=(max(m.ends_at for m in meetings) + timedelta(days=366)).date(),
            )
    return cal.to_ical()


def _milestone(m, language: str, stamp) -> Event:
    event = Event()
    event.add("uid", f"milestone-{m.pk}@{site_host()}")
    event.add("summary", str(m.title.text(language)))
    description = str(m.description.text(language))
    if description:
        event.add("description", description)
    if m.location:
        event.add("location", m.location)
    event.add("dtstart", m.date)
    event.add("dtend", m.date + timedelta(days=1))
    event.add("dtstamp", m.updated_at or stamp)
    return event


def _deadline(call, stamp) -> Event:
    """A deadline is an instant: DTSTART alone (RFC 5545 §3.6.1), in UTC."""
    event = Event()
    event.add("uid", f"call-{call.pk}-deadline@{site_host()}")
    event.add("summary", _("Deadline: %(call)s") % {"call": call.title})
    event.add("dtstart", call.closes_at.astimezone(ZoneInfo("UTC")))
    event.add("dtstamp", stamp)
    event.add("url", site_url(reverse("calls:detail", args=[call.pk])))
    if call.status == CallStatus.CANCELLED:
        event.add("status", "CANCELLED")
    return event


def _meeting(meeting, stamp) -> Event:
    """Title and time only: the place and the online link stay in the members' area."""
    zone = ZoneInfo(meeting.time_zone)
    event = Event()
    event.add("uid", f"board-meeting-{meeting.pk}-public@{site_host()}")
    event.add("sequence", meeting.sequence)
    event.add("summary", _("Digital Innovation Board: %(meeting)s") % {"meeting": meeting.title})
    event.add("dtstart", meeting.starts_at.astimezone(zone))
    event.add("dtend", meeting.ends_at.astimezone(zone))
    event.add("dtstamp", stamp)
    cancelled = meeting.status == MeetingStatus.CANCELLED
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    return event
