"""Board days are Geneva days (the secretariat's clock), not UTC days: a term that ends
on 14 February ends at midnight in Geneva."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from alliance.core.kernel.machines import day_over


def board_today() -> date:
    return timezone.localdate(timezone=ZoneInfo(settings.ALLIANCE_TIME_ZONE))


def end_of_day(day: date | None) -> datetime | None:
    """The second after `day` is over in Geneva (when a term that ends on `day` has ended)."""
    return day_over(day, ZoneInfo(settings.ALLIANCE_TIME_ZONE))


def meeting_day(meeting) -> date:
    return meeting.starts_at.astimezone(ZoneInfo(meeting.time_zone)).date()
