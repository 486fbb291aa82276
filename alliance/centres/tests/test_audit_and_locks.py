"""Every change of every row is audited, and every service locks the centre first."""

from datetime import date

import pytest
import time_machine

from alliance.centres import services
from alliance.centres.models import Accreditation
from alliance.centres.states import AccreditationStatus as A
from alliance.centres.states import EvaluationStatus
from alliance.core.kernel import locking
from alliance.core.models import AuditEvent

from .factories import centre_type

pytestmark = pytest.mark.django_db


def _events(obj) -> list[tuple[str, object]]:
    return list(
        AuditEvent.objects.filter(
            content_type__model=obj._meta.model_name, object_id=str(obj.pk)
        ).values_list("verb", "after")
    )


def _move(centre, *, manager, lab, director):
    change = services.category_change_request(
        centre_id=centre.pk,
        actor=manager,
        to_type=centre_type("RESEARCH_ENTREPRENEURSHIP"),
        justification="A university consortium now sponsors the centre.",
    )
    services.category_change_evaluate(change_id=change.pk, actor=lab, note="Fits.")
    return services.category_change_decide(change_id=change.pk, actor=director, approve=True)


def test_a_reissue_due_for_renewal_is_created_so_in_one_audited_write(
    accredited, manager, lab_expert, director
):
    centre, accreditation = accredited
    services.send_due_reminders(date(2026, 9, 1))  # the 180-day reminder: renewal due
    with time_machine.travel(date(2026, 10, 1)):
        _move(centre, manager=manager, lab=lab_expert, director=director)
    new = Accreditation.objects.get(replaces=accreditation)
    assert new.status == A.RENEWAL_DUE
    [(verb, after)] = _events(new)
    assert verb == "accreditation.issued" and after["status"] == A.RENEWAL_DUE
    assert ("accreditation.superseded", A.SUPERSEDED) in _events(accreditation)


def test_expiry_lapses_an_open_renewal_with_its_own_audit_event(accredited, secretariat_officer):
    _centre, accreditation = accredited
    evaluation = services.renewal_open(accreditation_id=accreditation.pk, actor=secretariat_officer)
    assert services.expire_ended(date(2027, 3, 1)) == 1
    evaluation.refresh_from_db()
    assert evaluation.status == EvaluationStatus.LAPSED
    assert ("renewal.lapsed", EvaluationStatus.LAPSED) in _events(evaluation)
    assert ("accreditation.expired", A.EXPIRED) in _events(accreditation)


def test_the_deadline_job_writes_nothing_unaudited_when_run_twice(accredited):
    _centre, accreditation = accredited
    services.expire_ended(date(2027, 3, 1))
    before = AuditEvent.objects.count()
    assert services.expire_ended(date(2027, 3, 1)) == 0
    assert AuditEvent.objects.count() == before


@pytest.fixture
def lock_log(monkeypatch):
    """The models each service locks, in order."""
    seen = []
    note = locking._note

    def recording(model, pks):
        seen.append(model._meta.label)
        return note(model, pks)

    monkeypatch.setattr(locking, "_note", recording)
    return seen


def test_revocation_and_a_move_lock_the_centre_before_the_accreditation(
    accredited, manager, lab_expert, director, lock_log
):
    centre, accreditation = accredited
    _move(centre, manager=manager, lab=lab_expert, director=director)
    decide = lock_log[-4:]  # category_change_decide
    assert decide == [
        "centres.Centre",
        "centres.CategoryChange",
        "centres.Accreditation",
        "centres.RenewalEvaluation",  # an open renewal is carried over to the reissue
    ]
    lock_log.clear()
    new = Accreditation.objects.get(replaces=accreditation)
    services.accreditation_revoke(accreditation_id=new.pk, actor=director, reason="Misuse.")
    assert lock_log[:2] == ["centres.Centre", "centres.Accreditation"]
