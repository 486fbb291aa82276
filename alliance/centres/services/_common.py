from datetime import date, timedelta

from django.db import transaction

from ..cache import bump_registry
from ..notifications import email_centre


def add_years(day: date, years: int) -> date:
    """The same day `years` later; 29 February becomes 1 March in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return date(day.year + years, 3, 1)


def term_end(start: date, years: int = 3) -> date:
    """Last day of a term of `years` starting on `start` (the next term starts the day after)."""
    return add_years(start, years) - timedelta(days=1)


def after_commit_public_change(centre_id: int | None = None, kind: str | None = None, **kw):
    transaction.on_commit(bump_registry)
    if centre_id and kind:
        transaction.on_commit(lambda: email_centre.enqueue(centre_id, kind, **kw))
