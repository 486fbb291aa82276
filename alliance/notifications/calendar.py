"""A person's own deadlines as an iCalendar feed (RFC 5545), times in UTC."""

from datetime import UTC, date, datetime, timedelta

from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar, Event

from alliance.core.site import site_host, site_url

from .delivery import language_of
from .selectors import calendar_entries


def feed_url(raw: str) -> str:
    return site_url(reverse("calendar_feed", args=[raw]))


def feed_for(user) -> bytes:
    with translation.override(language_of(user)):
        cal = Calendar()
        cal.add("prodid", "-//Alliance Hub//Personal deadlines//EN")
        cal.add("version", "2.0")
        cal.add("calscale", "GREGORIAN")
        cal.add("x-wr-calname", translation.gettext("Alliance Hub: your dates"))
        stamp = timezone.now().astimezone(UTC)
        for entry in calendar_entries(user):
            cal.add_component(_event(entry, stamp))
        # Times are in UTC today; a source that gives local times gets its VTIMEZONE.
        cal.add_missing_timezones()
    return cal.to_ical()


def _event(entry, stamp) -> Event:
    event = Event()
    event.add("uid", f"{entry.uid}@{site_host()}")
    event.add("dtstamp", stamp)
    event.add("summary", str(entry.summary))
    start, end = entry.start, entry.end
    if isinstance(start, datetime):
        event.add("dtstart", start.astimezone(UTC))
        event.add("dtend", (end or start + timedelta(minutes=30)).astimezone(UTC))
    elif isinstance(start, date):
        event.add("dtstart", start)
        event.add("dtend", end or start + timedelta(days=1))
    if entry.url:
        event.add("url", site_url(entry.url))
    if entry.description:
        event.add("description", str(entry.description))
    return event
