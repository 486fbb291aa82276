"""Times are stored in UTC and shown in Geneva time (the secretariat's clock) and UTC, and
also in the reader's own time zone when they chose one (the active time zone, see
alliance.accounts.middleware.UserTimeZoneMiddleware)."""

from datetime import UTC
from functools import lru_cache
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from alliance.core.formatting import ldate, ltime


def geneva(value):
    return timezone.localtime(value, ZoneInfo(settings.ALLIANCE_TIME_ZONE))


def _reader_zone():
    """The reader's own zone, or None when Geneva time and UTC already say it."""
    name = timezone.get_current_timezone_name()
    if name in (settings.TIME_ZONE, settings.ALLIANCE_TIME_ZONE, "UTC"):
        return None
    return timezone.get_current_timezone()


def format_deadline(value) -> str:
    # A reviewer's queue shows the same few deadlines on fifty rows, and each one costs
    # three Babel formats and a translation: the text depends only on the moment, the
    # language and the reader's zone, so each is made once per process.
    return _format_deadline(value, get_language(), timezone.get_current_timezone_name())


@lru_cache(maxsize=4096)
def _format_deadline(value, _language: str, _zone: str) -> str:
    local = geneva(value)
    utc = value.astimezone(UTC)
    parts = {
        # Dates and times of the given zones (naive, so that the reader's zone is not applied).
        "date": ldate(local.date()),
        "time": ltime(local.time()),
        "utc": ldate(utc.date()) + " " + ltime(utc.time()),
    }
    zone = _reader_zone()
    if zone is None:
        return _("%(date)s at %(time)s Geneva time (%(utc)s UTC)") % parts
    mine = value.astimezone(zone)
    # The date only when it is not Geneva's: a Geneva evening can be tomorrow in Asia.
    parts["mine"] = ltime(mine.time())
    if mine.date() != local.date():
        parts["mine"] = ldate(mine.date()) + " " + parts["mine"]
    parts["zone"] = str(zone).replace("_", " ")
    return (
        _("%(date)s at %(time)s Geneva time (%(utc)s UTC; %(mine)s in your time zone, %(zone)s)")
        % parts
    )


def countdown(value, now=None) -> str:
    """Server-side countdown text: the browser's clock plays no part."""
    now = now or timezone.now()
    seconds = (value - now).total_seconds()
    if seconds <= 0:
        return _("Closed")
    days = int(seconds // 86400)
    if days >= 1:
        return ngettext("Closes in %(n)d day", "Closes in %(n)d days", days) % {"n": days}
    hours = int(seconds // 3600)
    if hours >= 1:
        return ngettext("Closes in %(n)d hour", "Closes in %(n)d hours", hours) % {"n": hours}
    minutes = max(1, int(seconds // 60))
    return ngettext("Closes in %(n)d minute", "Closes in %(n)d minutes", minutes) % {"n": minutes}


@receiver(setting_changed)
def _zone_changed(setting, **kwargs):
    # The texts kept above read the Alliance's zone: a test that overrides it starts afresh.
    if setting in {"ALLIANCE_TIME_ZONE", "TIME_ZONE"}:
        _format_deadline.cache_clear()
