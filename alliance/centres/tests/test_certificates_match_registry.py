"""Certificates never contradict the registry: after any sequence of moves between types,
suspensions, reinstatements, revocations, renewals, closures and days passing, every code
ever issued for a centre verifies (page, API and signed credential alike) as the registry
says: one valid code with the centre's type while it is accredited, none otherwise, and
each superseded code names the one that replaced it."""

import contextlib
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st

from alliance.centres import services
from alliance.centres.api import _verification_out
from alliance.centres.credentials import verify_credential
from alliance.centres.models import Centre, RenewalEvaluation
from alliance.centres.selectors import (
    accreditation_by_code,
    current_accreditation,
    current_status_lists,
    with_held_until,
)
from alliance.centres.states import CURRENT_ACCREDITATION_STATUSES, LIVE_STATUSES, CentreStatus
from alliance.core.states import PermissionRefused, TransitionRefused
from alliance.core.tests.statemachine import SETTINGS

from .factories import accredited_centre, centre_type

pytestmark = pytest.mark.django_db

GOOD = {"objectives": 3, "flagships": 4, "resources": 3, "reporting": 3, "network": 3}
# What the signed credential says for each answer of the registry.
CREDENTIAL_SAYS = {
    "valid": {"valid", "not_yet_valid"},
    "expired": {"expired"},
    "suspended": {"suspended"},
    "revoked": {"revoked"},
    "superseded": {"revoked"},
}


def assert_codes_match_registry(centre: Centre) -> None:
    centre = with_held_until(Centre.objects.filter(pk=centre.pk)).select_related("centre_type")
    centre = centre.get()
    today = timezone.localdate()
    lists = current_status_lists()
    valid_now, valid_later = [], []
    for row in centre.accreditations.select_related("centre_type"):
        answer = _verification_out(accreditation_by_code(row.verification_code))
        credential = verify_credential(row.credential_jwt, lists)
        subject = credential.credential["credentialSubject"]
        assert subject["centreType"] == answer["centre_type"] == row.centre_type.code
        assert credential.outcome in CREDENTIAL_SAYS[answer["status"]], (answer, credential)
        if answer["status"] == "superseded":
            assert answer["superseded_by"], "a superseded code names its replacement"
            replacement = accreditation_by_code(answer["superseded_by"])
            assert replacement.end_date == row.end_date
        else:
            assert answer["superseded_by"] is None
        if answer["status"] == "valid":
            assert row.centre_type_id == centre.centre_type_id, "a valid code has the type"
            (valid_now if row.start_date <= today else valid_later).append(row)
    if centre.current_status == CentreStatus.ACCREDITED:
        assert [a.pk for a in valid_now] == [current_accreditation(centre).pk]
    else:
        assert valid_now == [] and valid_later == [], centre.current_status


def _in_force(centre):
    rows = centre.accreditations.filter(status__in=CURRENT_ACCREDITATION_STATUSES)
    return rows.order_by("start_date").first() or centre.accreditations.first()


def _live(centre):
    return centre.accreditations.filter(status__in=LIVE_STATUSES).order_by("start_date").first()


def _renewal(centre, people, renew: bool):
    accreditation = _in_force(centre)
    evaluation = RenewalEvaluation.objects.filter(accreditation=accreditation).first()
    if evaluation is None:
        evaluation = services.renewal_open(
            accreditation_id=accreditation.pk, actor=people["secretariat"]
        )
    if renew and evaluation.status == "self_report_due":
        services.renewal_self_report(
            evaluation_id=evaluation.pk, actor=people["manager"], self_report="Done."
        )
    if renew and evaluation.status in ("self_report_due", "self_reported"):
        services.renewal_evaluate(
            evaluation_id=evaluation.pk, actor=people["lab"], scores=GOOD, note=""
        )
    services.renewal_decide(
        evaluation_id=evaluation.pk, actor=people["director"], renew=renew, note="Decided."
    )


def _move(centre, people):
    target = next(
        centre_type(code)
        for code in ("RESEARCH_ENTREPRENEURSHIP", "DIGITAL_TRANSFORMATION")
        if centre_type(code).pk != centre.centre_type_id
    )
    change = services.category_change_request(
        centre_id=centre.pk, actor=people["manager"], to_type=target, justification="Staff."
    )
    services.category_change_evaluate(change_id=change.pk, actor=people["lab"], note="")
    services.category_change_decide(change_id=change.pk, actor=people["director"], approve=True)


STEPS = {
    "open renewal": lambda c, p: services.renewal_open(
        accreditation_id=_in_force(c).pk, actor=p["secretariat"]
    ),
    "renew": lambda c, p: _renewal(c, p, renew=True),
    "refuse renewal": lambda c, p: _renewal(c, p, renew=False),
    "move": _move,
    "suspend": lambda c, p: services.accreditation_suspend(
        accreditation_id=(_live(c) or _in_force(c)).pk, actor=p["director"], reason="Late."
    ),
    "reinstate": lambda c, p: services.accreditation_reinstate(
        accreditation_id=(_live(c) or _in_force(c)).pk, actor=p["director"]
    ),
    "revoke": lambda c, p: services.accreditation_revoke(
        accreditation_id=(_live(c) or _in_force(c)).pk, actor=p["director"], reason="Misuse."
    ),
    "close": lambda c, p: services.centre_close(
        centre_id=c.pk, actor=p["secretariat"], reason="Ended."
    ),
    "accredit again": lambda c, p: services.accreditation_issue(
        centre_id=c.pk, actor=p["director"], start_date=timezone.localdate()
    ),
}
WAITS = [40, 200, 400]  # days: reminders, expiries and renewed terms taking effect


