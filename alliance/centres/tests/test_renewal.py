from datetime import date, timedelta

import pytest

from alliance.centres import services
from alliance.centres.states import AccreditationStatus as A
from alliance.centres.states import CentreStatus, EvaluationStatus
from alliance.core.states import PermissionRefused, TransitionRefused

pytestmark = pytest.mark.django_db

GOOD = {"objectives": 3, "flagships": 4, "resources": 3, "reporting": 3, "network": 3}


def _evaluate(accreditation, *, secretariat, manager, lab):
    evaluation = services.renewal_open(accreditation_id=accreditation.pk, actor=secretariat)
    services.renewal_self_report(
        evaluation_id=evaluation.pk, actor=manager, self_report="Three cohorts of start-ups."
    )
    services.renewal_evaluate(evaluation_id=evaluation.pk, actor=lab, scores=GOOD, note="Good.")
    return evaluation


def test_renewal_starts_the_day_after_the_current_term_without_a_gap(
    accredited, secretariat_officer, manager, lab_expert, director
):
    centre, accreditation = accredited
    evaluation = _evaluate(
        accreditation, secretariat=secretariat_officer, manager=manager, lab=lab_expert
    )
    services.renewal_decide(evaluation_id=evaluation.pk, actor=director, renew=True)
    accreditation.refresh_from_db()
    new = accreditation.successor
    assert accreditation.status == A.RENEWED
    assert new.status == A.ACTIVE
    assert new.start_date == accreditation.end_date + timedelta(days=1) == date(2027, 3, 1)
    assert new.end_date == date(2030, 2, 28)
    assert new.verification_code != accreditation.verification_code
    centre.refresh_from_db()
    assert centre.status == CentreStatus.ACCREDITED


def test_renewal_without_evaluation_is_refused(accredited, secretariat_officer, director):
    _centre, accreditation = accredited
    evaluation = services.renewal_open(accreditation_id=accreditation.pk, actor=secretariat_officer)
    with pytest.raises(TransitionRefused):
        services.renewal_decide(evaluation_id=evaluation.pk, actor=director, renew=True)
    evaluation.refresh_from_db()
    assert evaluation.status == EvaluationStatus.SELF_REPORT_DUE
    assert _centre.accreditations.count() == 1


def test_scores_must_cover_every_criterion(accredited, secretariat_officer, manager, lab_expert):
    _centre, accreditation = accredited
    evaluation = services.renewal_open(accreditation_id=accreditation.pk, actor=secretariat_officer)
    services.renewal_self_report(evaluation_id=evaluation.pk, actor=manager, self_report="Done.")
    with pytest.raises(TransitionRefused):
        services.renewal_evaluate(
            evaluation_id=evaluation.pk, actor=lab_expert, scores={"objectives": 5}, note=""
        )


def test_only_the_centre_writes_its_self_report(accredited, secretariat_officer, other_manager):
    _centre, accreditation = accredited
    evaluation = services.renewal_open(accreditation_id=accreditation.pk, actor=secretariat_officer)
    with pytest.raises(PermissionRefused):
        services.renewal_self_report(
            evaluation_id=evaluation.pk, actor=other_manager, self_report="Not mine."
        )


def test_lapsed_renewal_keeps_the_term_then_expires(
    accredited, secretariat_officer, manager, lab_expert, director
):
    centre, accreditation = accredited
    evaluation = _evaluate(
        accreditation, secretariat=secretariat_officer, manager=manager, lab=lab_expert
    )
    services.renewal_decide(
        evaluation_id=evaluation.pk, actor=director, renew=False, note="Not requalified."
    )
    accreditation.refresh_from_db()
    assert accreditation.status == A.LAPSED
    services.expire_ended(date(2027, 2, 28))
    centre.refresh_from_db()
    assert centre.status == CentreStatus.ACCREDITED
    services.expire_ended(date(2027, 3, 1))
    centre.refresh_from_db()
    accreditation.refresh_from_db()
    assert (centre.status, accreditation.status) == (CentreStatus.EXPIRED, A.EXPIRED)


def test_a_suspended_accreditation_cannot_enter_renewal(accredited, director, secretariat_officer):
    _centre, accreditation = accredited
    services.accreditation_suspend(accreditation_id=accreditation.pk, actor=director, reason="x")
    with pytest.raises(TransitionRefused):
        services.renewal_open(accreditation_id=accreditation.pk, actor=secretariat_officer)
    accreditation.refresh_from_db()
    assert accreditation.status == A.SUSPENDED
