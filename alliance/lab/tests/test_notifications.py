"""Who hears about each step of a technical assistance request, and in which language."""

from datetime import date

import pytest
from django.core import mail

from alliance.lab import services
from alliance.notifications.models import Notification

from .factories import AssistanceRequestFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    def run(service, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return service(**kwargs)

    return run


def recipients():
    return sorted(m.to[0] for m in mail.outbox)


def test_a_new_request_tells_the_lab_once_each_and_not_the_director(
    run, ministry, ministry_focal_point, lab_expert, secretariat_officer, director
):
    run(
        services.request_submit,
        organisation=ministry,
        actor=ministry_focal_point,
        kind="sandbox",
        description="A regulatory sandbox.",
        urgency="high",
        preferred_language="en",
    )
    assert recipients() == sorted([lab_expert.email, secretariat_officer.email])
    subject = f"New technical assistance request from {ministry}"
    assert [m.subject for m in mail.outbox] == [subject, subject]
    assert Notification.objects.filter(recipient=director).count() == 0


def test_assignment_tells_the_organisation_and_the_expert_and_agreement_only_the_expert(
    run, ministry, ministry_focal_point, lab_expert, secretariat_officer
):
    tar = AssistanceRequestFactory(organisation=ministry, status="triaged")
    run(services.request_assign, request_id=tar.pk, actor=secretariat_officer, assignee=lab_expert)
    assert recipients() == sorted([ministry_focal_point.email, lab_expert.email])
    assert {m.subject for m in mail.outbox} == {
        f"A Lab expert was assigned to your request ({ministry})"
    }
    mail.outbox.clear()
    run(
        services.request_plan_propose,
        request_id=tar.pk,
        actor=lab_expert,
        plan="One workshop.",
        milestones=[("Workshop", date(2026, 1, 15))],
    )
    assert recipients() == [ministry_focal_point.email]
    mail.outbox.clear()
    run(services.request_plan_agree, request_id=tar.pk, actor=ministry_focal_point)
    assert recipients() == [lab_expert.email]
    assert mail.outbox[0].subject == f"The plan was agreed: the work can start ({ministry})"


def test_the_organisation_reads_the_decline_in_its_language_with_the_reason(
    run, ministry, ministry_focal_point, lab_expert, settings
):
    settings.SITE_URL = "https://alliance.example.org"
    ministry_focal_point.preferred_language = "fr"
    ministry_focal_point.save(update_fields=["preferred_language"])
    tar = AssistanceRequestFactory(organisation=ministry)
    run(services.request_decline, request_id=tar.pk, actor=lab_expert, reason="Out of scope.")
    [email] = mail.outbox
    assert email.to == [ministry_focal_point.email]
    assert email.subject.startswith("Votre demande d'assistance technique a été refusée")
    assert "Out of scope." in email.body
    assert f"https://alliance.example.org/fr/lab/requests/{tar.pk}/" in email.body
