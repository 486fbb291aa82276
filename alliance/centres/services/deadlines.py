"""The daily deadline job (`manage.py centres_deadlines`): reminders and expiry."""

from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from alliance.core.audit import record_event

from ..models import Accreditation, Centre, RenewalEvaluation, RenewalReminder
from ..states import (
    CURRENT_ACCREDITATION_STATUSES,
    REMINDER_DAYS,
    AccreditationStatus,
    CentreStatus,
    EvaluationStatus,
)
from ._common import after_commit_public_change
from .accreditation import (
    OPEN_EVALUATION_STATUSES,
)
from .centres import set_centre_status

A = AccreditationStatus


def send_due_reminders(today: date) -> int:
    """Claim each (accreditation, step) once through the unique constraint, then send."""
    sent = 0
    horizon = today + timedelta(days=max(REMINDER_DAYS))
    due = Accreditation.objects.filter(
        status__in=[A.ACTIVE, A.RENEWAL_DUE, A.UNDER_EVALUATION],
        end_date__gte=today,
        end_date__lte=horizon,
    ).only("pk", "centre_id", "end_date", "status")
    for accreditation in due:
        left = (accreditation.end_date - today).days
        steps = [d for d in REMINDER_DAYS if left <= d]
        claimed = []
        for step in steps:
            try:
                with transaction.atomic():
                    RenewalReminder.objects.create(accreditation=accreditation, days_before=step)
                claimed.append(step)
            except IntegrityError:
                continue
        if not claimed:
            continue
        with transaction.atomic():
            if accreditation.status == A.ACTIVE:
                # Conditional UPDATE: a concurrent run or a Director's action wins cleanly.
                changed = Accreditation.objects.filter(pk=accreditation.pk, status=A.ACTIVE).update(
                    status=A.RENEWAL_DUE, status_changed_at=timezone.now()
                )
                if changed:
                    record_event(
                        actor=None,
                        verb="accreditation.renewal_due",
                        obj=accreditation,
                        before=A.ACTIVE,
                        after=A.RENEWAL_DUE,
                    )
            record_event(
                actor=None,
                verb="accreditation.reminder_sent",
                obj=accreditation,
                after={"days_before": min(claimed), "days_left": left},
            )
            centre_id, pk, days = accreditation.centre_id, accreditation.pk, left
            after_commit_public_change(centre_id, "reminder", accreditation_id=pk, days=days)
        sent += 1
    return sent


def expire_ended(today: date) -> int:
    """Accreditations past their last day without a renewal expire; so do their centres."""
    expired = 0
    ended = Accreditation.objects.filter(
        end_date__lt=today,
        status__in=[A.ACTIVE, A.RENEWAL_DUE, A.UNDER_EVALUATION, A.SUSPENDED, A.LAPSED],
    ).values_list("pk", "status", "centre_id")
    for pk, status, centre_id in ended:
        with transaction.atomic():
            if not Accreditation.objects.filter(pk=pk, status=status).update(
                status=A.EXPIRED, status_changed_at=timezone.now()
            ):
                continue
            accreditation = Accreditation.objects.get(pk=pk)
            record_event(
                actor=None,
                verb="accreditation.expired",
                obj=accreditation,
                before=status,
                after=A.EXPIRED,
            )
            RenewalEvaluation.objects.filter(
                accreditation_id=pk, status__in=OPEN_EVALUATION_STATUSES
            ).update(status=EvaluationStatus.LAPSED)
            centre = Centre.objects.select_for_update().get(pk=centre_id)
            still_held = centre.accreditations.filter(
                Q(status__in=CURRENT_ACCREDITATION_STATUSES) | Q(status=A.RENEWED),
                end_date__gte=today,
            ).exists()
            if not still_held and centre.status in (
                CentreStatus.ACCREDITED,
                CentreStatus.SUSPENDED,
            ):
                set_centre_status(centre, CentreStatus.EXPIRED, actor=None, verb="centre.expired")
            after_commit_public_change(centre_id, "expired", accreditation_id=pk)
        expired += 1
    return expired
