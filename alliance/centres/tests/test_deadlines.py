from datetime import UTC, date, datetime

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse

from alliance.centres import services
from alliance.centres.models import RenewalReminder
from alliance.centres.selectors import centres_per_country, public_centre
from alliance.centres.states import AccreditationStatus as A
from alliance.centres.states import CentreStatus
from alliance.core.states import TransitionRefused

pytestmark = pytest.mark.django_db

# The `accredited` centre's term: 1 March 2024 – 28 February 2027.


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """Run a job and then what it queued after commit (the emails)."""

    def runner(job, *args):
        with django_capture_on_commit_callbacks(execute=True):
            return job(*args)

    return runner


def test_each_reminder_is_sent_once_even_when_the_command_runs_twice(
    accredited, manager, mailoutbox, secretariat_officer, run
):
    _centre, accreditation = accredited
    mailoutbox.clear()
    with time_machine.travel(date(2026, 9, 1)):  # 180 days before the end
        run(call_command, "centres_deadlines")
        run(call_command, "centres_deadlines")
    assert list(RenewalReminder.objects.values_list("days_before", flat=True)) == [180]
    # the centre's focal point and the secretariat
    assert sorted(m.to[0] for m in mailoutbox) == ["focal@ministry.test", "officer@itu.test"]
    accreditation.refresh_from_db()
    assert accreditation.status == A.RENEWAL_DUE
    mailoutbox.clear()
    run(services.send_due_reminders, date(2026, 10, 1))
    assert mailoutbox == []
    run(services.send_due_reminders, date(2026, 11, 30))  # 90 days
    run(services.send_due_reminders, date(2026, 11, 30))
    run(services.send_due_reminders, date(2027, 1, 29))  # 30 days
    assert sorted(RenewalReminder.objects.values_list("days_before", flat=True)) == [30, 90, 180]
    assert len(mailoutbox) == 4


def test_a_late_first_run_sends_one_reminder_for_the_steps_missed(
    accredited, manager, mailoutbox, secretariat_officer, run
):
    mailoutbox.clear()
    run(services.send_due_reminders, date(2027, 2, 10))
    assert sorted(RenewalReminder.objects.values_list("days_before", flat=True)) == [30, 90, 180]
    assert len(mailoutbox) == 2  # one email each to the manager and the secretariat


def test_expiry_happens_the_day_after_the_last_day(accredited):
    centre, accreditation = accredited
    with time_machine.travel(date(2027, 2, 28)):
        call_command("centres_deadlines")
    accreditation.refresh_from_db()
    assert accreditation.status != A.EXPIRED
    with time_machine.travel(date(2027, 3, 1)):
        call_command("centres_deadlines")
        call_command("centres_deadlines")
    accreditation.refresh_from_db()
    centre.refresh_from_db()
    assert accreditation.status == A.EXPIRED
    assert centre.status == CentreStatus.EXPIRED
    assert accreditation.status_changed_at is not None


def test_a_suspended_accreditation_also_expires(accredited, director):
    centre, accreditation = accredited
    services.accreditation_suspend(accreditation_id=accreditation.pk, actor=director, reason="x")
    assert services.expire_ended(date(2027, 3, 1)) == 1
    centre.refresh_from_db()
    assert centre.status == CentreStatus.EXPIRED


def test_an_expired_centre_can_be_accredited_again(accredited, director):
    centre, _accreditation = accredited
    services.expire_ended(date(2027, 6, 1))
    again = services.accreditation_issue(
        centre_id=centre.pk, actor=director, start_date=date(2027, 6, 1)
    )
    centre.refresh_from_db()
    assert centre.status == CentreStatus.ACCREDITED
    assert again.end_date == date(2030, 5, 31)


def test_pages_say_expired_from_the_day_after_the_last_day_without_the_job(
    accredited, client, director
):
    centre, accreditation = accredited
    detail = reverse("centres:detail", args=[centre.pk])
    with time_machine.travel(datetime(2027, 2, 28, 23, 59, 59, tzinfo=UTC), tick=False):
        assert public_centre(centre.pk).current_status == CentreStatus.ACCREDITED
        assert sum(centres_per_country().values()) == 1
    with time_machine.travel(datetime(2027, 3, 1, 0, 0, 1, tzinfo=UTC), tick=False):
        body = client.get(detail).content.decode()
        assert ">Accredited<" not in body and ">Expired<" in body
        assert centres_per_country() == {}
        # The Director cannot suspend what has expired, though nothing recorded it yet.
        with pytest.raises(TransitionRefused):
            services.accreditation_suspend(
                accreditation_id=accreditation.pk, actor=director, reason="x"
            )
    accreditation.refresh_from_db()
    assert accreditation.status != A.EXPIRED  # still to be recorded by the job
