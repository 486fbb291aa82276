"""The centre's dates in its managers' personal calendar feed."""

from datetime import date

import pytest

from alliance.accounts.models import MembershipRole
from alliance.accounts.tests.factories import MembershipFactory, UserFactory
from alliance.centres import services
from alliance.notifications.calendar import feed_for
from alliance.notifications.selectors import calendar_entries

pytestmark = pytest.mark.django_db


def _centre_entries(user):
    return [
        (e.uid.rsplit("-", 1)[-1], e.start) for e in calendar_entries(user) if "centres" in e.uid
    ]


def test_managers_see_when_the_accreditation_ends_and_when_the_self_report_is_due(
    accredited, manager, secretariat_officer
):
    _centre, accreditation = accredited
    assert _centre_entries(manager) == [("end", date(2027, 2, 28))]
    evaluation = services.renewal_open(accreditation_id=accreditation.pk, actor=secretariat_officer)
    assert sorted(_centre_entries(manager)) == [
        ("end", date(2027, 2, 28)),
        ("report", date(2027, 2, 28)),
    ]
    services.renewal_self_report(evaluation_id=evaluation.pk, actor=manager, self_report="Done.")
    assert _centre_entries(manager) == [("end", date(2027, 2, 28))]


def test_the_feed_names_the_centre_in_the_managers_language(accredited, manager):
    centre, _ = accredited
    manager.preferred_language = "fr"
    feed = feed_for(manager).decode()
    assert f"SUMMARY:{centre.name}" not in feed  # a sentence, not the bare name
    assert centre.name in feed and "/fr/centres/manage/" in feed


def test_only_focal_points_and_signatories_get_the_dates(accredited, stranger, other_manager):
    centre, _ = accredited
    member = UserFactory(email="member@ministry.test")
    MembershipFactory(
        user=member, organisation=centre.host_organisation, role=MembershipRole.MEMBER
    )
    signatory = UserFactory(email="sign@ministry.test")
    MembershipFactory(
        user=signatory, organisation=centre.host_organisation, role=MembershipRole.SIGNATORY
    )
    assert _centre_entries(signatory) == [("end", date(2027, 2, 28))]
    for user in (member, stranger, other_manager):
        assert _centre_entries(user) == []


def test_an_accreditation_no_longer_in_force_leaves_the_calendar(accredited, manager, director):
    _centre, accreditation = accredited
    services.accreditation_revoke(accreditation_id=accreditation.pk, actor=director, reason="x")
    assert _centre_entries(manager) == []
