from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.audit import record_event
from alliance.core.states import TransitionRefused, require_transition

from ..credentials import sign_accreditation
from ..models import Accreditation, Centre, RenewalEvaluation
from ..permissions import (
    require_director,
)
from ..states import (
    ACCREDITATION_ALLOWED,
    CURRENT_ACCREDITATION_STATUSES,
    AccreditationStatus,
    CentreStatus,
    EvaluationStatus,
)
from ._common import after_commit_public_change, term_end
from .centres import set_centre_status

A = AccreditationStatus
RENEWAL_OPENS_FROM = {A.ACTIVE: {A.UNDER_EVALUATION}, A.RENEWAL_DUE: {A.UNDER_EVALUATION}}
OPEN_EVALUATION_STATUSES = [
    EvaluationStatus.SELF_REPORT_DUE,
    EvaluationStatus.SELF_REPORTED,
    EvaluationStatus.EVALUATED,
]
# Accreditations whose dates count against an overlap: all but revoked and reissued ones.
TERM_HOLDING = [*CURRENT_ACCREDITATION_STATUSES, A.RENEWED, A.LAPSED, A.EXPIRED]


def _lock_accreditation(accreditation_id: int) -> Accreditation:
    return (
        Accreditation.objects.select_for_update()
        .select_related("centre", "centre_type")
        .get(pk=accreditation_id)
    )


def _set_status(accreditation: Accreditation, status: str, *, actor, reason: str = "") -> None:
    require_transition(accreditation, status, ACCREDITATION_ALLOWED)
    before = accreditation.status
    accreditation.status = status
    accreditation.status_reason = reason
    accreditation.status_changed_at = timezone.now()
    accreditation.save(update_fields=["status", "status_reason", "status_changed_at"])
    record_event(
        actor=actor,
        verb=f"accreditation.{status}",
        obj=accreditation,
        before=before,
        after={"status": status, "reason": reason} if reason else status,
    )


def _create(centre, *, actor, start: date, end: date, previous=None) -> Accreditation:
    overlapping = centre.accreditations.filter(
        status__in=TERM_HOLDING, start_date__lte=end, end_date__gte=start
    )
    if previous is not None:
        overlapping = overlapping.exclude(pk=previous.pk)
    if overlapping.exists():
        raise TransitionRefused(
            _("This term overlaps an accreditation the centre already holds."),
            code="overlapping_accreditation",
        )
    try:
        with transaction.atomic():
            accreditation = Accreditation.objects.create(
                centre=centre,
                centre_type=centre.centre_type,
                start_date=start,
                end_date=end,
                previous=previous,
                issued_by=actor,
            )
    except IntegrityError as exc:  # the one-current-accreditation constraint
        raise TransitionRefused(
            _("The centre already holds an accreditation in force."),
            code="accreditation_in_force",
        ) from exc
    accreditation.credential_jwt = sign_accreditation(accreditation)
    accreditation.save(update_fields=["credential_jwt"])
    record_event(
        actor=actor,
        verb="accreditation.issued",
        obj=accreditation,
        after={
            "type": centre.centre_type.code,
            "start": start.isoformat(),
            "end": end.isoformat(),
            "previous": previous.pk if previous else None,
        },
    )
    return accreditation


@transaction.atomic
def accreditation_issue(
    *, centre_id: int, actor, start_date: date, check_actor: bool = True
) -> Accreditation:
    """The Director accredits a centre for three years from `start_date`."""
    if check_actor:
        require_director(actor)
    centre = Centre.objects.select_for_update().select_related("centre_type").get(pk=centre_id)
    if centre.status not in (CentreStatus.IN_DESIGN, CentreStatus.EXPIRED):
        if centre.accreditations.filter(status__in=CURRENT_ACCREDITATION_STATUSES).exists():
            raise TransitionRefused(
                _("The centre already holds an accreditation in force."),
                code="accreditation_in_force",
            )
        require_transition(centre, CentreStatus.ACCREDITED, {})
    if centre.status == CentreStatus.IN_DESIGN and centre.checklist.filter(done_at=None).exists():
        raise TransitionRefused(
            _("Finish the design phase checklist before accrediting the centre."),
            code="design_incomplete",
        )
    accreditation = _create(centre, actor=actor, start=start_date, end=term_end(start_date))
    set_centre_status(centre, CentreStatus.ACCREDITED, actor=actor, verb="centre.accredited")
    if centre.listed_since is None:
        centre.listed_since = timezone.localdate()
        centre.save(update_fields=["listed_since"])
        # A centre accredited from an earlier date has had its type at least since then.
        centre.type_periods.filter(until=None, since__gt=start_date).update(since=start_date)
    after_commit_public_change(centre.pk, "accredited", accreditation_id=accreditation.pk)
    return accreditation


def _require_reason(reason: str) -> None:
    if not reason.strip():
        raise TransitionRefused(_("Give the reason."), code="reason_required")


@transaction.atomic
def accreditation_suspend(*, accreditation_id: int, actor, reason: str) -> Accreditation:
    require_director(actor)
    _require_reason(reason)
    accreditation = _lock_accreditation(accreditation_id)
    _set_status(accreditation, A.SUSPENDED, actor=actor, reason=reason)
    set_centre_status(
        accreditation.centre, CentreStatus.SUSPENDED, actor=actor, verb="centre.suspended"
    )
    after_commit_public_change(
        accreditation.centre_id, "suspended", accreditation_id=accreditation.pk
    )
    return accreditation


@transaction.atomic
def accreditation_reinstate(*, accreditation_id: int, actor, reason: str = "") -> Accreditation:
    require_director(actor)
    accreditation = _lock_accreditation(accreditation_id)
    if accreditation.end_date < timezone.localdate():
        raise TransitionRefused(
            _("The term of this accreditation is over: it cannot be reinstated."),
            code="term_over",
        )
    renewal = RenewalEvaluation.objects.filter(accreditation=accreditation).first()
    if renewal is not None and renewal.status in OPEN_EVALUATION_STATUSES:
        back_to = A.UNDER_EVALUATION
    elif accreditation.reminders.exists():
        back_to = A.RENEWAL_DUE
    else:
        back_to = A.ACTIVE
    _set_status(accreditation, back_to, actor=actor, reason=reason)
    set_centre_status(
        accreditation.centre, CentreStatus.ACCREDITED, actor=actor, verb="centre.reinstated"
    )
    after_commit_public_change(
        accreditation.centre_id, "reinstated", accreditation_id=accreditation.pk
    )
    return accreditation


@transaction.atomic
def accreditation_revoke(*, accreditation_id: int, actor, reason: str) -> Accreditation:
    """Revocation ends the centre's place in the network; it shows at once everywhere."""
    require_director(actor)
    _require_reason(reason)
    accreditation = _lock_accreditation(accreditation_id)
    _set_status(accreditation, A.REVOKED, actor=actor, reason=reason)
    # A renewal already granted falls with it.
    successor = Accreditation.objects.select_for_update().filter(previous=accreditation).first()
    if successor is not None and successor.status in ACCREDITATION_ALLOWED:
        _set_status(successor, A.REVOKED, actor=actor, reason=reason)
    centre = Centre.objects.select_for_update().get(pk=accreditation.centre_id)
    set_centre_status(centre, CentreStatus.CLOSED, actor=actor, verb="centre.closed")
    after_commit_public_change(centre.pk, "revoked", accreditation_id=accreditation.pk)
    return accreditation
