"""Dates, numbers, amounts and country names for the reader's language, from CLDR (Babel and
django-countries), in the reader's time zone. Templates use the core_tags filters
`ldate`, `ldatetime`, `number`, `money`; Python code (audit sentences, exports, emails)
calls these functions, always under the reader's active language and zone."""

import datetime
import re
from decimal import Decimal, InvalidOperation

from babel import Locale, UnknownLocaleError
from babel import dates as babel_dates
from babel import numbers as babel_numbers
from django.utils import timezone
from django.utils.translation import to_locale

from .languages import current_language


def locale() -> Locale:
    try:
        return Locale.parse(to_locale(current_language()))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def _as_datetime(value):
    if isinstance(value, str):
        try:
            value = datetime.datetime.fromisoformat(value)
        except ValueError:
            try:
                return datetime.date.fromisoformat(value)
            except ValueError:
                return None
    return value


def ldate(value, length: str = "long") -> str:
    """ "8 January 2027", "8 janvier 2027", "2027年1月8日"; `length` is short, medium or long.
    A time is read in the reader's zone first (a deadline at 23:00 UTC is the next day in
    Nairobi). ISO strings (as the audit trail stores them) are accepted."""
    value = _as_datetime(value)
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        value = value.date()
    if not isinstance(value, datetime.date):
        return ""
    return babel_dates.format_date(value, length, locale=locale())


def ldatetime(value, arg: str = "") -> str:
    """Date and time in the reader's zone: "8 janvier 2027, 15:30". `"zone"` adds the zone's
    name, for deadlines ("… 15:30 (Europe/Zurich)")."""
    value = _as_datetime(value)
    if not isinstance(value, datetime.datetime):
        return ldate(value)
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    where = locale()
    text = where.datetime_formats["medium"].format(
        _clock(value, where),
        babel_dates.format_date(value, "long", locale=where),
    )
    if arg == "zone":
        text += f" ({timezone.get_current_timezone_name()})"
    return text


def _decimal(value):
    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def number(value) -> str:
    """1 234 567,5 in French, 1,234,567.5 in English; anything not a number is shown as is."""
    amount = _decimal(value)
    if amount is None:
        return "" if value is None else str(value)
    return babel_numbers.format_decimal(amount, locale=locale())


def money(value, currency: str = "USD") -> str:
    """An amount with its ISO currency code, as ITU documents write it: "USD 150,000",
    "150 000 USD". Whole amounts show no cents."""
    amount = _decimal(value)
    if amount is None:
        return "" if value is None else str(value)
    where = locale()
    pattern = where.currency_formats["standard"].pattern.replace("¤", "¤¤")
    # A code, unlike a symbol, is set apart from the digits (CLDR's currency spacing).
    pattern = re.sub(r"¤¤(?=[#0])", "¤¤\u00a0", pattern)
    pattern = re.sub(r"(?<=[#0])¤¤", "\u00a0¤¤", pattern)
    if amount == amount.to_integral_value():
        pattern = pattern.replace(".00", "")
    return babel_numbers.format_currency(
        amount, currency, format=pattern, locale=where, currency_digits=False
    )


def country_choices(blank: str = "—") -> list[tuple[str, str]]:
    """Every country, named and sorted in the reader's language (django-countries, CLDR).
    Call it when a form is built, never at import: the list would stay in one language."""
    from django_countries import countries

    return [("", blank), *((code, str(name)) for code, name in countries)]


def ltime(value) -> str:
    """The time of day in the reader's zone and language: "15:30", "3:30 PM"."""
    value = _as_datetime(value)
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    if not isinstance(value, datetime.datetime | datetime.time):
        return ""
    return _clock(value, locale())


def _clock(value, where: Locale) -> str:
    # The 24-hour clock in every language, as ITU writes times ("23:59 Geneva time").
    return babel_dates.format_skeleton("Hm", value, locale=where)
