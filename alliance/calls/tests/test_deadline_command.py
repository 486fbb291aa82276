from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from alliance.calls.states import CallStatus

from .factories import ApplicationFactory, AssignmentFactory, CallFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """The command as the scheduler runs it: its messages go out once it has committed."""

    def run():
        with django_capture_on_commit_callbacks(execute=True):
            call_command("close_due_calls")

    return run


def test_drafters_are_reminded_once_at_7_and_1_days(run, ministry, ministry_focal_point):
    call = CallFactory(closes_at=timezone.now() + timedelta(days=6, hours=12))
    ApplicationFactory(call=call, organisation=ministry)
    ApplicationFactory(call=call, status="submitted")  # nothing to remind
    run()
    run()
    assert [m.to for m in mail.outbox] == [[ministry_focal_point.email]]
    assert "closes soon" in mail.outbox[0].subject
    with time_machine.travel(timezone.now() + timedelta(days=6)):
        run()
        run()
    assert len(mail.outbox) == 2


def test_late_reviews_are_reminded_at_most_every_three_days(run, reviewer):
    AssignmentFactory(reviewer=reviewer, due_at=timezone.now() - timedelta(days=1))
    run()
    run()
    assert len(mail.outbox) == 1
    with time_machine.travel(timezone.now() + timedelta(days=3, minutes=1)):
        run()
    assert len(mail.outbox) == 2


def test_the_deadline_closes_the_call_whatever_the_time_zone(run):
    # 17:00 in Geneva on 15 March 2027 is 16:00 UTC.
    from datetime import UTC, datetime

    deadline = datetime(2027, 3, 15, 16, 0, tzinfo=UTC)
    call = CallFactory(opens_at=deadline - timedelta(days=30), closes_at=deadline)
    with time_machine.travel(deadline - timedelta(seconds=1), tick=False):
        run()
        call.refresh_from_db()
        assert call.status == CallStatus.OPEN
    with time_machine.travel(deadline, tick=False):
        run()
        call.refresh_from_db()
        assert call.status == CallStatus.CLOSED


def test_emails_follow_the_recipients_language(run, ministry, ministry_focal_point):
    ministry_focal_point.preferred_language = "fr"
    ministry_focal_point.save()
    call = CallFactory(closes_at=timezone.now() + timedelta(hours=20))
    ApplicationFactory(call=call, organisation=ministry)
    run()
    message = mail.outbox[0]
    assert "se clôture bientôt" in message.subject
    assert "/fr/calls/applications/" in message.body
