import hashlib

import pytest
from django.core import mail

from alliance.centres.models import CentreType
from alliance.core.models import AuditEvent
from alliance.core.states import TransitionRefused
from alliance.joining import services
from alliance.joining.selectors import organisation_has_declaration_in_force

from .factories import AssessmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def completed(ministry):
    return AssessmentFactory(organisation=ministry, complete=True, status="completed")


@pytest.fixture
def drafted(completed, secretariat_officer):
    return services.declaration_draft(
        assessment_id=completed.pk,
        actor=secretariat_officer,
        centre_type=CentreType.objects.get(code="DIGITAL_TRANSFORMATION"),
        scope="national",
    )


def test_only_a_completed_assessment_gets_a_declaration(ministry, secretariat_officer):
    assessment = AssessmentFactory(organisation=ministry, complete=True, status="in_review")
    with pytest.raises(TransitionRefused) as refused:
        services.declaration_draft(
            assessment_id=assessment.pk,
            actor=secretariat_officer,
            centre_type=CentreType.objects.get(code="INITIATIVES"),
            scope="national",
        )
    assert refused.value.code == "assessment_not_completed"
    assert not assessment.declarations.exists()


def test_scope_must_be_allowed_by_the_type(completed, secretariat_officer):
    with pytest.raises(TransitionRefused) as refused:
        services.declaration_draft(
            assessment_id=completed.pk,
            actor=secretariat_officer,
            centre_type=CentreType.objects.get(code="TECHNOLOGY"),
            scope="national",
        )
    assert refused.value.code == "scope_not_allowed"


def test_one_active_declaration_per_organisation(drafted, completed, secretariat_officer):
    with pytest.raises(TransitionRefused) as refused:
        services.declaration_draft(
            assessment_id=completed.pk,
            actor=secretariat_officer,
            centre_type=CentreType.objects.get(code="INITIATIVES"),
            scope="national",
        )
    assert refused.value.code == "already_declared"


def test_only_the_signatory_signs(drafted, ministry_focal_point):
    with pytest.raises(TransitionRefused) as refused:
        services.declaration_sign(
            declaration_id=drafted.pk, actor=ministry_focal_point, signatory_name="T. Phiri"
        )
    assert refused.value.code == "forbidden"
    drafted.refresh_from_db()
    assert drafted.status == "drafted"


def test_signing_twice_is_refused(drafted, ministry_signatory):
    services.declaration_sign(
        declaration_id=drafted.pk, actor=ministry_signatory, signatory_name="Grace Banda"
    )
    drafted.refresh_from_db()
    signed_at = drafted.signed_at
    with pytest.raises(TransitionRefused) as refused:
        services.declaration_sign(
            declaration_id=drafted.pk, actor=ministry_signatory, signatory_name="Someone Else"
        )
    assert refused.value.code == "invalid_transition"
    drafted.refresh_from_db()
    assert drafted.signatory_name == "Grace Banda"
    assert drafted.signed_at == signed_at
    assert AuditEvent.objects.filter(verb="declaration.signed").count() == 1


def test_countersigning_an_unsigned_declaration_is_refused(drafted, director):
    with pytest.raises(TransitionRefused) as refused:
        services.declaration_countersign(declaration_id=drafted.pk, actor=director)
    assert refused.value.code == "invalid_transition"
    drafted.refresh_from_db()
    assert drafted.status == "drafted"
    assert drafted.sha256 == ""


def test_only_the_director_countersigns(drafted, ministry_signatory, secretariat_officer):
    services.declaration_sign(
        declaration_id=drafted.pk, actor=ministry_signatory, signatory_name="Grace Banda"
    )
    with pytest.raises(TransitionRefused) as refused:
        services.declaration_countersign(declaration_id=drafted.pk, actor=secretariat_officer)
    assert refused.value.code == "forbidden"


def test_countersigned_declaration_is_in_force_with_its_fingerprint(
    drafted, ministry, ministry_signatory, director, django_capture_on_commit_callbacks
):
    services.declaration_sign(
        declaration_id=drafted.pk, actor=ministry_signatory, signatory_name="Grace Banda"
    )
    assert not organisation_has_declaration_in_force(ministry)
    with django_capture_on_commit_callbacks(execute=True):
        services.declaration_countersign(declaration_id=drafted.pk, actor=director)
    drafted.refresh_from_db()
    assert drafted.status == "countersigned"
    with drafted.document.open("rb") as handle:
        content = handle.read()
    assert content.startswith(b"%PDF")
    assert hashlib.sha256(content).hexdigest() == drafted.sha256
    assert organisation_has_declaration_in_force(ministry)
    assert any("in force" in m.subject for m in mail.outbox)
    # In force: it cannot change any more.
    with pytest.raises(TransitionRefused):
        services.declaration_withdraw(
            declaration_id=drafted.pk, actor=director, reason="Changed our mind"
        )


def test_withdrawal_needs_a_reason(drafted, secretariat_officer):
    with pytest.raises(TransitionRefused):
        services.declaration_withdraw(
            declaration_id=drafted.pk, actor=secretariat_officer, reason=""
        )
    services.declaration_withdraw(
        declaration_id=drafted.pk, actor=secretariat_officer, reason="Host changed."
    )
    drafted.refresh_from_db()
    assert drafted.status == "withdrawn"


def test_notifications_go_to_focal_points_and_secretariat_in_their_language(
    drafted,
    ministry_focal_point,
    ministry_signatory,
    secretariat_officer,
    director,
    django_capture_on_commit_callbacks,
):
    ministry_focal_point.preferred_language = "fr"
    ministry_focal_point.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.declaration_sign(
            declaration_id=drafted.pk, actor=ministry_signatory, signatory_name="Grace Banda"
        )
    recipients = {r for m in mail.outbox for r in m.to}
    assert {
        ministry_focal_point.email,
        ministry_signatory.email,
        secretariat_officer.email,
        director.email,
    } <= recipients
    french = next(m for m in mail.outbox if ministry_focal_point.email in m.to)
    assert "Déclaration conjointe" in french.subject
