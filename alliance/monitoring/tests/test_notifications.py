"""Messages about centre reports, from the notifications registry, and report due dates in
the centre managers' calendar feeds."""

from datetime import date
from decimal import Decimal

import pytest
from django.core import mail

from alliance.accounts.models import MembershipRole
from alliance.accounts.tests.factories import MembershipFactory, UserFactory
from alliance.monitoring import services
from alliance.monitoring.notifications import report_due_dates
from alliance.notifications.models import Notification, Preference
from alliance.notifications.registry import KINDS
from alliance.notifications.selectors import calendar_entries

pytestmark = pytest.mark.django_db


def submit(report, manager, startups):
    services.report_save_draft(
        report_id=report.pk, actor=manager, narrative="n", values={startups.pk: (Decimal(5), "")}
    )
    services.report_submit(report_id=report.pk, actor=manager)


def test_the_late_reminder_is_essential_and_reaches_each_member_in_their_language(
    report, manager, ministry, django_capture_on_commit_callbacks
):
    colleague = UserFactory(email="colleague@ministry.test", preferred_language="fr")
    MembershipFactory(user=colleague, organisation=ministry, role=MembershipRole.MEMBER)
    # Reminders of a due date cannot be turned off: a preference saying so is ignored.
    Preference.objects.create(user=manager, kind="monitoring.reports_due", delivery="off")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_reminders(today=date(2025, 5, 2)) == 1
    assert KINDS["monitoring.reports_due"].essential
    by_person = {m.to[0]: m for m in mail.outbox}
    assert set(by_person) == {manager.email, colleague.email}
    assert "late" in by_person[manager.email].subject
    assert "en retard" in by_person[colleague.email].subject
    assert f"/fr/monitoring/reports/{report.pk}/" in by_person[colleague.email].body
    item = Notification.objects.get(recipient=colleague)
    assert item.verb == "report.reminder_after" and item.url.endswith(
        f"/fr/monitoring/reports/{report.pk}/"
    )


def test_a_submitted_report_tells_the_lab_experts(
    report, manager, startups, lab_expert, secretariat_officer, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        submit(report, manager, startups)
    assert [m.to for m in mail.outbox] == [[lab_expert.email]]
    assert "A centre submitted its report" in mail.outbox[0].subject


def test_the_centre_hears_of_the_lab_decision(
    report, manager, startups, lab_expert, django_capture_on_commit_callbacks
):
    submit(report, manager, startups)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.report_request_changes(
            report_id=report.pk, actor=lab_expert, comments="Explain the jump."
        )
    [message] = mail.outbox
    assert message.to == [manager.email]
    assert "asks for changes" in message.subject and "Explain the jump." in message.body


def test_open_reports_are_in_the_managers_calendar_until_submitted(
    report, manager, ministry, startups, lab_expert, stranger
):
    member = UserFactory(email="member@ministry.test")
    MembershipFactory(user=member, organisation=ministry, role=MembershipRole.MEMBER)
    [entry] = report_due_dates(manager)
    assert entry.start == date(2025, 4, 29)
    assert entry.url == f"/en/monitoring/reports/{report.pk}/"
    assert report.centre.name in entry.summary
    assert entry in calendar_entries(manager)  # registered with the feed
    assert report_due_dates(member) == []  # focal points and signatories only
    assert report_due_dates(lab_expert) == report_due_dates(stranger) == []
    submit(report, manager, startups)
    assert report_due_dates(manager) == []
