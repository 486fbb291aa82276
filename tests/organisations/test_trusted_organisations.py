"""Issue 17: ITU's lists, the secretariat's check, requests to join and to take over, the
secretariat's people tools and merging duplicates."""

import pytest
from django.core import mail

from alliance.accounts import itu, joins, merge
from alliance.accounts.models import (
    ItuMember,
    JoinRequest,
    JoinRequestKind,
    Membership,
    MembershipRole,
    Organisation,
)
from alliance.accounts.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from alliance.calls.tests.factories import ApplicationFactory, CallFactory
from alliance.core.models import AuditEvent
from alliance.core.states import PermissionRefused, TransitionRefused


def test_the_member_states_list_is_reference_data(db):
    malawi = ItuMember.objects.get(category="member_state", key="MW")
    assert malawi.name == "Malawi"
    assert ItuMember.objects.filter(category="member_state").count() >= 193
    assert not ItuMember.objects.filter(key__in=["AQ", "BV"]).exists()  # Antarctica, Bouvet


def test_an_import_previews_then_applies_with_one_audit_event(secretariat_officer):
    csv = "category,key,name,country\nacademia,AC-1,University of Malawi,MW\n"
    preview = itu.preview_import(csv)
    assert [r["name"] for r in preview.added] == ["University of Malawi"]
    assert not ItuMember.objects.filter(key="AC-1").exists()  # a preview changes nothing
    itu.apply_import(text=csv, actor=secretariat_officer)
    changed = "category,key,name,country\nacademia,AC-1,University of Malawi (UNIMA),MW\n"
    preview = itu.apply_import(text=changed, actor=secretariat_officer)
    assert len(preview.changed) == 1
    assert ItuMember.objects.get(key="AC-1").name == "University of Malawi (UNIMA)"
    assert AuditEvent.objects.filter(verb="itu_list.imported").count() == 2


def test_an_import_with_errors_says_which_line_and_imports_nothing(secretariat_officer):
    csv = "category,key,name,country\nacademia,AC-1,Uni,MW\nplanet,X,Mars,\n"
    preview = itu.preview_import(csv)
    assert preview.errors[0][0] == 3
    with pytest.raises(TransitionRefused):
        itu.apply_import(text=csv, actor=secretariat_officer)
    assert not ItuMember.objects.filter(key="AC-1").exists()


def test_only_the_secretariat_imports(ministry_focal_point):
    with pytest.raises(PermissionRefused):
        itu.apply_import(text="category,key,name,country\n", actor=ministry_focal_point)


def test_a_declared_membership_counts_only_once_verified(university, secretariat_officer):
    assert university.itu_membership == "academia"
    assert not university.is_itu_member
    entry = ItuMember.objects.create(category="academia", key="AC-UON", name="UoN", country="KE")
    itu.verify(organisation_id=university.pk, actor=secretariat_officer, entry_id=entry.pk)
    university.refresh_from_db()
    assert university.verified_membership == "academia"
    entry.active = False
    entry.save()
    assert not Organisation.objects.get(pk=university.pk).is_itu_member  # no longer on ITU's list


def test_the_entry_must_be_in_the_organisations_country(university, secretariat_officer):
    malawi = ItuMember.objects.get(category="member_state", key="MW")
    with pytest.raises(TransitionRefused) as refused:
        itu.verify(organisation_id=university.pk, actor=secretariat_officer, entry_id=malawi.pk)
    assert "Malawi" in refused.value.reason and "Kenya" in refused.value.reason


def test_a_focal_point_cannot_verify_their_own_organisation(university, university_focal_point):
    itu.request_check(organisation_id=university.pk, actor=university_focal_point)
    entry = ItuMember.objects.create(category="academia", key="AC-UON", name="UoN", country="KE")
    with pytest.raises(PermissionRefused):
        itu.verify(organisation_id=university.pk, actor=university_focal_point, entry_id=entry.pk)


def test_a_join_request_is_answered_by_the_focal_point(
    ministry, ministry_focal_point, django_capture_on_commit_callbacks
):
    person = UserFactory(email="new@ministry.test")
    request = joins.join_request_send(organisation_id=ministry.pk, actor=person)
    assert request.kind == JoinRequestKind.JOIN
    with pytest.raises(TransitionRefused) as refused:
        joins.join_request_send(organisation_id=ministry.pk, actor=person)
    assert refused.value.code == "already_requested"
    stranger = UserFactory()
    with pytest.raises(PermissionRefused):
        joins.join_request_approve(request_id=request.pk, actor=stranger)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        membership = joins.join_request_approve(request_id=request.pk, actor=ministry_focal_point)
    assert membership.role == MembershipRole.MEMBER
    assert mail.outbox[-1].to == ["new@ministry.test"]


