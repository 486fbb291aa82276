"""Independent checks of an iCalendar file, as calendar programs read it: icalendar and
vobject both parse it, every TZID used has its VTIMEZONE, and both read the same instants."""

from datetime import UTC, datetime

import vobject
from icalendar import Calendar


def checked_calendar(body: bytes | str) -> Calendar:
    body = body.encode() if isinstance(body, str) else body
    cal = Calendar.from_ical(body)
    assert cal.get_missing_tzids() == set(), "a TZID without its VTIMEZONE"
    defined = {tz.tz_name for tz in cal.timezones}
    assert cal.get_used_tzids() <= defined
    parsed = vobject.readOne(body.decode())
    ours = {str(e["UID"]): e.decoded("DTSTART") for e in cal.walk("VEVENT")}
    theirs = {e.uid.value: e.dtstart.value for e in getattr(parsed, "vevent_list", [])}
    assert ours.keys() == theirs.keys()
    for uid, start in ours.items():
        if isinstance(start, datetime):
            # vobject builds the zone from the file's own VTIMEZONE.
            assert start.astimezone(UTC) == theirs[uid].astimezone(UTC), uid
        else:
            assert start == theirs[uid], uid
    return cal
