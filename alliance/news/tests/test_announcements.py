"""Announcements: written in several languages, Markdown cleaned, published now or at a
date, withdrawn; drafts proposed by events."""

from datetime import timedelta

import pytest
from django.utils import timezone

from alliance.core.models import AuditEvent
from alliance.core.states import PermissionRefused, TransitionRefused
from alliance.news import services
from alliance.news.models import Announcement
from alliance.news.rendering import render_markdown
from alliance.news.selectors import public_announcements

pytestmark = pytest.mark.django_db


def _draft(actor, **extra):
    return services.announcement_create(
        actor=actor,
        title={"en": "Community event", "fr": "Événement communautaire"},
        body={"en": "Join us *online*.", "fr": "Rejoignez-nous *en ligne*."},
        category="events",
        **extra,
    )


def test_the_secretariat_writes_and_publishes_an_announcement(secretariat_officer, client):
    draft = _draft(secretariat_officer)
    assert draft.current_status == "draft"
    assert not public_announcements().exists()
    services.announcement_publish(announcement_id=draft.pk, actor=secretariat_officer)
    page = client.get(f"/fr/news/{draft.pk}/").content.decode()
    assert "Événement communautaire" in page
    assert "<em>en ligne</em>" in page
    assert AuditEvent.objects.filter(verb="announcement.published").count() == 1


def test_a_future_date_schedules_and_the_clock_publishes(secretariat_officer, client):
    draft = _draft(secretariat_officer, publish_at=timezone.now() + timedelta(hours=2))
    scheduled = services.announcement_publish(announcement_id=draft.pk, actor=secretariat_officer)
    assert scheduled.current_status == "scheduled"
    assert client.get(f"/en/news/{draft.pk}/").status_code == 404
    Announcement.objects.filter(pk=draft.pk).update(publish_at=timezone.now() - timedelta(1))
    assert client.get(f"/en/news/{draft.pk}/").status_code == 200
    assert Announcement.objects.get(pk=draft.pk).current_status == "published"


def test_withdrawn_announcements_leave_the_public_pages(secretariat_officer, client):
    draft = _draft(secretariat_officer)
    services.announcement_publish(announcement_id=draft.pk, actor=secretariat_officer)
    services.announcement_withdraw(announcement_id=draft.pk, actor=secretariat_officer)
    assert client.get(f"/en/news/{draft.pk}/").status_code == 404
    with pytest.raises(TransitionRefused):
        services.announcement_edit(
            announcement_id=draft.pk, actor=secretariat_officer, title={"en": "Again"}
        )


def test_only_the_secretariat_and_the_director_write(stranger, lab_expert):
    for person in (stranger, lab_expert):
        with pytest.raises(PermissionRefused):
            _draft(person)


def test_no_raw_html_gets_through_the_markdown():
    html = render_markdown(
        "<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)> **ok**"
    )
    assert "<script" not in html and "onerror" not in html and "javascript:" not in html
    assert "<strong>ok</strong>" in html
