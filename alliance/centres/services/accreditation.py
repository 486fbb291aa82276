from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.audit import record_event
from alliance.core.states import TransitionRefused, require_transition

from ..credentials import sign_accreditation
from ..models import Accreditation, Centre, RenewalEvaluation, RenewalReminder
from ..permissions import (
    is_centre_manager,
    is_evaluator,
    require,
    require_director,
    require_secretariat,
)
from ..states import (
    ACCREDITATION_ALLOWED,
    CURRENT_ACCREDITATION_STATUSES,
    EVALUATION_ALLOWED,
    REMINDER_DAYS,
    RENEWAL_CRITERIA,
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


# --- renewal ---------------------------------------------------------------------------


@transaction.atomic
def renewal_open(*, accreditation_id: int, actor) -> RenewalEvaluation:
    """The secretariat opens the evaluation and requalification of a centre."""
    require_secretariat(actor)
    accreditation = _lock_accreditation(accreditation_id)
    if RenewalEvaluation.objects.filter(accreditation=accreditation).exists():
        raise TransitionRefused(
            _("A renewal evaluation was already opened for this accreditation."),
            code="renewal_exists",
        )
    # A suspended accreditation is reinstated (or not) before its renewal is considered.
    require_transition(accreditation, A.UNDER_EVALUATION, RENEWAL_OPENS_FROM)
    _set_status(accreditation, A.UNDER_EVALUATION, actor=actor)
    evaluation = RenewalEvaluation.objects.create(accreditation=accreditation)
    record_event(actor=actor, verb="renewal.opened", obj=evaluation)
    return evaluation


def _lock_evaluation(evaluation_id: int) -> RenewalEvaluation:
    return (
        RenewalEvaluation.objects.select_for_update()
        .select_related("accreditation__centre")
        .get(pk=evaluation_id)
    )


@transaction.atomic
def renewal_self_report(*, evaluation_id: int, actor, self_report: str) -> RenewalEvaluation:
    evaluation = _lock_evaluation(evaluation_id)
    require(
        is_centre_manager(actor, evaluation.accreditation.centre),
        _("Only the centre's managers submit its self-report."),
    )
    if not self_report.strip():
        raise TransitionRefused(_("Write the self-report."), code="self_report_required")
    require_transition(evaluation, EvaluationStatus.SELF_REPORTED, EVALUATION_ALLOWED)
    before = evaluation.status
    evaluation.status = EvaluationStatus.SELF_REPORTED
    evaluation.self_report = self_report
    evaluation.self_reported_by, evaluation.self_reported_at = actor, timezone.now()
    evaluation.save(update_fields=["status", "self_report", "self_reported_by", "self_reported_at"])
    record_event(actor=actor, verb="renewal.self_reported", obj=evaluation, before=before)
    return evaluation


@transaction.atomic
def renewal_evaluate(
    *, evaluation_id: int, actor, scores: dict[str, int], note: str
) -> RenewalEvaluation:
    """The secretariat's and the Lab's evaluation against the renewal criteria (0 to 4)."""
    require(is_evaluator(actor), _("Only the secretariat or the Lab evaluates a renewal."))
    evaluation = _lock_evaluation(evaluation_id)
    expected = {code for code, _label in RENEWAL_CRITERIA}
    if set(scores) != expected or any(not 0 <= int(v) <= 4 for v in scores.values()):
        raise TransitionRefused(_("Score every criterion from 0 to 4."), code="scores_incomplete")
    require_transition(evaluation, EvaluationStatus.EVALUATED, EVALUATION_ALLOWED)
    before = evaluation.status
    evaluation.status = EvaluationStatus.EVALUATED
    evaluation.scores = {k: int(v) for k, v in scores.items()}
    evaluation.evaluation_note = note
    evaluation.evaluated_by, evaluation.evaluated_at = actor, timezone.now()
    evaluation.save(
        update_fields=["status", "scores", "evaluation_note", "evaluated_by", "evaluated_at"]
    )
    record_event(
        actor=actor,
        verb="renewal.evaluated",
        obj=evaluation,
        before=before,
        after=evaluation.scores,
    )
    return evaluation


@transaction.atomic
def renewal_decide(*, evaluation_id: int, actor, renew: bool, note: str = "") -> RenewalEvaluation:
    """Renewed: a new three-year term starting the day after the current one ends."""
    require_director(actor)
    evaluation = _lock_evaluation(evaluation_id)
    outcome = EvaluationStatus.RENEWED if renew else EvaluationStatus.LAPSED
    require_transition(evaluation, outcome, EVALUATION_ALLOWED)
    if renew and evaluation.status != EvaluationStatus.EVALUATED:
        raise TransitionRefused(
            _("The secretariat and the Lab must evaluate the centre before it is renewed."),
            code="not_evaluated",
        )
    accreditation = _lock_accreditation(evaluation.accreditation_id)
    before = evaluation.status
    evaluation.status = outcome
    evaluation.decision_note = note
    evaluation.decided_by, evaluation.decided_at = actor, timezone.now()
    evaluation.save(update_fields=["status", "decision_note", "decided_by", "decided_at"])
    record_event(actor=actor, verb=f"renewal.{outcome}", obj=evaluation, before=before, after=note)
    if renew:
        _set_status(accreditation, A.RENEWED, actor=actor, reason=note)
        start = accreditation.end_date + timedelta(days=1)
        new = _create(
            accreditation.centre,
            actor=actor,
            start=start,
            end=term_end(start),
            previous=accreditation,
        )
        after_commit_public_change(accreditation.centre_id, "renewed", accreditation_id=new.pk)
    else:
        _set_status(accreditation, A.LAPSED, actor=actor, reason=note)
        after_commit_public_change(
            accreditation.centre_id, "lapsed", accreditation_id=accreditation.pk
        )
    return evaluation


# --- the daily deadline job --------------------------------------------------------------


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
