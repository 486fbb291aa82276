from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from alliance.accounts.tests.reauth import reauthenticated
from alliance.board import services
from alliance.board.models import BoardMember
from alliance.board.selectors import current_members, members_on
from alliance.core.models import AuditEvent
from alliance.core.states import TransitionRefused

from .factories import BoardMemberFactory

pytestmark = pytest.mark.django_db
GENEVA = ZoneInfo("Europe/Zurich")


def test_composition_on_a_past_date():
    early = BoardMemberFactory(full_name="Founding member", term_end=date(2025, 2, 14))
    later = BoardMemberFactory(full_name="Successor", term_start=date(2025, 2, 15))
    resigned = BoardMemberFactory(
        full_name="Resigned member", status="resigned", ended_on=date(2024, 6, 30)
    )
    assert set(members_on(date(2024, 3, 19))) == {early, resigned}
    assert set(members_on(date(2024, 7, 1))) == {early}
    assert set(members_on(date(2025, 3, 1))) == {later}


def test_public_page_on_a_past_date(client):
    BoardMemberFactory(full_name="Founding member", term_end=date(2025, 2, 14))
    BoardMemberFactory(full_name="Successor", term_start=date(2025, 2, 15))
    body = client.get(reverse("board:board") + "?on=2024-03-19").content.decode()
    assert "Founding member" in body
    assert "Successor" not in body


def test_invalid_date_shows_an_error_and_today(client):
    BoardMemberFactory(full_name="Sitting member", term_end=None)
    body = client.get(reverse("board:board") + "?on=19/03/2024x").content.decode()
    assert "Enter a valid date." in body
    assert "Sitting member" in body


def test_ended_term_leaves_the_current_list_the_next_day(client):
    BoardMemberFactory(full_name="Outgoing member", term_end=date(2027, 2, 14))
    with time_machine.travel(datetime(2027, 2, 14, 23, 0, tzinfo=GENEVA), tick=False):
        assert [m.full_name for m in current_members()] == ["Outgoing member"]
    with time_machine.travel(datetime(2027, 2, 15, 0, 30, tzinfo=GENEVA), tick=False):
        assert list(current_members()) == []
        body = client.get(reverse("board:board")).content.decode()
        current, past = body.split("Past members")
        assert "Outgoing member" not in current
        assert "Outgoing member" in past


def test_expire_terms_is_idempotent_and_audited():
    member = BoardMemberFactory(term_end=date(2025, 12, 31), role="co_chair")
    assert services.expire_terms(today=date(2026, 1, 1)) == 1
    assert services.expire_terms(today=date(2026, 1, 1)) == 0
    member.refresh_from_db()
    assert (member.status, member.ended_on, member.role) == ("ended", date(2025, 12, 31), "member")
    assert AuditEvent.objects.filter(verb="board_member.term_ended").count() == 1


def test_reminders_once_per_term(django_capture_on_commit_callbacks):
    BoardMemberFactory(full_name="Soon", email="soon@board.test", term_end=date(2027, 2, 14))
    BoardMemberFactory(full_name="Later", term_end=date(2028, 2, 14))
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_term_reminders(today=date(2027, 1, 1), days_ahead=60) == 1
        assert services.send_term_reminders(today=date(2027, 1, 2), days_ahead=60) == 0
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["soon@board.test"]
    assert "2027-02-14" in mail.outbox[0].subject


def test_command_runs_both_jobs(capsys):
    BoardMemberFactory(term_end=date(2020, 1, 1), term_start=date(2018, 1, 1))
    call_command("board_terms")
    assert "1 term(s) ended" in capsys.readouterr().out


def test_renewal_by_the_director(director):
    member = BoardMemberFactory(term_end=date(2027, 2, 14))
    services.member_renew(member_id=member.pk, actor=director, term_end=date(2030, 2, 14))
    member.refresh_from_db()
    assert member.term_end == date(2030, 2, 14)
    with pytest.raises(TransitionRefused):
        services.member_renew(member_id=member.pk, actor=director, term_end=date(2029, 1, 1))
    member.refresh_from_db()
    assert member.term_end == date(2030, 2, 14)


def test_resignation_moves_to_past_members(secretariat_officer):
    member = BoardMemberFactory()
    services.member_end(
        member_id=member.pk,
        actor=secretariat_officer,
        ended_on=date(2025, 6, 30),
        reason="Left office",
        resigned=True,
    )
    member.refresh_from_db()
    assert member.status == "resigned"
    assert member not in members_on(date(2025, 7, 1))
    with pytest.raises(TransitionRefused):
        services.member_end(
            member_id=member.pk, actor=secretariat_officer, ended_on=date(2025, 7, 1)
        )


def test_designation_by_the_director_only(director, secretariat_officer):
    fields = {
        "full_name": "Helena Ortiz",
        "title": "Professor",
        "category": "expert",
        "term_start": date(2024, 2, 15),
        "term_end": date(2027, 2, 14),
    }
    with pytest.raises(TransitionRefused) as refused:
        services.member_designate(actor=secretariat_officer, **fields)
    assert refused.value.code == "forbidden"
    assert BoardMember.objects.count() == 0
    member = services.member_designate(actor=director, **fields)
    assert member.appointed_by == director
    assert AuditEvent.objects.filter(verb="board_member.designated").exists()


