from datetime import date

import pytest
from django.core import mail
from django.core.files.base import ContentFile

from alliance.accounts.models import MembershipRole
from alliance.accounts.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from alliance.board import services
from alliance.board.models import BoardMember, Nomination
from alliance.core.models import AuditEvent
from alliance.core.states import TransitionRefused

from .factories import BoardMemberFactory, NominationFactory

pytestmark = pytest.mark.django_db


def _submit(actor, organisation, **overrides):
    fields = {
        "nominee_name": "Chimwemwe Phiri",
        "nominee_title": "Minister of Information and Digitalisation",
        "nominee_email": "minister@ministry.test",
        "biography": "Minister since 2023.",
        "cv": ContentFile(b"%PDF cv", name="cv.pdf"),
        "proposed_term_start": date(2027, 1, 1),
        "proposed_term_end": date(2029, 12, 31),
    }
    fields.update(overrides)
    return services.nomination_submit(actor=actor, organisation=organisation, **fields)


def test_signatory_nominates_and_it_is_audited(ministry, ministry_signatory):
    nomination = _submit(ministry_signatory, ministry)
    assert nomination.status == "submitted"
    assert AuditEvent.objects.filter(
        verb="nomination.submitted", object_id=str(nomination.pk)
    ).exists()


def test_organisation_that_may_not_nominate_is_refused(stranger):
    company = OrganisationFactory(kind="company", itu_membership="none")
    MembershipFactory(user=stranger, organisation=company, role=MembershipRole.SIGNATORY)
    with pytest.raises(TransitionRefused) as refused:
        _submit(stranger, company)
    assert refused.value.code == "not_eligible_to_nominate"
    assert Nomination.objects.count() == 0


def test_focal_point_who_is_not_signatory_is_refused(ministry, ministry_focal_point):
    with pytest.raises(TransitionRefused) as refused:
        _submit(ministry_focal_point, ministry)
    assert refused.value.code == "forbidden"
    assert Nomination.objects.count() == 0


def test_term_that_ends_before_it_starts_is_refused(ministry, ministry_signatory):
    with pytest.raises(TransitionRefused) as refused:
        _submit(ministry_signatory, ministry, proposed_term_end=date(2026, 1, 1))
    assert "cannot end before it starts" in refused.value.reason
    assert Nomination.objects.count() == 0


def test_person_who_already_sits_for_the_period_is_refused(ministry, ministry_signatory):
    BoardMemberFactory(
        full_name="Chimwemwe Phiri", email="other@x.test", term_end=date(2027, 6, 30)
    )
    with pytest.raises(TransitionRefused) as refused:
        _submit(ministry_signatory, ministry)
    assert refused.value.code == "overlapping_seat"


def _reviewed(secretariat_officer, eligible=True):
    nomination = NominationFactory()
    services.nomination_start_review(nomination_id=nomination.pk, actor=secretariat_officer)
    services.nomination_record_eligibility(
        nomination_id=nomination.pk, actor=secretariat_officer, eligible=eligible, note="ITU member"
    )
    return nomination


def test_director_approval_seats_the_nominee(
    secretariat_officer, director, django_capture_on_commit_callbacks
):
    nomination = _reviewed(secretariat_officer)
    with django_capture_on_commit_callbacks(execute=True):
        services.nomination_approve(
            nomination_id=nomination.pk,
            actor=director,
            term_start=date(2027, 1, 1),
            term_end=date(2029, 12, 31),
        )
    nomination.refresh_from_db()
    assert nomination.status == "approved"
    member = nomination.member
    assert member.full_name == nomination.nominee_name
    assert member.category == "member_state"
    assert member.nominating_organisation == nomination.organisation
    assert (member.term_start, member.term_end) == (date(2027, 1, 1), date(2029, 12, 31))
    verbs = set(AuditEvent.objects.values_list("verb", flat=True))
    assert {"nomination.review_started", "nomination.approved", "board_member.seated"} <= verbs
    assert mail.outbox[-1].to == [nomination.submitted_by.email]
    assert "Approved" in mail.outbox[-1].subject


