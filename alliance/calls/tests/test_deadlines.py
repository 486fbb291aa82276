"""A call is closed from the second its deadline passes, for everyone, whatever jobs have
run; close_due_calls only records it. The secretariat can close a call before."""

import html
from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from alliance.calls import services
from alliance.calls.models import Call
from alliance.calls.states import ApplicationStatus, CallStatus
from alliance.core import kernel
from alliance.core.models import AuditEvent
from alliance.core.states import TransitionRefused

from .factories import ApplicationFactory, CallFactory
from .test_api import bearer

pytestmark = pytest.mark.django_db


def text(response):
    return html.unescape(response.content.decode())


@pytest.fixture
def deadline():
    return timezone.now().replace(microsecond=0) + timedelta(hours=1)


def closes(call) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(verb="call.closed", object_id=str(call.pk)))


def test_pages_and_api_say_closed_at_the_deadline_without_any_job(client, deadline):
    call = CallFactory(closes_at=deadline)
    page = reverse("calls:detail", args=[call.pk])
    with time_machine.travel(deadline - timedelta(seconds=1), tick=False):
        assert client.get(f"/api/v1/calls/{call.pk}").json()["status"] == "open"
    with time_machine.travel(deadline, tick=False):
        body = text(client.get(page))
        assert "This call is closed: applications are no longer accepted" in body
        assert "Closes in" not in body
        assert client.get(f"/api/v1/calls/{call.pk}").json()["status"] == "closed"
        assert call.pk not in [c["id"] for c in client.get("/api/v1/calls").json()["items"]]
        assert call.title["en"] in text(client.get(reverse("calls:list") + "?show=past"))
    call.refresh_from_db()
    assert call.status == CallStatus.OPEN and closes(call) == []  # nothing recorded yet


def test_submission_is_refused_after_the_deadline_with_the_reason(
    ministry, ministry_focal_point, deadline
):
    call = CallFactory(closes_at=deadline)
    application = ApplicationFactory(call=call, organisation=ministry)
    with time_machine.travel(deadline, tick=False):
        assert "submit" not in kernel.allowed_actions(application, ministry_focal_point)
        with pytest.raises(TransitionRefused) as refused:
            services.application_submit(application_id=application.pk, actor=ministry_focal_point)
    assert refused.value.code == "deadline_passed"
    assert "Applications can no longer be submitted" in refused.value.reason


def test_screening_is_allowed_from_the_deadline_without_the_job(
    client, secretariat_officer, deadline
):
    call = CallFactory(closes_at=deadline)
    application = ApplicationFactory(call=call, status=ApplicationStatus.SUBMITTED)
    page = reverse("calls:staff_application", args=[application.pk])
    client.force_login(secretariat_officer)
    with time_machine.travel(deadline - timedelta(seconds=1), tick=False):
        assert "Record the screening" not in text(client.get(page))
        with pytest.raises(TransitionRefused):
            services.application_screen(
                application_id=application.pk, actor=secretariat_officer, eligible=True
            )
    with time_machine.travel(deadline + timedelta(seconds=1), tick=False):
        assert "Record the screening" in text(client.get(page))
        services.application_screen(
            application_id=application.pk, actor=secretariat_officer, eligible=True
        )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.IN_REVIEW


def test_the_first_change_after_the_deadline_records_the_close_once(
    secretariat_officer, deadline, django_capture_on_commit_callbacks
):
    call = CallFactory(closes_at=deadline)
    with time_machine.travel(deadline + timedelta(minutes=5), tick=False):
        services.call_start_review(call_id=call.pk, actor=secretariat_officer)
        with django_capture_on_commit_callbacks(execute=True):
            call_command("close_due_calls")
    call.refresh_from_db()
    assert call.status == CallStatus.IN_REVIEW
    assert call.closed_at == deadline  # the second it closed, not when it was recorded
    assert [(e.actor, e.before, e.after) for e in closes(call)] == [(None, "open", "closed")]


def test_close_due_calls_only_records_and_twice_records_nothing_twice(
    deadline, django_capture_on_commit_callbacks
):
    call = CallFactory(closes_at=deadline)
    with (
        time_machine.travel(deadline + timedelta(seconds=30), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        call_command("close_due_calls")
        call_command("close_due_calls")
    call.refresh_from_db()
    assert (call.status, call.closed_at) == (CallStatus.CLOSED, deadline)
    assert len(closes(call)) == 1


def test_staff_close_the_call_now_from_the_page(
    client, secretariat_officer, ministry, ministry_focal_point
):
    call = CallFactory()
    draft = ApplicationFactory(call=call, organisation=ministry)
    client.force_login(secretariat_officer)
    page = text(client.get(reverse("calls:staff_call", args=[call.pk])))
    assert "Close the call now" in page
    response = client.post(
        reverse("calls:staff_transition", args=[call.pk, "close_now"]), follow=True
    )
    assert "The call is closed: no application is accepted." in text(response)
    assert "Close the call now" not in text(response)
    call.refresh_from_db()
    assert call.status == CallStatus.CLOSED
    assert closes(call)[0].actor == secretariat_officer
    with pytest.raises(TransitionRefused) as refused:
        services.application_submit(application_id=draft.pk, actor=ministry_focal_point)
    assert refused.value.code == "call_not_open"


def test_close_now_is_refused_with_a_reason_once_closed(client, secretariat_officer, deadline):
    call = CallFactory(closes_at=deadline)
    client.force_login(secretariat_officer)
    with time_machine.travel(deadline, tick=False):  # closed by its deadline, not recorded
        assert "Close the call now" not in text(client.get(f"/calls/staff/{call.pk}/"))
        response = client.post(
            reverse("calls:staff_transition", args=[call.pk, "close_now"]), follow=True
        )
        assert "Only an open call can be closed; this one is not open." in text(response)
        api = client.post(f"/api/v1/staff/calls/{call.pk}/close", **bearer(secretariat_officer))
    assert api.status_code == 409 and api.json()["code"] == "call_not_open"
    assert closes(call) == []


def test_close_now_through_the_api(client, secretariat_officer, ministry_focal_point):
    call = CallFactory()
    refused = client.post(f"/api/v1/staff/calls/{call.pk}/close", **bearer(ministry_focal_point))
    assert refused.status_code == 404
    response = client.post(f"/api/v1/staff/calls/{call.pk}/close", **bearer(secretariat_officer))
    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "closed" and "start_review" in data["actions"]
    assert Call.objects.get(pk=call.pk).status == CallStatus.CLOSED
