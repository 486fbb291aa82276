"""The newer staff pages cost the same number of queries with a little and with a lot on
them (issue 16: at most 15 per page whatever the volume).

Each test loads the page with a small volume, adds more of what the page lists, loads it
again and asserts the second count is no larger than the first, and both within 15.
"""

import re
from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from alliance.accounts.models import (
    ItuMember,
    ItuMembership,
    ItuVerification,
    JoinRequest,
    JoinRequestKind,
    Membership,
)
from alliance.accounts.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from alliance.centres.costs import FIGURE_FIELDS
from alliance.centres.models import CostModelVersion
from alliance.centres.selectors import cost_version_on
from alliance.centres.services.costs import cost_version_create
from alliance.core import kernel
from alliance.core.models import Region
from alliance.monitoring.tests.test_lessons import lesson

pytestmark = pytest.mark.django_db

LIMIT = 15


def queries(client, url) -> int:
    response = client.get(url)  # the first load fills what a worker keeps between requests
    assert response.status_code == 200
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def assert_flat(client, url, grow, small=3, large=30):
    grow(small)
    few = queries(client, url)
    grow(large)
    many = queries(client, url)
    assert many <= few <= LIMIT, f"{url}: {few} queries with {small}, {many} with {large}"


def test_itu_list_does_not_grow_with_the_entries(client, secretariat_officer):
    added = []

    def grow(n):
        start = len(added)
        added.extend(
            ItuMember.objects.bulk_create(
                ItuMember(
                    category=ItuMembership.SECTOR_MEMBER, key=f"sm-{i}", name=f"Sector member {i}"
                )
                for i in range(start, start + n)
            )
        )

    client.force_login(secretariat_officer)
    assert_flat(client, "/en/staff/itu-list/", grow)


def test_waiting_people_does_not_grow_with_claims_and_checks(client, secretariat_officer):
    def grow(n):
        for _ in range(n):
            organisation = OrganisationFactory(itu_status=ItuVerification.PENDING)
            JoinRequest.objects.create(
                kind=JoinRequestKind.CLAIM,
                user=UserFactory(),
                organisation=OrganisationFactory(),
            )
            assert organisation.pk

    client.force_login(secretariat_officer)
    assert_flat(client, "/en/staff/waiting/", grow)


def test_cost_model_does_not_grow_with_its_versions(client, secretariat_officer):
    latest = cost_version_on()

    def grow(n):
        for _ in range(n):
            last = CostModelVersion.objects.order_by("-number").first()
            cost_version_create(
                actor=secretariat_officer,
                effective_from=max(last.effective_from, timezone.localdate()) + timedelta(days=1),
                **{name: getattr(latest, name) for name in FIGURE_FIELDS},
            )

    client.force_login(secretariat_officer)
    assert_flat(client, "/en/centres/manage/costs/", grow)


def test_lessons_desk_does_not_grow_with_the_lessons_waiting(client, lab_expert):
    def grow(n):
        for i in range(n):
            lesson(lab_expert, title=f"Lesson {i}", publish=False)

    client.force_login(lab_expert)
    assert_flat(client, "/en/monitoring/lessons/desk/", grow)


def test_security_page_does_not_grow_with_the_staff(client, director):
    def grow(n):
        for _ in range(n):
            UserFactory(is_staff=True)

    client.force_login(director)
    assert_flat(client, "/en/staff/security/", grow)


def test_audit_log_does_not_grow_with_events_about_objects_named_after_others(
    client, secretariat_officer
):
    """A membership's name is its person's and its organisation's: fifty events about
    fifty memberships once read both for each row."""
    region = Region.objects.first()

    def grow(n):
        with transaction.atomic():
            for _ in range(n):
                membership = MembershipFactory()
                kernel.record(membership, actor=secretariat_officer, verb="membership.added")
                kernel.record(region, actor=secretariat_officer, verb="region.renamed")
        assert Membership.objects.count() >= n

    client.force_login(secretariat_officer)
    assert_flat(client, "/en/staff/audit/", grow)


def test_notification_preferences_do_not_cost_a_query_per_kind(client, ministry_focal_point):
    """Everyone's preferences page read the person's choice for each kind of message one
    by one; it now reads them all at once, and shows each saved choice."""
    from alliance.notifications.models import Delivery, Preference
    from alliance.notifications.registry import KINDS

    optional = [code for code, kind in KINDS.items() if not kind.essential]
    client.force_login(ministry_focal_point)
    few = queries(client, "/en/notifications/preferences/")
    Preference.objects.bulk_create(
        Preference(user=ministry_focal_point, kind=code, delivery=Delivery.WEEKLY)
        for code in optional
    )
    many = queries(client, "/en/notifications/preferences/")
    assert many <= few <= 6
    page = client.get("/en/notifications/preferences/").content.decode()
    assert len(re.findall(r'value="weekly"[^>]*checked', page)) == len(optional)
