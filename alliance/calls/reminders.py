"""Reminders sent by the deadline command: drafts of calls closing in 7 and 1 days, and
reviews due within 2 days or late (at most once every 3 days per review). Each reminder
is claimed first (a ReminderSent row, or a conditional UPDATE), and its messages are
announced in the claiming transaction, so a second run, even at the same time, sends
nothing twice."""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from alliance.core import kernel

from .models import Application, ReminderSent, ReviewAssignment
from .states import ASSIGNMENT_ACTIVE, ApplicationStatus, CallStatus


def _claim(key: str) -> bool:
    try:
        with transaction.atomic():
            ReminderSent.objects.create(key=key)
    except IntegrityError:
        return False
    return True


def _remind_drafters(now) -> int:
    sent = 0
    for days in (7, 1):
        drafts = Application.objects.filter(
            status=ApplicationStatus.DRAFT,
            call__status=CallStatus.OPEN,
            call__closes_at__gt=now,
            call__closes_at__lte=now + timedelta(days=days),
        ).order_by("pk")
        for application in drafts:
            with transaction.atomic():
                if _claim(f"closing-{days}d-application-{application.pk}"):
                    kernel.announce(
                        "application.closing_reminder", application, context={"days": days}
                    )
                    sent += 1
    return sent


def _remind_reviewers(now) -> int:
    sent = 0
    not_recently = Q(reminded_at__isnull=True) | Q(reminded_at__lte=now - timedelta(days=3))
    due = ReviewAssignment.objects.filter(
        status__in=ASSIGNMENT_ACTIVE, due_at__lte=now + timedelta(days=2)
    ).filter(not_recently)
    for pk in list(due.order_by("pk").values_list("pk", flat=True)):
        with transaction.atomic():
            # The conditional UPDATE claims the reminder: a concurrent run updates nothing.
            claimed = (
                ReviewAssignment.objects.filter(pk=pk).filter(not_recently).update(reminded_at=now)
            )
            if claimed:
                assignment = ReviewAssignment.objects.get(pk=pk)
                kernel.announce("review.reminder_due", assignment)
                sent += 1
    return sent


def send_due_reminders(now=None) -> int:
    now = now or timezone.now()
    return _remind_drafters(now) + _remind_reviewers(now)