def test_approval_links_an_existing_account_and_the_board_group(secretariat_officer, director):
    person = UserFactory(email="nominee@gov.test")
    nomination = NominationFactory(nominee_email="nominee@gov.test")
    services.nomination_start_review(nomination_id=nomination.pk, actor=secretariat_officer)
    services.nomination_record_eligibility(
        nomination_id=nomination.pk, actor=secretariat_officer, eligible=True, note="ok"
    )
    services.nomination_approve(
        nomination_id=nomination.pk,
        actor=director,
        term_start=date(2024, 1, 1),
        term_end=date(2030, 1, 1),
    )
    assert BoardMember.objects.get(user=person)
    assert "board_member" in set(person.groups.values_list("name", flat=True))


def test_approval_before_the_eligibility_check_is_refused(secretariat_officer, director):
    nomination = NominationFactory()
    services.nomination_start_review(nomination_id=nomination.pk, actor=secretariat_officer)
    with pytest.raises(TransitionRefused) as refused:
        services.nomination_approve(
            nomination_id=nomination.pk,
            actor=director,
            term_start=date(2027, 1, 1),
            term_end=date(2029, 1, 1),
        )
    assert refused.value.code == "not_checked"
    nomination.refresh_from_db()
    assert nomination.status == "under_review"
    assert BoardMember.objects.count() == 0


def test_secretariat_cannot_approve(secretariat_officer):
    nomination = _reviewed(secretariat_officer)
    with pytest.raises(TransitionRefused) as refused:
        services.nomination_approve(
            nomination_id=nomination.pk,
            actor=secretariat_officer,
            term_start=date(2027, 1, 1),
            term_end=date(2029, 1, 1),
        )
    assert refused.value.code == "forbidden"
    assert BoardMember.objects.count() == 0


def test_submitted_nomination_cannot_be_approved_directly(director):
    nomination = NominationFactory()
    with pytest.raises(TransitionRefused):
        services.nomination_approve(
            nomination_id=nomination.pk,
            actor=director,
            term_start=date(2027, 1, 1),
            term_end=date(2029, 1, 1),
        )
    nomination.refresh_from_db()
    assert nomination.status == "submitted"


def test_decline_needs_a_reason_and_tells_the_nominator(
    secretariat_officer, director, django_capture_on_commit_callbacks
):
    nomination = _reviewed(secretariat_officer, eligible=False)
    with pytest.raises(TransitionRefused):
        services.nomination_decline(nomination_id=nomination.pk, actor=director, reason="  ")
    nomination.refresh_from_db()
    assert nomination.status == "under_review"
    with django_capture_on_commit_callbacks(execute=True):
        services.nomination_decline(
            nomination_id=nomination.pk, actor=director, reason="Not an ITU member."
        )
    nomination.refresh_from_db()
    assert nomination.status == "declined"
    assert "Not an ITU member." in mail.outbox[-1].body


def test_withdraw_by_signatory_but_not_after_a_decision(
    ministry, ministry_signatory, director, secretariat_officer
):
    nomination = _submit(ministry_signatory, ministry)
    services.nomination_withdraw(nomination_id=nomination.pk, actor=ministry_signatory)
    nomination.refresh_from_db()
    assert nomination.status == "withdrawn"
    with pytest.raises(TransitionRefused):
        services.nomination_start_review(nomination_id=nomination.pk, actor=secretariat_officer)
    nomination.refresh_from_db()
    assert nomination.status == "withdrawn"


def test_stranger_cannot_withdraw(ministry, ministry_signatory, stranger):
    nomination = _submit(ministry_signatory, ministry)
    with pytest.raises(TransitionRefused) as refused:
        services.nomination_withdraw(nomination_id=nomination.pk, actor=stranger)
    assert refused.value.code == "forbidden"
    nomination.refresh_from_db()
    assert nomination.status == "submitted"
