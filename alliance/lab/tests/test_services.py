import pytest

from alliance.core.models import AuditEvent
from alliance.core.states import TransitionRefused
from alliance.lab import services

from .factories import AssistanceRequestFactory

pytestmark = pytest.mark.django_db


def test_focal_point_submits_and_lab_is_told(
    ministry, ministry_focal_point, lab_expert, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        tar = services.request_submit(
            organisation=ministry,
            actor=ministry_focal_point,
            kind="sandbox",
            description="A regulatory sandbox for fintech.",
            urgency="high",
            preferred_language="fr",
        )
    assert tar.status == "submitted"
    assert AuditEvent.objects.filter(verb="assistance_request.submitted").count() == 1
    assert any(lab_expert.email in m.to for m in mailoutbox)


def test_stranger_cannot_submit_for_an_organisation(ministry, stranger):
    with pytest.raises(TransitionRefused) as refused:
        services.request_submit(
            organisation=ministry,
            actor=stranger,
            kind="other",
            description="x",
            urgency="low",
            preferred_language="en",
        )
    assert refused.value.code == "forbidden"


def test_triage_then_assign(ministry, lab_expert):
    tar = AssistanceRequestFactory(organisation=ministry)
    services.request_triage(request_id=tar.pk, actor=lab_expert, note="Fits the Lab.")
    services.request_assign(request_id=tar.pk, actor=lab_expert, assignee=lab_expert)
    tar.refresh_from_db()
    assert tar.status == "assigned"
    assert tar.assigned_to == lab_expert


def test_assigning_before_triage_is_refused(ministry, lab_expert):
    tar = AssistanceRequestFactory(organisation=ministry)
    with pytest.raises(TransitionRefused):
        services.request_assign(request_id=tar.pk, actor=lab_expert, assignee=lab_expert)
    tar.refresh_from_db()
    assert tar.status == "submitted"
    assert tar.assigned_to is None


def test_only_a_lab_expert_can_be_assigned(ministry, lab_expert, secretariat_officer):
    tar = AssistanceRequestFactory(organisation=ministry, status="triaged")
    with pytest.raises(TransitionRefused) as refused:
        services.request_assign(request_id=tar.pk, actor=lab_expert, assignee=secretariat_officer)
    assert refused.value.code == "not_lab_expert"


def test_decline_needs_a_reason_and_a_triager(ministry, lab_expert, ministry_focal_point):
    tar = AssistanceRequestFactory(organisation=ministry)
    with pytest.raises(TransitionRefused):
        services.request_decline(request_id=tar.pk, actor=ministry_focal_point, reason="no")
    with pytest.raises(TransitionRefused):
        services.request_decline(request_id=tar.pk, actor=lab_expert, reason=" ")
    services.request_decline(request_id=tar.pk, actor=lab_expert, reason="Out of scope.")
    tar.refresh_from_db()
    assert tar.status == "declined"
    with pytest.raises(TransitionRefused):
        services.request_triage(request_id=tar.pk, actor=lab_expert)
