from datetime import date, datetime, timedelta
from email import message_from_bytes
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from icalendar import Calendar

from alliance.board import services
from alliance.board.models import Attendance, BoardMember, Decision, Meeting
from alliance.core.models import AuditEvent
from alliance.core.states import TransitionRefused

from .factories import BoardMemberFactory, DecisionFactory, MeetingFactory

pytestmark = pytest.mark.django_db
GENEVA = ZoneInfo("Europe/Zurich")
NOW = datetime(2024, 3, 1, 12, 0, tzinfo=GENEVA)


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def _schedule(actor):
    return services.meeting_schedule(
        actor=actor,
        title={
            "en": "Inaugural meeting of the Digital Innovation Board",
            "fr": "Réunion inaugurale du Conseil de l'innovation numérique",
        },
        kind="annual",
        format="in_person",
        place="ITU headquarters, Geneva",
        online_url="",
        starts_at=datetime(2024, 3, 19, 9, 30, tzinfo=GENEVA),
        ends_at=datetime(2024, 3, 19, 17, 0, tzinfo=GENEVA),
        time_zone="Europe/Zurich",
    )


def test_invitations_carry_an_ical_invitation(
    frozen, secretariat_officer, django_capture_on_commit_callbacks
):
    BoardMemberFactory(full_name="Adaeze Nwosu", email="adaeze@board.test")
    BoardMemberFactory(full_name="Gone before", term_end=date(2024, 3, 1))
    meeting = _schedule(secretariat_officer)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.meeting_invite(meeting_id=meeting.pk, actor=secretariat_officer) == 1
    message = mail.outbox[0]
    assert message.to == ["adaeze@board.test"]
    assert "Inaugural meeting" in message.subject
    assert reverse("board:member_meeting", args=[meeting.pk]) in message.body
    name, content, mimetype = message.attachments[0]
    assert name == "invitation.ics"
    assert mimetype.startswith("text/calendar")
    event = Calendar.from_ical(content).walk("VEVENT")[0]
    assert Calendar.from_ical(content)["METHOD"] == "REQUEST"
    assert event["SUMMARY"] == "Inaugural meeting of the Digital Innovation Board"
    assert event.decoded("DTSTART") == datetime(2024, 3, 19, 9, 30, tzinfo=GENEVA)
    assert str(event.decoded("DTSTART").tzinfo) == "Europe/Zurich"
    assert event["LOCATION"] == "ITU headquarters, Geneva"
    assert "adaeze@board.test" in str(event["ATTENDEE"])
    assert f"board-meeting-{meeting.pk}@" in str(event["UID"])
    # The raw message really carries the calendar part.
    raw = message_from_bytes(message.message().as_bytes())
    assert any(p.get_content_type() == "text/calendar" for p in raw.walk())


def test_inviting_twice_is_refused_and_changes_nothing(frozen, secretariat_officer):
    BoardMemberFactory()
    meeting = _schedule(secretariat_officer)
    services.meeting_invite(meeting_id=meeting.pk, actor=secretariat_officer)
    with pytest.raises(TransitionRefused) as refused:
        services.meeting_invite(meeting_id=meeting.pk, actor=secretariat_officer)
    assert refused.value.code == "nothing_to_do"
    assert Attendance.objects.count() == 1


def test_only_the_secretariat_schedules(frozen, stranger):
    with pytest.raises(TransitionRefused) as refused:
        _schedule(stranger)
    assert refused.value.code == "forbidden"
    assert Meeting.objects.count() == 0


def test_meeting_that_ends_before_it_starts_is_refused(secretariat_officer):
    with pytest.raises(TransitionRefused):
        services.meeting_schedule(
            actor=secretariat_officer,
            title={"en": "x", "fr": "x"},
            kind="annual",
            format="virtual",
            place="",
            online_url="https://meet.example.org/x",
            starts_at=datetime(2024, 3, 19, 10, tzinfo=GENEVA),
            ends_at=datetime(2024, 3, 19, 9, tzinfo=GENEVA),
            time_zone="Europe/Zurich",
        )
    assert Meeting.objects.count() == 0


def test_decisions_wait_for_the_meeting(frozen, secretariat_officer):
    meeting = _schedule(secretariat_officer)
    with pytest.raises(TransitionRefused) as refused:
        services.decision_record(
            meeting_id=meeting.pk,
            actor=secretariat_officer,
            text={"en": "x", "fr": "x"},
            method="consensus",
        )
    assert refused.value.code == "too_early"
    assert Decision.objects.count() == 0


