"""Renewal by evaluation and requalification: self-report, evaluation, the Director's decision."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.audit import record_event
from alliance.core.states import TransitionRefused, require_transition

from ..models import RenewalEvaluation
from ..permissions import (
    is_centre_manager,
    is_evaluator,
    require,
    require_director,
    require_secretariat,
)
from ..states import (
    EVALUATION_ALLOWED,
    RENEWAL_CRITERIA,
    AccreditationStatus,
    EvaluationStatus,
)
from ._common import after_commit_public_change, term_end
from .accreditation import (
    RENEWAL_OPENS_FROM,
    _create,
    _lock_accreditation,
    _set_status,
)

A = AccreditationStatus


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