def test_a_declined_request_tells_the_reason(
    ministry, ministry_focal_point, django_capture_on_commit_callbacks
):
    person = UserFactory(email="new@ministry.test")
    request = joins.join_request_send(organisation_id=ministry.pk, actor=person)
    with django_capture_on_commit_callbacks(execute=True):
        joins.join_request_decline(
            request_id=request.pk, actor=ministry_focal_point, reason="We do not know you."
        )
    assert "We do not know you." in mail.outbox[-1].body
    assert not Membership.objects.filter(user=person, organisation=ministry).exists()


def test_an_organisation_with_nobody_is_claimed_through_the_secretariat(
    secretariat_officer, ministry_focal_point
):
    tcra = OrganisationFactory(name="TCRA", country="TZ", kind="regulator")
    person = UserFactory(email="dg@tcra.test")
    request = joins.join_request_send(organisation_id=tcra.pk, actor=person)
    assert request.kind == JoinRequestKind.CLAIM
    with pytest.raises(PermissionRefused):
        joins.join_request_approve(request_id=request.pk, actor=ministry_focal_point)
    membership = joins.join_request_approve(request_id=request.pk, actor=secretariat_officer)
    assert membership.role == MembershipRole.FOCAL_POINT


def test_the_secretariat_adds_a_person_and_hands_over_the_focal_point(
    ministry, ministry_focal_point, secretariat_officer
):
    colleague = UserFactory(email="deputy@ministry.test")
    membership = joins.person_add(
        organisation_id=ministry.pk,
        actor=secretariat_officer,
        email="deputy@ministry.test",
        role=MembershipRole.MEMBER,
    )
    invitation = joins.person_add(
        organisation_id=ministry.pk,
        actor=secretariat_officer,
        email="nobody-yet@ministry.test",
        role=MembershipRole.MEMBER,
    )
    assert invitation.email == "nobody-yet@ministry.test"
    joins.focal_point_hand_over(
        organisation_id=ministry.pk, actor=secretariat_officer, to_membership_id=membership.pk
    )
    roles = dict(ministry.memberships.values_list("user__email", "role"))
    assert roles[colleague.email] == MembershipRole.FOCAL_POINT
    assert roles[ministry_focal_point.email] == MembershipRole.MEMBER
    assert AuditEvent.objects.filter(verb="membership.focal_point_handed_over").count() == 1


def test_a_merge_moves_everything_that_points_at_the_duplicate(
    ministry, ministry_focal_point, secretariat_officer
):
    duplicate = OrganisationFactory(name="Ministry of ICT Malawi", country="MW", acronym="")
    MembershipFactory(user=ministry_focal_point, organisation=duplicate, role="member")
    other = UserFactory()
    MembershipFactory(user=other, organisation=duplicate, role=MembershipRole.SIGNATORY)
    application = ApplicationFactory(organisation=duplicate, call=CallFactory())
    labels = {f"{m._meta.label}.{f.name}" for m, f in merge.references()}
    assert {"calls.Application.organisation", "accounts.Membership.organisation"} <= labels
    merge.organisation_merge(
        keep_id=ministry.pk, duplicate_id=duplicate.pk, actor=secretariat_officer
    )
    application.refresh_from_db()
    assert application.organisation_id == ministry.pk
    assert not Organisation.objects.filter(pk=duplicate.pk).exists()
    roles = dict(ministry.memberships.values_list("user_id", "role"))
    assert roles == {
        ministry_focal_point.pk: MembershipRole.FOCAL_POINT,
        other.pk: MembershipRole.SIGNATORY,
    }
    verbs = set(AuditEvent.objects.values_list("verb", flat=True))
    assert {"organisation.merged", "organisation.merged_away"} <= verbs


def test_a_merge_that_would_break_a_one_per_organisation_rule_is_refused(secretariat_officer):
    keep = OrganisationFactory()
    duplicate = OrganisationFactory()
    call = CallFactory()
    ApplicationFactory(organisation=keep, call=call)
    ApplicationFactory(organisation=duplicate, call=call)
    with pytest.raises(TransitionRefused) as refused:
        merge.organisation_merge(
            keep_id=keep.pk, duplicate_id=duplicate.pk, actor=secretariat_officer
        )
    assert refused.value.code == "merge_conflict"
    assert Organisation.objects.filter(pk=duplicate.pk).exists()
    assert JoinRequest.objects.count() == 0
