"""The Lab reviews what a centre writes before the public library shows it."""

import pytest
from django.urls import reverse

from alliance.core.models import AuditEvent, StrategicObjective
from alliance.monitoring import services
from alliance.monitoring.models import LessonLearned
from alliance.notifications.models import Notification

pytestmark = pytest.mark.django_db


def submitted(manager, centre, **kwargs):
    return services.lesson_create(
        actor=manager,
        title="Hackathons need follow-up",
        summary="Prizes alone do not make start-ups.",
        body="Plan the **incubation** after the event.",
        objective=StrategicObjective.objects.get(code="ENTREPRENEURSHIP"),
        language="en",
        centre=centre,
        publish=True,
        **kwargs,
    )


def library(client):
    return client.get(reverse("monitoring:lessons")).content.decode()


def test_the_lab_publishes_and_the_author_is_told(
    client, centre, manager, lab_expert, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        item = submitted(manager, centre)
    assert item.status == "submitted"
    assert Notification.objects.filter(recipient=lab_expert, verb="lesson.submitted").exists()
    assert "Hackathons need follow-up" not in library(client)
    assert client.get(reverse("monitoring:lesson_detail", args=[item.pk])).status_code == 404
    client.force_login(lab_expert)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("monitoring:lesson_status", args=[item.pk]), {"status": "published"})
    item.refresh_from_db()
    assert item.status == "published" and item.reviewed_by == lab_expert
    assert Notification.objects.filter(recipient=manager, verb="lesson.published").exists()
    client.logout()
    assert "Hackathons need follow-up" in library(client)
    assert AuditEvent.objects.filter(verb="lesson.published", object_id=str(item.pk)).count() == 1


def test_asking_for_changes_needs_a_reason_kept_when_missing(client, centre, manager, lab_expert):
    item = submitted(manager, centre)
    client.force_login(lab_expert)
    url = reverse("monitoring:lesson_status", args=[item.pk])
    response = client.post(url, {"status": "changes_requested", "reason": "  "})
    page = response.content.decode()
    assert response.status_code == 400 and "<title>Error:" in page
    assert "Tell the author why" in page
    item.refresh_from_db()
    assert item.status == "submitted"
    client.post(url, {"status": "changes_requested", "reason": "Add the number of start-ups."})
    item.refresh_from_db()
    assert item.status == "changes_requested"


def test_the_author_reads_the_comments_changes_and_sends_again(
    client, centre, manager, lab_expert, django_capture_on_commit_callbacks
):
    item = submitted(manager, centre)
    with django_capture_on_commit_callbacks(execute=True):
        services.lesson_set_status(
            lesson_id=item.pk,
            actor=lab_expert,
            status="changes_requested",
            reason="Add the number of start-ups.",
        )
    assert Notification.objects.filter(recipient=manager, verb="lesson.changes_requested").exists()
    client.force_login(manager)
    page = client.get(reverse("monitoring:lesson_detail", args=[item.pk])).content.decode()
    assert "Add the number of start-ups." in page and "Change the lesson" in page
    desk = client.get(reverse("monitoring:lesson_desk")).content.decode()
    assert "Changes requested" in desk
    response = client.post(
        reverse("monitoring:lesson_edit", args=[item.pk]),
        {
            "title": "Hackathons need follow-up",
            "summary": "Prizes alone do not make start-ups.",
            "body": "Twelve start-ups came out of three hackathons.",
            "objective": StrategicObjective.objects.get(code="ENTREPRENEURSHIP").pk,
            "centre": centre.pk,
            "language": "en",
            "publish": "on",
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == "submitted" and "Twelve" in item.body


def test_a_declined_lesson_says_why_and_never_reaches_the_library(
    client, centre, manager, lab_expert, stranger
):
    item = submitted(manager, centre)
    services.lesson_set_status(
        lesson_id=item.pk, actor=lab_expert, status="declined", reason="Not a lesson: an advert."
    )
    item.refresh_from_db()
    assert item.status == "declined" and item.review_note == "Not a lesson: an advert."
    assert "Hackathons" not in library(client)
    client.force_login(manager)
    page = client.get(reverse("monitoring:lesson_detail", args=[item.pk])).content.decode()
    assert "Not a lesson: an advert." in page and "Change the lesson" not in page
    # Only the Lab reviews: the author cannot publish their own lesson.
    client.post(reverse("monitoring:lesson_status", args=[item.pk]), {"status": "published"})
    item.refresh_from_db()
    assert item.status == "declined"
    client.force_login(stranger)
    assert client.get(reverse("monitoring:lesson_detail", args=[item.pk])).status_code == 404


def test_the_labs_own_lesson_is_published_at_once(lab_expert):
    item = services.lesson_create(
        actor=lab_expert,
        title="Regional hubs",
        summary="s",
        body="b",
        objective=StrategicObjective.objects.get(code="POLICY"),
        language="en",
        publish=True,
    )
    assert item.status == "published"
    assert LessonLearned.objects.filter(status="published").count() == 1
