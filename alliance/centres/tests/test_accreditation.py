from datetime import date

import pytest
import time_machine
from django.db import IntegrityError, transaction

from alliance.centres import services
from alliance.centres.models import Accreditation
from alliance.centres.states import AccreditationStatus as A
from alliance.centres.states import CentreStatus
from alliance.core.models import AuditEvent
from alliance.core.states import PermissionRefused, TransitionRefused

from .factories import finish_design, make_centre

pytestmark = pytest.mark.django_db


def test_director_accredits_for_three_years_once_design_is_done(
    secretariat_officer,
    director,
    lab_expert,
    ministry,
    mailoutbox,
    ministry_focal_point,
    django_capture_on_commit_callbacks,
):
    centre = make_centre(actor=secretariat_officer, organisation=ministry)
    finish_design(centre, lab_expert)
    with django_capture_on_commit_callbacks(execute=True):
        accreditation = services.accreditation_issue(
            centre_id=centre.pk, actor=director, start_date=date(2024, 3, 1)
        )
    centre.refresh_from_db()
    assert centre.status == CentreStatus.ACCREDITED
    assert (accreditation.start_date, accreditation.end_date) == (
        date(2024, 3, 1),
        date(2027, 2, 28),
    )
    assert len(accreditation.verification_code) == 12
    assert accreditation.credential_jwt.count(".") == 2
    assert AuditEvent.objects.filter(verb="accreditation.issued").count() == 1
    assert [m.to for m in mailoutbox] == [["focal@ministry.test"]]


def test_accreditation_is_refused_before_the_design_phase_is_done(
    secretariat_officer, director, ministry
):
    centre = make_centre(actor=secretariat_officer, organisation=ministry)
    with pytest.raises(TransitionRefused) as refused:
        services.accreditation_issue(
            centre_id=centre.pk, actor=director, start_date=date(2025, 1, 1)
        )
    assert refused.value.code == "design_incomplete"
    assert not Accreditation.objects.exists()
    centre.refresh_from_db()
    assert centre.status == CentreStatus.IN_DESIGN


def test_only_the_director_accredits(secretariat_officer, lab_expert, ministry):
    centre = make_centre(actor=secretariat_officer, organisation=ministry)
    finish_design(centre, lab_expert)
    with pytest.raises(PermissionRefused):
        services.accreditation_issue(
            centre_id=centre.pk, actor=secretariat_officer, start_date=date(2025, 1, 1)
        )
    assert not Accreditation.objects.exists()


def test_a_second_accreditation_in_force_is_refused(accredited, director):
    centre, accreditation = accredited
    with pytest.raises(TransitionRefused) as refused:
        services.accreditation_issue(
            centre_id=centre.pk, actor=director, start_date=date(2025, 1, 1)
        )
    assert refused.value.code == "accreditation_in_force"
    assert centre.accreditations.count() == 1


def test_the_database_allows_one_current_accreditation_per_centre(accredited):
    centre, accreditation = accredited
    with pytest.raises(IntegrityError), transaction.atomic():
        Accreditation.objects.create(
            centre=centre,
            centre_type=centre.centre_type,
            start_date=date(2030, 1, 1),
            end_date=date(2032, 12, 31),
            status=A.RENEWAL_DUE,
        )


def test_suspension_needs_a_reason_and_shows_on_the_centre(accredited, director):
    centre, accreditation = accredited
    with pytest.raises(TransitionRefused):
        services.accreditation_suspend(
            accreditation_id=accreditation.pk, actor=director, reason=" "
        )
    accreditation.refresh_from_db()
    assert accreditation.status == A.ACTIVE
    services.accreditation_suspend(
        accreditation_id=accreditation.pk, actor=director, reason="Report overdue"
    )
    centre.refresh_from_db()
    accreditation.refresh_from_db()
    assert (centre.status, accreditation.status) == (CentreStatus.SUSPENDED, A.SUSPENDED)
    with time_machine.travel(date(2025, 6, 1)):
        services.accreditation_reinstate(accreditation_id=accreditation.pk, actor=director)
    centre.refresh_from_db()
    assert centre.status == CentreStatus.ACCREDITED


def test_revocation_closes_the_centre_and_refuses_its_renewal(
    accredited, director, secretariat_officer
):
    centre, accreditation = accredited
    services.accreditation_revoke(
        accreditation_id=accreditation.pk, actor=director, reason="Misuse of the ITU name"
    )
    centre.refresh_from_db()
    assert centre.status == CentreStatus.CLOSED
    with pytest.raises(TransitionRefused):
        services.renewal_open(accreditation_id=accreditation.pk, actor=secretariat_officer)
    accreditation.refresh_from_db()
    assert accreditation.status == A.REVOKED
    assert not hasattr(accreditation, "renewal") or accreditation.renewal is None


def test_secretariat_cannot_suspend(accredited, secretariat_officer):
    _centre, accreditation = accredited
    with pytest.raises(PermissionRefused):
        services.accreditation_suspend(
            accreditation_id=accreditation.pk, actor=secretariat_officer, reason="x"
        )


def test_a_new_term_overlapping_an_expired_one_is_refused(accredited, director):
    centre, accreditation = accredited
    services.expire_ended(date(2027, 3, 1))
    with pytest.raises(TransitionRefused) as refused:
        services.accreditation_issue(
            centre_id=centre.pk, actor=director, start_date=date(2027, 1, 1)
        )
    assert refused.value.code == "overlapping_accreditation"
    assert centre.accreditations.count() == 1


def test_the_director_may_record_a_centre_for_a_selected_application(director, ministry):
    centre = make_centre(actor=director, organisation=ministry, source="application")
    assert centre.source == "application"
    assert centre.checklist.count() == 4


def test_reinstatement_returns_to_the_renewal_under_way(accredited, director, secretariat_officer):
    _centre, accreditation = accredited
    services.renewal_open(accreditation_id=accreditation.pk, actor=secretariat_officer)
    services.accreditation_suspend(accreditation_id=accreditation.pk, actor=director, reason="x")
    with time_machine.travel(date(2026, 12, 1)):
        services.accreditation_reinstate(accreditation_id=accreditation.pk, actor=director)
    accreditation.refresh_from_db()
    assert accreditation.status == A.UNDER_EVALUATION
    with pytest.raises(TransitionRefused):
        services.renewal_open(accreditation_id=accreditation.pk, actor=secretariat_officer)


def test_a_centre_whose_term_still_runs_cannot_be_closed(accredited, secretariat_officer):
    centre, _ = accredited
    with time_machine.travel(date(2026, 1, 1)), pytest.raises(TransitionRefused):
        services.centre_close(centre_id=centre.pk, actor=secretariat_officer, reason="x")
    centre.refresh_from_db()
    assert centre.status == CentreStatus.ACCREDITED
