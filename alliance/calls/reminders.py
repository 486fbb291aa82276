"""Reminders sent by the deadline command: drafts of calls closing in 7 and 1 days, and
reviews due within 2 days or late (at most once every 3 days per review)."""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from .models import Application, ReminderSent, ReviewAssignment
from .states import ASSIGNMENT_ACTIVE, ApplicationStatus, CallStatus
from .tasks import email_applicants, email_reviewer


def _claim(key: str) -> bool:
    try:
        with transaction.atomic():
            ReminderSent.objects.create(key=key)
    except IntegrityError:
        return False
    return True


def send_due_reminders(now=None) -> int:
    now = now or timezone.now()
    sent = 0
    for days in (7, 1):
        drafts = Application.objects.filter(
            status=ApplicationStatus.DRAFT,
            call__status=CallStatus.OPEN,
            call__closes_at__gt=now,
            call__closes_at__lte=now + timedelta(days=days),
        ).values_list("pk", flat=True)
        for pk in drafts:
            if _claim(f"closing-{days}d-application-{pk}"):
                email_applicants.enqueue(pk, "closing")
                sent += 1
    due = ReviewAssignment.objects.filter(
        status__in=ASSIGNMENT_ACTIVE, due_at__lte=now + timedelta(days=2)
    ).filter(Q(reminded_at__isnull=True) | Q(reminded_at__lte=now - timedelta(days=3)))
    for pk in list(due.values_list("pk", flat=True)):
        # The conditional UPDATE claims the reminder: a concurrent run updates nothing.
        claimed = (
            ReviewAssignment.objects.filter(pk=pk)
            .filter(Q(reminded_at__isnull=True) | Q(reminded_at__lte=now - timedelta(days=3)))
            .update(reminded_at=now)
        )
        if claimed:
            email_reviewer.enqueue(pk, "reminder")
            sent += 1
    return sent
