"""The daily deadline job (`manage.py centres_deadlines`): reminders and expiry.

Each accreditation is handled in its own transaction, under its lock, so that a second run
(or a second server) finds the work done: a reminder is claimed through the unique
(accreditation, step) row, an expiry by the accreditation's state as the lock reads it."""

from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from alliance.core import kernel

from ..models import Accreditation, Centre, RenewalEvaluation, RenewalReminder
from ..states import (
    ACCREDITATION,
    CENTRE,
    CURRENT_ACCREDITATION_STATUSES,
    OPEN_EVALUATION_STATUSES,
    REMINDED,
    REMINDER_DAYS,
    AccreditationStatus,
)
from .common import registry_changed

A = AccreditationStatus
EXPIRING = sorted(ACCREDITATION.action("expire").source)


def send_due_reminders(today: date) -> int:
    """Remind each accreditation ending within 180, 90 or 30 days, once per step."""
    sent = 0
    horizon = today + timedelta(days=max(REMINDER_DAYS))
    due = Accreditation.objects.filter(
        status__in=REMINDED, end_date__gte=today, end_date__lte=horizon
    ).values_list("pk", flat=True)
    for pk in due:
        with transaction.atomic():
            sent += _remind(pk, today)
    return sent


def _claim(accreditation: Accreditation, step: int) -> bool:
    try:
        with transaction.atomic():
            RenewalReminder.objects.create(accreditation=accreditation, days_before=step)
    except IntegrityError:
        return False
    return True


def _remind(pk: int, today: date) -> bool:
    accreditation = kernel.lock(Accreditation, pk)
    if accreditation.status not in REMINDED or accreditation.end_date < today:
        return False  # suspended or ended since the list was read
    left = (accreditation.end_date - today).days
    # A late first run claims every step it missed and sends one reminder for them.
    claimed = []
    for step in REMINDER_DAYS:
        if left <= step and _claim(accreditation, step):
            claimed.append(step)
    if not claimed:
        return False
    if accreditation.status == A.ACTIVE:
        kernel.transition(
            accreditation,
            "mark_renewal_due",
            actor=None,
            fields={"status_changed_at": timezone.now()},
        )
    kernel.record(
        accreditation,
        actor=None,
        verb="accreditation.reminder_sent",
        after={"days_before": min(claimed), "days_left": left},
        context={"days": left},
    )
    registry_changed()
    return True


def expire_ended(today: date) -> int:
    """Accreditations past their last day without a renewal expire; so do their centres."""
    expired = 0
    ended = Accreditation.objects.filter(end_date__lt=today, status__in=EXPIRING).values_list(
        "pk", "centre_id"
    )
    for pk, centre_id in ended:
        with transaction.atomic():
            expired += _expire(pk, centre_id, today)
    return expired


def _expire(pk: int, centre_id: int, today: date) -> bool:
    centre = kernel.lock(Centre, centre_id)
    accreditation = kernel.lock(Accreditation, pk)
    if accreditation.end_date >= today or accreditation.status not in EXPIRING:
        return False  # expired by another run, or changed since the list was read
    # Pages and checks read it as expired since the end of its last day; this records it.
    kernel.settle(accreditation, now=kernel.day_over(today - timedelta(days=1)))
    # An evaluation still open lapses with the term (one audited change each; the message
    # is the expiry's).
    open_evaluations = RenewalEvaluation.objects.filter(
        accreditation_id=pk, status__in=OPEN_EVALUATION_STATUSES
    )
    for evaluation in kernel.lock_rows(open_evaluations):
        kernel.transition(evaluation, "lapse", actor=None, notify=False)
    still_held = centre.accreditations.filter(
        Q(status__in=CURRENT_ACCREDITATION_STATUSES) | Q(status__in=[A.RENEWED, A.LAPSED]),
        end_date__gte=today,
    ).exists()
    if not still_held and "expire" in CENTRE.available(centre.status):
        kernel.transition(centre, "expire", actor=None)
    registry_changed()
    return True
