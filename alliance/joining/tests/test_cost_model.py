"""The cost model as data: versions with effective dates, created by the secretariat and
never edited; every estimate names the version it used and keeps it."""

import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from alliance.centres import services
from alliance.centres.costs import FIGURE_FIELDS, estimate_cost
from alliance.centres.models import CostModelVersion
from alliance.centres.selectors import cost_version_on
from alliance.core.models import AuditEvent
from alliance.core.states import PermissionRefused, TransitionRefused
from alliance.joining import services as joining
from alliance.joining.tests.factories import AssessmentFactory

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    """The page's text, tags dropped (numbers are isolated in <bdi>)."""
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def _figures(**changes):
    first = CostModelVersion.objects.get(number=1)
    return {**{name: getattr(first, name) for name in FIGURE_FIELDS}, **changes}


def _post_data(effective_from, **changes):
    data = {name: str(value) for name, value in _figures(**changes).items()}
    return {**data, "effective_from": effective_from.isoformat(), "note": "Salaries rose."}


def test_version_1_holds_the_figures_of_the_first_release():
    version = cost_version_on()
    assert version.number == 1
    # A moderate-cost national, country-owned centre with 3 objectives and 1 flagship.
    estimate = estimate_cost(
        figures=version, cost_class="moderate", objectives=3, scope="national", ownership="country"
    )
    assert (estimate.annual_usd, estimate.low_usd, estimate.high_usd) == (410_000, 328_000, 512_000)
    assert estimate.version == 1


def test_the_secretariat_creates_a_version_and_it_is_audited(secretariat_officer):
    today = timezone.localdate()
    version = services.cost_version_create(
        actor=secretariat_officer,
        effective_from=today,
        note="Salaries rose.",
        **_figures(base_moderate=250_000),
    )
    assert version.number == 2 and cost_version_on() == version
    event = AuditEvent.objects.get(verb="cost_model.version_created")
    assert event.actor == secretariat_officer and event.after["base_moderate"] == "250000"
    # An older estimate date still reads version 1.
    assert cost_version_on(today - timedelta(days=1)).number == 1


def test_no_version_starts_in_the_past_or_before_the_latest(secretariat_officer, director):
    today = timezone.localdate()
    with pytest.raises(TransitionRefused) as refused:
        services.cost_version_create(
            actor=secretariat_officer, effective_from=today - timedelta(days=1), **_figures()
        )
    assert refused.value.code == "effective_in_past"
    services.cost_version_create(
        actor=secretariat_officer, effective_from=today + timedelta(days=30), **_figures()
    )
    with pytest.raises(TransitionRefused) as refused:
        services.cost_version_create(
            actor=secretariat_officer, effective_from=today + timedelta(days=1), **_figures()
        )
    assert refused.value.code == "before_latest"
    with pytest.raises(PermissionRefused):
        services.cost_version_create(actor=director, effective_from=today, **_figures())
    # A planned version is not in effect yet.
    assert cost_version_on().number == 1


def test_staff_pages_list_versions_and_create_one(client, secretariat_officer, director, stranger):
    client.force_login(stranger)
    assert client.get(reverse("centres:cost_model")).status_code == 403
    client.force_login(director)
    page = client.get(reverse("centres:cost_model")).content.decode()
    assert "Version 1" in page and "Create a new version" not in page
    assert client.get(reverse("centres:cost_version_new")).status_code == 403
    client.force_login(secretariat_officer)
    form = client.get(reverse("centres:cost_version_new")).content.decode()
    assert 'value="200000"' in form  # starts from the figures in effect
    today = timezone.localdate()
    bad = _post_data(today, base_high="a lot", scope_global="-1")
    response = client.post(reverse("centres:cost_version_new"), bad)
    assert response.status_code == 200
    assert "Error:" in response.content.decode() and 'value="a lot"' in response.content.decode()
    past = client.post(reverse("centres:cost_version_new"), _post_data(today - timedelta(days=3)))
    assert "takes effect today or later" in past.content.decode()
    response = client.post(
        reverse("centres:cost_version_new"), _post_data(today, per_flagship=75_000)
    )
    assert response.status_code == 302
    assert CostModelVersion.objects.get(number=2).per_flagship == 75_000
    page = client.get(reverse("centres:cost_model")).content.decode()
    assert "Version 2" in page and "Salaries rose." in page


def test_the_public_recommender_shows_the_version_it_used(
    client, secretariat_officer, django_capture_on_commit_callbacks
):
    url = reverse("joining:which_centre_type") + "?scope=national"
    assert "version 1 of the cost model" in _text(client.get(url))
    with django_capture_on_commit_callbacks(execute=True):
        services.cost_version_create(
            actor=secretariat_officer,
            effective_from=timezone.localdate(),
            **_figures(range_high=Decimal("1.50")),
        )
    # The page anonymous visitors got from the cache is renewed by the new version.
    page = _text(client.get(url))
    assert "version 2 of the cost model" in page and "× 1.50" in page
    api = client.get("/api/v1/recommendation?scope=national").json()
    assert {r["cost"]["version"] for r in api["results"]} == {2}


def test_a_planned_version_renews_the_cached_recommender_when_it_takes_effect(
    client, secretariat_officer, django_capture_on_commit_callbacks
):
    url = reverse("joining:which_centre_type") + "?scope=regional"
    with django_capture_on_commit_callbacks(execute=True):
        services.cost_version_create(
            actor=secretariat_officer,
            effective_from=timezone.localdate() + timedelta(days=10),
            **_figures(per_flagship=90_000),
        )
    assert "version 1 of the cost model" in _text(client.get(url))
    with time_machine.travel(timezone.now() + timedelta(days=11)):
        assert "version 2 of the cost model" in _text(client.get(url))


def test_a_submitted_assessment_keeps_its_version(
    client, ministry, ministry_focal_point, secretariat_officer
):
    with time_machine.travel(date(2026, 1, 10)):
        assessment = AssessmentFactory(organisation=ministry, complete=True)
        joining.assessment_submit(assessment_id=assessment.pk, actor=ministry_focal_point)
    services.cost_version_create(
        actor=secretariat_officer,
        effective_from=timezone.localdate(),
        **_figures(base_moderate=900_000, base_low=100_000, base_high=1_900_000),
    )
    assessment.refresh_from_db()
    assert assessment.cost_model.number == 1
    client.force_login(ministry_focal_point)
    page = _text(client.get(reverse("joining:assessment_detail", args=[assessment.pk])))
    assert "version 1 of the cost model" in page
    assert "200,000" in page and "900,000" not in page
    profile = _text(client.get(reverse("joining:assessment_profile", args=[assessment.pk])))
    assert "Cost model, version 1" in profile and "900,000" not in profile