def test_designation_refuses_bad_terms_and_overlaps(director):
    base = {"full_name": "Kwame Asante", "title": "Founder", "category": "leader"}
    with pytest.raises(TransitionRefused):
        services.member_designate(
            actor=director, term_start=date(2025, 1, 1), term_end=date(2024, 1, 1), **base
        )
    services.member_designate(
        actor=director, term_start=date(2024, 1, 1), term_end=date(2026, 12, 31), **base
    )
    with pytest.raises(TransitionRefused) as refused:
        services.member_designate(
            actor=director, term_start=date(2026, 6, 1), term_end=date(2028, 1, 1), **base
        )
    assert refused.value.code == "overlapping_seat"
    assert BoardMember.objects.count() == 1


def test_designation_page_for_the_director(client, director, secretariat_officer):
    client.force_login(secretariat_officer)
    assert client.get(reverse("board:designate")).status_code == 403
    reauthenticated(client, director)
    response = client.post(
        reverse("board:designate"),
        {
            "full_name": "Omar Haddad",
            "title": "Adviser",
            "category": "expert",
            "role": "member",
            "term_start": "2024-02-15",
            "term_end": "2027-02-14",
        },
    )
    assert response.status_code == 302
    assert BoardMember.objects.get().full_name == "Omar Haddad"


def test_seat_list_query_count(client, secretariat_officer, django_assert_max_num_queries):
    BoardMemberFactory.create_batch(40)
    client.force_login(secretariat_officer)
    with django_assert_max_num_queries(15):
        assert client.get(reverse("board:seat_list")).status_code == 200


def test_member_who_signs_up_later_is_linked_at_sign_in(client):
    from alliance.accounts.tests.factories import UserFactory

    member = BoardMemberFactory(email="late@board.test", term_end=None)
    user = UserFactory(email="late@board.test")
    client.force_login(user)
    member.refresh_from_db()
    assert member.user == user
    assert "board_member" in set(user.groups.values_list("name", flat=True))
    assert client.get(reverse("board:member_area")).status_code == 200


def test_secretariat_updates_details_and_relinks_the_account(client, secretariat_officer):
    from alliance.accounts.tests.factories import UserFactory

    old_user = UserFactory(email="old@board.test")
    member = BoardMemberFactory(email="old@board.test", user=old_user, term_end=None)
    client.force_login(secretariat_officer)
    response = client.post(
        reverse("board:seat_edit", args=[member.pk]),
        {
            "full_name": member.full_name,
            "title": "Minister of Digital Economy",
            "email": "new@board.test",
            "country": "MW",
        },
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert (member.title, member.email, member.user) == (
        "Minister of Digital Economy",
        "new@board.test",
        None,
    )
    assert AuditEvent.objects.filter(verb="board_member.updated").exists()


def test_strangers_cannot_change_details(client, stranger):
    member = BoardMemberFactory()
    client.force_login(stranger)
    assert client.get(reverse("board:seat_edit", args=[member.pk])).status_code == 403
    with pytest.raises(TransitionRefused):
        services.member_update(member_id=member.pk, actor=stranger, title="x")


def test_one_chair_at_a_time_and_co_chairs_are_elected(director):
    BoardMemberFactory(role="chair", term_end=None)
    base = {"title": "Director", "category": "leader", "term_start": date(2026, 1, 1)}
    with pytest.raises(TransitionRefused) as refused:
        services.member_designate(
            actor=director, full_name="Second chair", role="chair", term_end=None, **base
        )
    assert refused.value.code == "chair_taken"
    with pytest.raises(TransitionRefused) as refused:
        services.member_designate(
            actor=director, full_name="Appointed co-chair", role="co_chair", term_end=None, **base
        )
    assert refused.value.code == "co_chairs_elected"
    assert BoardMember.objects.count() == 1


def test_an_ended_term_reads_ended_at_midnight_in_geneva_before_the_job(client):
    member = BoardMemberFactory(full_name="Outgoing member", term_end=date(2027, 2, 14))
    with time_machine.travel(datetime(2027, 2, 14, 23, 59, 59, tzinfo=GENEVA), tick=False):
        assert BoardMember.objects.get(pk=member.pk).current_status == "active"
    with time_machine.travel(datetime(2027, 2, 15, 0, 0, 0, tzinfo=GENEVA), tick=False):
        seat = BoardMember.objects.get(pk=member.pk)
        assert (seat.status, seat.current_status) == ("active", "ended")
        assert services.expire_terms(today=date(2027, 2, 15)) == 1
        assert services.expire_terms(today=date(2027, 2, 15)) == 0
    seat.refresh_from_db()
    assert (seat.status, seat.ended_on) == ("ended", date(2027, 2, 14))
