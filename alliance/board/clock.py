"""Board days are Geneva days (the secretariat's clock), not UTC days: a term that ends
on 14 February ends at midnight in Geneva."""

from datetime import date
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone


def board_today() -> date:
    return timezone.localdate(timezone=ZoneInfo(settings.ALLIANCE_TIME_ZONE))


def meeting_day(meeting) -> date:
    return meeting.starts_at.astimezone(ZoneInfo(meeting.time_zone)).date()
