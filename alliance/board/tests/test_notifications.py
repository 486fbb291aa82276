"""The Board's messages from the notifications registry: each person in their language, an
inbox item for those with an account, the calendar file on invitations; and the members'
meetings in their personal calendar feed."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from icalendar import Calendar

from alliance.accounts import tokens as api_tokens
from alliance.accounts.tests.factories import UserFactory
from alliance.board import services
from alliance.board.models import ExpertArea
from alliance.board.notifications import board_meetings
from alliance.core.models import AuditEvent
from alliance.notifications.calendar import feed_for
from alliance.notifications.models import Notification

from .factories import BoardMemberFactory, MeetingFactory

pytestmark = pytest.mark.django_db
GENEVA = ZoneInfo("Europe/Zurich")


@pytest.fixture
def french_member(db):
    user = UserFactory(email="awa@board.test", preferred_language="fr")
    BoardMemberFactory(full_name="Awa Diop", email=user.email, user=user)
    return user


def _meeting(**extra):
    return MeetingFactory(
        title={"en": "Annual meeting", "fr": "Réunion annuelle"},
        starts_at=datetime(2026, 10, 14, 9, 30, tzinfo=GENEVA),
        **extra,
    )


def test_a_member_with_an_account_gets_the_invitation_in_french_with_an_inbox_item(
    french_member, secretariat_officer, django_capture_on_commit_callbacks
):
    meeting = _meeting()
    with (
        time_machine.travel(datetime(2026, 9, 1, tzinfo=GENEVA), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.meeting_invite(meeting_id=meeting.pk, actor=secretariat_officer)
    message = mail.outbox[0]
    assert message.to == ["awa@board.test"]
    assert message.subject == "Invitation : Réunion annuelle"
    assert f"/fr/board/members-area/meetings/{meeting.pk}/" in message.body
    event = Calendar.from_ical(message.attachments[0][1]).walk("VEVENT")[0]
    assert event["SUMMARY"] == "Réunion annuelle"
    assert "awa@board.test" in str(event["ATTENDEE"])
    item = Notification.objects.get(recipient=french_member)
    assert item.subject == message.subject
    assert item.kind == "board.meetings"


def test_cancelling_a_meeting_bumps_the_sequence_and_sends_a_cancel_to_the_invited(
    french_member, secretariat_officer, django_capture_on_commit_callbacks
):
    meeting = _meeting()
    with time_machine.travel(datetime(2026, 9, 1, tzinfo=GENEVA), tick=False):
        services.meeting_invite(meeting_id=meeting.pk, actor=secretariat_officer)
        with django_capture_on_commit_callbacks(execute=True):
            services.meeting_cancel(meeting_id=meeting.pk, actor=secretariat_officer)
    meeting.refresh_from_db()
    assert (meeting.status, meeting.sequence) == ("cancelled", 1)
    assert AuditEvent.objects.filter(verb="meeting.cancelled").count() == 1
    [message] = mail.outbox
    assert message.subject == "Annulée : Réunion annuelle"
    assert "est annulée" in message.body
    name, body, mimetype = message.attachments[0]
    assert mimetype.startswith("text/calendar; method=CANCEL")
    cal = Calendar.from_ical(body)
    assert cal["METHOD"] == "CANCEL"
    event = cal.walk("VEVENT")[0]
    assert (event["STATUS"], event["SEQUENCE"]) == ("CANCELLED", 1)


def test_a_meeting_never_invited_to_is_cancelled_without_any_email(
    secretariat_officer, django_capture_on_commit_callbacks
):
    meeting = _meeting()
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_cancel(meeting_id=meeting.pk, actor=secretariat_officer)
    assert mail.outbox == []


def test_a_term_reminder_reaches_the_account_of_a_member(
    french_member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.send_term_reminders(today=date(2027, 1, 1), days_ahead=60)
    message = mail.outbox[0]
    assert message.to == ["awa@board.test"]
    assert "14 février 2027" in message.body
    assert Notification.objects.filter(recipient=french_member, kind="board.terms").exists()
    assert AuditEvent.objects.filter(verb="board_member.term_reminder_sent").count() == 1


def test_an_invited_expert_gets_the_email_in_the_language_of_the_inviter(
    secretariat_officer, django_capture_on_commit_callbacks
):
    secretariat_officer.preferred_language = "fr"
    secretariat_officer.save(update_fields=["preferred_language"])
    with django_capture_on_commit_callbacks(execute=True):
        services.expert_invite(actor=secretariat_officer, full_name="Lucía", email="lucia@x.test")
    message = mail.outbox[0]
    assert message.to == ["lucia@x.test"]
    assert message.subject == "Vous êtes invité à rejoindre le réseau d'experts de l'Alliance"
    assert "/fr/board/experts/apply/" in message.body
    assert not Notification.objects.exists()  # no account, so no inbox


def test_an_applicant_is_told_the_decision_with_the_note(
    stranger, secretariat_officer, django_capture_on_commit_callbacks
):
    expert = services.expert_apply(
        actor=stranger,
        areas=ExpertArea.objects.filter(code="POLICY"),
        languages=["en"],
        full_name="Sam Stranger",
        organisation_name="",
        country="",
        expertise="Sandboxes",
        availability="available",
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.expert_decide(
            expert_id=expert.pk, actor=secretariat_officer, approve=False, note="Full for now."
        )
    message = mail.outbox[0]
    assert message.to == [stranger.email]
    assert "cannot accept it at this time" in message.body
    assert "Full for now." in message.body


def test_the_calendar_feed_holds_the_meetings_of_the_members_seats(french_member, stranger):
    held = _meeting()
    MeetingFactory(
        title={"en": "Before the seat"}, starts_at=datetime(2023, 5, 1, 9, tzinfo=GENEVA)
    )
    MeetingFactory(title={"en": "Called off"}, status="cancelled")
    assert [e.uid for e in board_meetings(french_member)] == [f"board-meeting-{held.pk}-feed"]
    assert board_meetings(stranger) == []
    event = Calendar.from_ical(feed_for(french_member)).walk("VEVENT")[0]
    assert event["SUMMARY"] == "Réunion annuelle"
    assert f"/fr/board/members-area/meetings/{held.pk}/" in str(event["URL"])


def test_api_meetings_say_what_the_reader_may_do(client, french_member, secretariat_officer):
    meeting = _meeting()

    def listing(user):
        token = api_tokens.token_create(actor=user, name="t", scope="write")[1]
        return client.get(
            "/api/v1/board/meetings", headers={"Authorization": f"Bearer {token}"}
        ).json()

    with time_machine.travel(datetime(2026, 9, 1, tzinfo=GENEVA), tick=False):
        staff = listing(secretariat_officer)[0]
        member = listing(french_member)[0]
    assert staff["id"] == meeting.pk
    assert {"edit", "invite", "cancel", "add_paper"} <= set(staff["actions"])
    assert "record_minutes" not in staff["actions"]  # not started yet
    assert member["actions"] == []


def test_the_co_chairs_roles_are_audited_one_by_one(secretariat_officer):
    meeting = MeetingFactory()
    former = BoardMemberFactory(full_name="Former co-chair", role="co_chair")
    elected = BoardMemberFactory(full_name="Newly elected")
    services.co_chairs_elect(
        meeting_id=meeting.pk,
        actor=secretariat_officer,
        member_ids=[elected.pk],
        text={"en": "The Board elected its co-chair.", "fr": "Le Conseil a élu sa coprésidente."},
        method="consensus",
    )
    changes = AuditEvent.objects.filter(verb="board_member.role_changed")
    assert {(e.object_id, e.before, e.after) for e in changes} == {
        (str(former.pk), "co_chair", "member"),
        (str(elected.pk), "member", "co_chair"),
    }


def test_the_members_area_link_in_the_message_is_absolute(
    french_member, secretariat_officer, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://alliance.example.org"
    meeting = _meeting()
    with (
        time_machine.travel(datetime(2026, 9, 1, tzinfo=GENEVA), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.meeting_invite(meeting_id=meeting.pk, actor=secretariat_officer)
    path = reverse("board:member_meeting", args=[meeting.pk]).replace("/en/", "/fr/")
    assert f"https://alliance.example.org{path}" in mail.outbox[0].body