def test_co_chair_election_sets_the_roles_in_one_go(secretariat_officer):
    meeting = MeetingFactory()
    BoardMemberFactory(full_name="Former co-chair", role="co_chair")
    india = BoardMemberFactory(full_name="Arvind Menon")
    nigeria = BoardMemberFactory(full_name="Adaeze Nwosu")
    decision = services.co_chairs_elect(
        meeting_id=meeting.pk,
        actor=secretariat_officer,
        member_ids=[india.pk, nigeria.pk],
        text={"en": "The Board elected its co-chairs.", "fr": "Le Conseil a élu ses coprésidents."},
        method="vote",
        votes_for=15,
        votes_against=0,
        abstentions=1,
    )
    assert decision.kind == "co_chair_election"
    assert set(decision.elected.all()) == {india, nigeria}
    roles = dict(BoardMember.objects.values_list("full_name", "role"))
    assert roles == {
        "Former co-chair": "member",
        "Arvind Menon": "co_chair",
        "Adaeze Nwosu": "co_chair",
    }
    assert AuditEvent.objects.filter(verb="decision.co_chairs_elected").exists()


def test_election_of_someone_not_seated_is_refused(secretariat_officer):
    meeting = MeetingFactory()
    outsider = BoardMemberFactory(term_start=date(2025, 1, 1))
    with pytest.raises(TransitionRefused) as refused:
        services.co_chairs_elect(
            meeting_id=meeting.pk,
            actor=secretariat_officer,
            member_ids=[outsider.pk],
            text={"en": "x", "fr": "x"},
            method="consensus",
        )
    assert refused.value.code == "not_seated"
    assert Decision.objects.count() == 0
    outsider.refresh_from_db()
    assert outsider.role == "member"


def test_vote_needs_the_count(secretariat_officer):
    meeting = MeetingFactory()
    with pytest.raises(TransitionRefused):
        services.decision_record(
            meeting_id=meeting.pk,
            actor=secretariat_officer,
            text={"en": "x", "fr": "x"},
            method="vote",
        )
    assert Decision.objects.count() == 0


def test_publish_and_follow_up(secretariat_officer, client):
    decision = DecisionFactory(text={"en": "The Board adopted its work plan."})
    assert "adopted its work plan" not in client.get(reverse("board:decisions")).content.decode()
    services.decision_publish(decision_id=decision.pk, actor=secretariat_officer)
    with pytest.raises(TransitionRefused):
        services.decision_publish(decision_id=decision.pk, actor=secretariat_officer)
    services.decision_set_status(decision_id=decision.pk, actor=secretariat_officer, status="done")
    with pytest.raises(TransitionRefused):
        services.decision_set_status(
            decision_id=decision.pk, actor=secretariat_officer, status="open"
        )
    decision.refresh_from_db()
    assert (decision.is_published, decision.status) == (True, "done")
    cache.clear()  # anonymous public pages are cached for PUBLIC_CACHE_SECONDS
    assert "adopted its work plan" in client.get(reverse("board:decisions")).content.decode()


def test_minutes_mark_the_meeting_held_and_cancel_is_then_refused(secretariat_officer):
    meeting = MeetingFactory()
    services.minutes_record(meeting_id=meeting.pk, actor=secretariat_officer, minutes="Opened.")
    with pytest.raises(TransitionRefused):
        services.meeting_cancel(meeting_id=meeting.pk, actor=secretariat_officer)
    meeting.refresh_from_db()
    assert meeting.status == "held"


def test_schedule_through_the_page_with_time_zone(client, secretariat_officer):
    client.force_login(secretariat_officer)
    response = client.post(
        reverse("board:meeting_create"),
        {
            "title-en": "Annual meeting",
            "title-fr": "Réunion annuelle",
            "kind": "annual",
            "format": "virtual",
            "online_url": "https://meet.example.org/dib",
            "date": "2026-10-14",
            "start_time": "13:00",
            "end_time": "16:00",
            "time_zone": "Africa/Lagos",
        },
    )
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.starts_at == datetime(2026, 10, 14, 12, 0, tzinfo=ZoneInfo("UTC"))


def test_virtual_meeting_needs_a_link(client, secretariat_officer):
    client.force_login(secretariat_officer)
    response = client.post(
        reverse("board:meeting_create"),
        {
            "title-en": "Annual meeting",
            "title-fr": "Réunion annuelle",
            "kind": "annual",
            "format": "virtual",
            "date": "2026-10-14",
            "start_time": "13:00",
            "end_time": "12:00",
            "time_zone": "Europe/Zurich",
        },
    )
    body = response.content.decode()
    assert "Give the link of a virtual meeting." in body
    assert "The meeting must end after it starts." in body
    assert Meeting.objects.count() == 0


