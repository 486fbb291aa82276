"""Renewal by evaluation and requalification: self-report, evaluation, the Director's decision."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core import kernel
from alliance.core.states import TransitionRefused

from ..models import RenewalEvaluation
from ..states import RENEWAL_CRITERIA
from .common import issue, lock_with_centre, move_accreditation, registry_changed, term_end


@transaction.atomic
def renewal_open(*, accreditation_id: int, actor) -> RenewalEvaluation:
    """The secretariat opens the evaluation and requalification of a centre."""
    _centre, accreditation = lock_with_centre(accreditation_id)
    kernel.check(accreditation, "open_renewal", actor)
    if RenewalEvaluation.objects.filter(accreditation=accreditation).exists():
        raise TransitionRefused(
            _("A renewal evaluation was already opened for this accreditation."),
            code="renewal_exists",
        )
    move_accreditation(accreditation, "open_renewal", actor=actor)
    evaluation = RenewalEvaluation(accreditation=accreditation)
    return kernel.create(evaluation, actor=actor, verb="renewal.opened")


def _lock_evaluation(evaluation_id: int) -> RenewalEvaluation:
    return kernel.lock(RenewalEvaluation, evaluation_id, related=("accreditation__centre",))


@transaction.atomic
def renewal_self_report(*, evaluation_id: int, actor, self_report: str) -> RenewalEvaluation:
    evaluation = _lock_evaluation(evaluation_id)
    kernel.check(evaluation, "self_report", actor)
    if not self_report.strip():
        raise TransitionRefused(_("Write the self-report."), code="self_report_required")
    return kernel.transition(
        evaluation,
        "self_report",
        actor=actor,
        fields={
            "self_report": self_report,
            "self_reported_by": actor,
            "self_reported_at": timezone.now(),
        },
    )


@transaction.atomic
def renewal_evaluate(
    *, evaluation_id: int, actor, scores: dict[str, int], note: str
) -> RenewalEvaluation:
    """The secretariat's and the Lab's evaluation against the renewal criteria (0 to 4)."""
    evaluation = _lock_evaluation(evaluation_id)
    kernel.check(evaluation, "evaluate", actor)
    expected = {code for code, _label in RENEWAL_CRITERIA}
    if set(scores) != expected or any(not 0 <= int(v) <= 4 for v in scores.values()):
        raise TransitionRefused(_("Score every criterion from 0 to 4."), code="scores_incomplete")
    scores = {k: int(v) for k, v in scores.items()}
    return kernel.transition(
        evaluation,
        "evaluate",
        actor=actor,
        fields={
            "scores": scores,
            "evaluation_note": note,
            "evaluated_by": actor,
            "evaluated_at": timezone.now(),
        },
        after=scores,
    )


@transaction.atomic
def renewal_decide(*, evaluation_id: int, actor, renew: bool, note: str = "") -> RenewalEvaluation:
    """Renewed: a new three-year term starting the day after the current one ends.
    Locks the centre, its accreditation, then the evaluation."""
    accreditation_id = RenewalEvaluation.objects.values_list("accreditation_id", flat=True).get(
        pk=evaluation_id
    )
    centre, accreditation = lock_with_centre(accreditation_id)
    evaluation = kernel.lock(RenewalEvaluation, evaluation_id)
    evaluation.accreditation = accreditation
    action = "renew" if renew else "lapse"
    kernel.check(evaluation, action, actor)
    move_accreditation(accreditation, action, actor=actor, reason=note)
    if renew:
        start = accreditation.end_date + timedelta(days=1)
        new = issue(centre, actor=actor, start=start, end=term_end(start), previous=accreditation)
        told = new
    else:
        told = accreditation
    kernel.transition(
        evaluation,
        action,
        actor=actor,
        fields={"decision_note": note, "decided_by": actor, "decided_at": timezone.now()},
        after=note,
        context={"accreditation_id": told.pk},
    )
    registry_changed()
    return evaluation
