"""The transition tables allow exactly what docs/states/centres.md says."""

from itertools import product

import pytest

from alliance.centres.models import Accreditation
from alliance.centres.states import (
    ACCREDITATION,
    CATEGORY_CHANGE,
    CENTRE,
    OPEN_RECOGNITION_STATUSES,
    PARTNER_RECOGNITION,
    AccreditationStatus,
    CentreStatus,
    RecognitionStatus,
    RequestStatus,
)
from alliance.core import kernel
from alliance.core.states import TransitionRefused

A, C, R = AccreditationStatus, CentreStatus, RequestStatus


def moves(machine) -> dict[str, set[str]]:
    """state -> the states its actions lead to (actions that keep the state left out)."""
    out: dict[str, set[str]] = {}
    for action in machine.actions.values():
        for state in action.source:
            if action.target is not None:
                out.setdefault(state, set()).add(action.target)
    return out


ACCREDITATION_ALLOWED = moves(ACCREDITATION)
CENTRE_ALLOWED = moves(CENTRE)
REQUEST_ALLOWED = moves(CATEGORY_CHANGE)

ACCREDITATION_MOVES = {
    (A.ACTIVE, A.RENEWAL_DUE),
    (A.ACTIVE, A.UNDER_EVALUATION),
    (A.RENEWAL_DUE, A.UNDER_EVALUATION),
    (A.UNDER_EVALUATION, A.RENEWED),
    (A.UNDER_EVALUATION, A.LAPSED),
    (A.SUSPENDED, A.ACTIVE),
    (A.LAPSED, A.EXPIRED),
}


def _allowed(table, current, target) -> bool:
    return target in table.get(current, ())


# Sorted: a set iterates in a different order in each process, and pytest-xdist workers
# must collect the same tests in the same order.
@pytest.mark.parametrize(("current", "target"), sorted(ACCREDITATION_MOVES))
def test_accreditation_lifecycle_moves_are_allowed(current, target):
    assert _allowed(ACCREDITATION_ALLOWED, current, target)


@pytest.mark.parametrize("terminal", [A.REVOKED, A.EXPIRED, A.SUPERSEDED])
def test_terminal_accreditations_go_nowhere(terminal):
    assert not any(_allowed(ACCREDITATION_ALLOWED, terminal, t) for t in A)


def test_renewal_and_reinstatement_are_refused_from_the_wrong_states():
    # A suspended term returns to renewed only by reinstatement (a renewal granted earlier).
    assert "renew" not in ACCREDITATION.available(A.SUSPENDED)
    assert {
        name for name, action in ACCREDITATION.actions.items() if action.target == A.RENEWED
    } & set(ACCREDITATION.available(A.SUSPENDED)) == {"reinstate_renewed"}
    assert not _allowed(ACCREDITATION_ALLOWED, A.ACTIVE, A.RENEWED)
    assert not _allowed(ACCREDITATION_ALLOWED, A.RENEWED, A.ACTIVE)
    assert not _allowed(ACCREDITATION_ALLOWED, A.LAPSED, A.RENEWED)


def test_suspension_and_revocation_reach_every_accreditation_in_force():
    for status in (A.ACTIVE, A.RENEWAL_DUE, A.UNDER_EVALUATION):
        assert _allowed(ACCREDITATION_ALLOWED, status, A.SUSPENDED)
        assert _allowed(ACCREDITATION_ALLOWED, status, A.REVOKED)


def test_centre_table():
    assert _allowed(CENTRE_ALLOWED, C.IN_DESIGN, C.ACCREDITED)
    assert not _allowed(CENTRE_ALLOWED, C.IN_DESIGN, C.SUSPENDED)
    assert not _allowed(CENTRE_ALLOWED, C.IN_DESIGN, C.EXPIRED)
    assert _allowed(CENTRE_ALLOWED, C.EXPIRED, C.ACCREDITED)
    assert not any(_allowed(CENTRE_ALLOWED, C.CLOSED, t) for t in C)


def test_a_partner_recognition_is_designed_and_evaluated_before_the_decision():
    P = RecognitionStatus
    allowed = moves(PARTNER_RECOGNITION)
    assert {(c, t) for c, targets in allowed.items() for t in targets} == {
        (P.REQUESTED, P.IN_DESIGN),
        (P.IN_DESIGN, P.UNDER_EVALUATION),
        (P.UNDER_EVALUATION, P.EVALUATED),
        (P.EVALUATED, P.EVALUATED),
        (P.EVALUATED, P.APPROVED),
        *((state, P.REJECTED) for state in OPEN_RECOGNITION_STATUSES),
    }


def test_requests_are_evaluated_before_approval():
    moves_ = {(c, t) for c, t in product(R, R) if _allowed(REQUEST_ALLOWED, c, t)}
    assert moves_ == {
        (R.REQUESTED, R.UNDER_EVALUATION),
        (R.REQUESTED, R.REJECTED),
        (R.UNDER_EVALUATION, R.APPROVED),
        (R.UNDER_EVALUATION, R.REJECTED),
    }


def test_refusal_reason_is_translated():
    from django.utils import translation

    with translation.override("fr"), pytest.raises(TransitionRefused) as refused:
        kernel.check(Accreditation(status=A.REVOKED), "reinstate", None)
    assert "statut" in refused.value.reason