def test_meeting_list_query_count(client, secretariat_officer, django_assert_max_num_queries):
    for i in range(30):
        MeetingFactory(starts_at=datetime(2024, 3, 19, 9, tzinfo=GENEVA) + timedelta(days=i))
    client.force_login(secretariat_officer)
    with django_assert_max_num_queries(15):
        assert client.get(reverse("board:meeting_list")).status_code == 200


def _edit(actor, meeting, **changes):
    fields = {
        name: getattr(meeting, name)
        for name in [
            "title",
            "kind",
            "format",
            "place",
            "online_url",
            "starts_at",
            "ends_at",
            "time_zone",
        ]
    }
    return services.meeting_update(meeting_id=meeting.pk, actor=actor, **{**fields, **changes})


def test_moving_an_invited_meeting_sends_the_invitation_again(
    frozen, secretariat_officer, django_capture_on_commit_callbacks
):
    BoardMemberFactory(full_name="Adaeze Nwosu", email="adaeze@board.test")
    BoardMemberFactory(full_name="Rahul Mehta", email="rahul@board.test")
    meeting = _schedule(secretariat_officer)
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_invite(meeting_id=meeting.pk, actor=secretariat_officer)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        _edit(
            secretariat_officer,
            meeting,
            starts_at=datetime(2024, 3, 20, 10, 0, tzinfo=GENEVA),
            ends_at=datetime(2024, 3, 20, 16, 0, tzinfo=GENEVA),
        )
    assert len(callbacks) == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["adaeze@board.test", "rahul@board.test"]
    message = mail.outbox[0]
    assert message.subject.startswith("Updated invitation:")
    assert "has changed" in message.body
    calendar = Calendar.from_ical(message.attachments[0][1])
    event = calendar.walk("VEVENT")[0]
    assert calendar["METHOD"] == "REQUEST"
    assert event["SEQUENCE"] == 1
    assert str(event["UID"]).startswith(f"board-meeting-{meeting.pk}@")
    assert event.decoded("DTSTART") == datetime(2024, 3, 20, 10, 0, tzinfo=GENEVA)


def test_a_new_place_or_link_also_sends_it_again(
    frozen, secretariat_officer, django_capture_on_commit_callbacks
):
    BoardMemberFactory(email="adaeze@board.test")
    meeting = _schedule(secretariat_officer)
    services.meeting_invite(meeting_id=meeting.pk, actor=secretariat_officer)
    with django_capture_on_commit_callbacks(execute=True):
        _edit(secretariat_officer, meeting, online_url="https://meet.itu.int/board")
    assert len(mail.outbox) == 1
    event = Calendar.from_ical(mail.outbox[0].attachments[0][1]).walk("VEVENT")[0]
    assert event["SEQUENCE"] == 1
    assert "https://meet.itu.int/board" in str(event["LOCATION"])


def test_edits_that_keep_date_time_and_place_send_nothing(
    frozen, secretariat_officer, django_capture_on_commit_callbacks
):
    BoardMemberFactory(email="adaeze@board.test")
    meeting = _schedule(secretariat_officer)
    services.meeting_invite(meeting_id=meeting.pk, actor=secretariat_officer)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        _edit(secretariat_officer, meeting)
        _edit(secretariat_officer, meeting, title={"en": "Inaugural meeting (agenda revised)"})
    assert callbacks == []
    assert mail.outbox == []
    meeting.refresh_from_db()
    assert meeting.sequence == 0
    assert meeting.title["en"] == "Inaugural meeting (agenda revised)"


def test_moving_a_meeting_before_invitations_sends_nothing(
    frozen, secretariat_officer, django_capture_on_commit_callbacks
):
    BoardMemberFactory(email="adaeze@board.test")
    meeting = _schedule(secretariat_officer)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        _edit(secretariat_officer, meeting, place="Geneva International Conference Centre")
    assert callbacks == []
    assert mail.outbox == []


def test_the_edit_page_says_the_members_are_told(
    frozen, client, secretariat_officer, django_capture_on_commit_callbacks
):
    BoardMemberFactory(email="adaeze@board.test")
    meeting = _schedule(secretariat_officer)
    services.meeting_invite(meeting_id=meeting.pk, actor=secretariat_officer)
    client.force_login(secretariat_officer)
    page = client.get(reverse("board:meeting_edit", args=[meeting.pk]))
    data = {**page.context["form"].initial, "place": "Room B, ITU Montbrillant"}
    # The title is typed in one input per language.
    data |= {f"title-{code}": text for code, text in data.pop("title").items()}
    data = {k: ("" if v is None else v) for k, v in data.items()}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("board:meeting_edit", args=[meeting.pk]), data, follow=True)
    assert "The invited members are sent the new details." in response.content.decode()
    assert len(mail.outbox) == 1