@pytest.fixture
def people(secretariat_officer, director, lab_expert, ministry_focal_point, ministry):
    return {
        "secretariat": secretariat_officer,
        "director": director,
        "lab": lab_expert,
        "manager": ministry_focal_point,
        "organisation": ministry,
    }


def _start(people, n):
    centre, _ = accredited_centre(
        secretariat=people["secretariat"],
        director=people["director"],
        lab=people["lab"],
        organisation=people["organisation"],
        name=f"Centre {n}",
        start=timezone.localdate(),
    )
    return centre


def _wait(days: int, traveller) -> None:
    traveller.shift(timedelta(days=days))
    services.send_due_reminders(timezone.localdate())
    services.expire_ended(timezone.localdate())


action = st.one_of(st.sampled_from(sorted(STEPS)), st.sampled_from(WAITS))


def test_every_code_verifies_as_the_registry_says(people):
    made = iter(range(10_000))

    # Bounded: a few seconds, the same sequences on every run (derandomized).
    @given(st.lists(action, min_size=3, max_size=6))
    @settings(SETTINGS, max_examples=8)
    def run(steps):
        with time_machine.travel(datetime(2024, 3, 1, 12, tzinfo=UTC), tick=False) as traveller:
            centre = _start(people, next(made))
            assert_codes_match_registry(centre)
            for step in steps:
                if isinstance(step, int):
                    _wait(step, traveller)
                else:
                    # A refused step changes nothing (its transaction is rolled back).
                    with contextlib.suppress(TransitionRefused, PermissionRefused):
                        STEPS[step](Centre.objects.get(pk=centre.pk), people)
                assert_codes_match_registry(centre)

    run()


# --- the case of the issue: a move approved while a renewal was pending ----------------


def _renewed_centre(people):
    """TCRA's case: a Digital Transformation centre whose renewal was granted, the next
    term not started yet."""
    with time_machine.travel(date(2024, 3, 1)):
        centre = _start(people, "TCRA")
    with time_machine.travel(date(2026, 12, 2)):
        services.send_due_reminders(timezone.localdate())
        _renewal(centre, people, renew=True)
    return centre


@pytest.mark.parametrize("renewal", ["granted", "under evaluation"])
def test_a_move_during_a_renewal_supersedes_every_code(people, client, renewal):
    if renewal == "granted":
        centre = _renewed_centre(people)
    else:
        with time_machine.travel(date(2024, 3, 1)):
            centre = _start(people, "TCRA")
        with time_machine.travel(date(2026, 12, 2)):
            services.renewal_open(
                accreditation_id=_in_force(centre).pk, actor=people["secretariat"]
            )
    old = list(centre.accreditations.order_by("start_date"))
    assert len(old) == (2 if renewal == "granted" else 1)
    with time_machine.travel(date(2026, 12, 10)):
        _move(centre, people)
        centre.refresh_from_db()
        assert centre.centre_type.code == "RESEARCH_ENTREPRENEURSHIP"
        for row in old:
            row.refresh_from_db()
            answer = _verification_out(accreditation_by_code(row.verification_code))
            assert answer["status"] == "superseded"
            new = accreditation_by_code(answer["superseded_by"])
            assert new.centre_type.code == "RESEARCH_ENTREPRENEURSHIP"
            assert new.end_date == row.end_date
            page = client.get(f"/en/centres/verify/{row.verification_code}/").content.decode()
            assert f"superseded by {new.display_code}" in page
            page = client.get(f"/en/centres/verify/{new.verification_code}/").content.decode()
            assert "Research and Entrepreneurship" in page
        current = current_accreditation(centre)
        assert _verification_out(current)["status"] == "valid"
        assert _verification_out(current)["centre_type"] == "RESEARCH_ENTREPRENEURSHIP"
        if renewal == "under evaluation":  # the evaluation goes on for the reissued term
            assert RenewalEvaluation.objects.get().accreditation == current
        assert_codes_match_registry(centre)
    if renewal == "granted":
        with time_machine.travel(date(2027, 3, 2)):
            services.expire_ended(timezone.localdate())
            assert_codes_match_registry(centre)
            next_term = current_accreditation(centre)
            assert next_term.start_date == date(2027, 3, 1)
            assert next_term.centre_type.code == "RESEARCH_ENTREPRENEURSHIP"


def test_a_suspension_reaches_a_renewal_already_granted(people):
    centre = _renewed_centre(people)
    with time_machine.travel(date(2026, 12, 10)):
        services.accreditation_suspend(
            accreditation_id=_in_force(centre).pk, actor=people["director"], reason="Late."
        )
        statuses = [
            _verification_out(a)["status"] for a in centre.accreditations.order_by("start_date")
        ]
        assert statuses == ["suspended", "suspended"]
        services.accreditation_reinstate(
            accreditation_id=_in_force(centre).pk, actor=people["director"]
        )
        rows = centre.accreditations.order_by("start_date")
        assert [a.status for a in rows] == ["renewed", "active"]
        assert_codes_match_registry(centre)
