from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event


def milestones_calendar(milestones, language: str) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//Alliance Hub//Key dates//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "Alliance Hub")
    host = settings.SITE_URL.split("//")[-1].split("/")[0]
    for m in milestones:
        event = Event()
        event.add("uid", f"milestone-{m.pk}@{host}")
        event.add("summary", str(m.title.text(language)))
        description = str(m.description.text(language))
        if description:
            event.add("description", description)
        if m.location:
            event.add("location", m.location)
        event.add("dtstart", m.date)
        event.add("dtend", m.date + timedelta(days=1))
        event.add("dtstamp", m.updated_at or timezone.now())
        cal.add_component(event)
    return cal.to_ical()
