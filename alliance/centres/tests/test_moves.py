from datetime import date

import pytest
import time_machine

from alliance.centres import services
from alliance.centres.states import AccreditationStatus as A
from alliance.centres.states import RequestStatus
from alliance.core.states import PermissionRefused, TransitionRefused

from .factories import accredited_centre, centre_type

pytestmark = pytest.mark.django_db


def test_a_move_to_the_same_type_is_refused(accredited, manager):
    centre, _ = accredited
    with pytest.raises(TransitionRefused) as refused:
        services.category_change_request(
            centre_id=centre.pk,
            actor=manager,
            to_type=centre.centre_type,
            justification="More staff.",
        )
    assert refused.value.code == "same_type"
    assert not centre.category_changes.exists()


def test_strangers_cannot_request_a_move(accredited, other_manager):
    centre, _ = accredited
    with pytest.raises(PermissionRefused):
        services.category_change_request(
            centre_id=centre.pk,
            actor=other_manager,
            to_type=centre_type("INITIATIVES"),
            justification="x",
        )


def test_approved_move_changes_the_type_and_reissues_the_accreditation(
    secretariat_officer, ministry, manager, lab_expert, director
):
    with time_machine.travel(date(2024, 2, 1)):
        centre, accreditation = accredited_centre(
            secretariat=secretariat_officer,
            director=director,
            lab=lab_expert,
            organisation=ministry,
        )
    with time_machine.travel(date(2025, 6, 1)):
        target = centre_type("RESEARCH_ENTREPRENEURSHIP")
        change = services.category_change_request(
            centre_id=centre.pk,
            actor=manager,
            to_type=target,
            justification="A university consortium now sponsors the centre.",
            annual_budget_usd=400_000,
        )
        services.category_change_evaluate(change_id=change.pk, actor=lab_expert, note="Fits.")
        change.refresh_from_db()
        assert change.status == RequestStatus.UNDER_EVALUATION
        assert change.fit_score is not None
        services.category_change_decide(change_id=change.pk, actor=director, approve=True)
        centre.refresh_from_db()
        accreditation.refresh_from_db()
        assert centre.centre_type == target
        assert centre.ownership == target.ownership
        assert accreditation.status == A.SUPERSEDED
        new = accreditation.superseded_by
        assert new.centre_type == target and new.status == A.ACTIVE
        assert (new.start_date, new.end_date) == (date(2025, 6, 1), accreditation.end_date)
        history = [(p.centre_type.code, p.until) for p in centre.type_periods.all()]
        assert history == [
            ("DIGITAL_TRANSFORMATION", date(2025, 6, 1)),
            ("RESEARCH_ENTREPRENEURSHIP", None),
        ]


def test_rejection_needs_a_reason_and_changes_nothing(accredited, manager, lab_expert, director):
    centre, accreditation = accredited
    change = services.category_change_request(
        centre_id=centre.pk,
        actor=manager,
        to_type=centre_type("INITIATIVES"),
        justification="x",
    )
    with pytest.raises(TransitionRefused):  # not evaluated yet
        services.category_change_decide(change_id=change.pk, actor=director, approve=True)
    services.category_change_evaluate(change_id=change.pk, actor=lab_expert, note="")
    with pytest.raises(TransitionRefused):
        services.category_change_decide(change_id=change.pk, actor=director, approve=False)
    services.category_change_decide(
        change_id=change.pk, actor=director, approve=False, note="Not enough resources yet."
    )
    centre.refresh_from_db()
    accreditation.refresh_from_db()
    assert centre.centre_type.code == "DIGITAL_TRANSFORMATION"
    assert accreditation.status == A.ACTIVE


def test_a_move_to_a_type_without_the_centres_scope_is_refused(
    accredited, manager, lab_expert, director
):
    centre, _ = accredited
    change = services.category_change_request(
        centre_id=centre.pk, actor=manager, to_type=centre_type("TECHNOLOGY"), justification="x"
    )
    services.category_change_evaluate(change_id=change.pk, actor=lab_expert, note="")
    with pytest.raises(TransitionRefused) as refused:
        services.category_change_decide(change_id=change.pk, actor=director, approve=True)
    assert refused.value.code == "scope_not_allowed"
    change.refresh_from_db()
    assert change.status == RequestStatus.UNDER_EVALUATION
