from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from alliance.calls import services
from alliance.calls.states import ApplicationStatus, CallStatus
from alliance.core.models import AuditEvent
from alliance.core.states import TransitionRefused

from .factories import ApplicationFactory, CallFactory
from .test_review_services import full_scores, make_reviewer

pytestmark = pytest.mark.django_db


def test_applicant_sees_scores_and_anonymous_comments_after_publication(
    client, secretariat_officer, director, ministry, ministry_focal_point
):
    call = CallFactory(status=CallStatus.IN_REVIEW, closes_at=timezone.now() - timedelta(days=1))
    application = ApplicationFactory(
        call=call, organisation=ministry, status=ApplicationStatus.IN_REVIEW
    )
    reviewer = make_reviewer("critic@itu.test")
    a = services.assignment_create(
        application_id=application.pk,
        reviewer=reviewer,
        due_at=timezone.now(),
        actor=secretariat_officer,
    )
    services.assignment_declare(assignment_id=a.pk, actor=reviewer, has_conflict=False)
    services.review_save(
        assignment_id=a.pk,
        actor=reviewer,
        scores=full_scores(call, 4),
        shared_comment="Convincing plan",
        private_notes="Check the budget myself",
        submit=True,
    )
    services.application_decide(
        application_id=application.pk, actor=director, selected=True, rationale="Strong"
    )
    client.force_login(ministry_focal_point)
    url = reverse("calls:application_detail", args=[application.pk])
    assert "Convincing plan" not in client.get(url).content.decode()
    services.call_mark_decided(call_id=call.pk, actor=director)
    services.call_publish_results(call_id=call.pk, actor=director)
    body = client.get(url).content.decode()
    assert "Convincing plan" in body
    assert "4.00" in body
    assert "Check the budget myself" not in body
    assert reviewer.email not in body and reviewer.full_name not in body


def test_two_officers_on_the_same_application_make_one_transition(secretariat_officer, ministry):
    from alliance.accounts.tests.factories import UserFactory

    other = UserFactory(email="officer2@itu.test")
    from django.contrib.auth.models import Group

    other.groups.add(Group.objects.get(name="secretariat"))
    call = CallFactory(status=CallStatus.CLOSED)
    application = ApplicationFactory(call=call, organisation=ministry, status="submitted")
    services.application_screen(
        application_id=application.pk, actor=secretariat_officer, eligible=True
    )
    with pytest.raises(TransitionRefused):
        services.application_screen(
            application_id=application.pk, actor=other, eligible=False, reason="No"
        )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.IN_REVIEW
    assert AuditEvent.objects.filter(verb="application.screened").count() == 1
