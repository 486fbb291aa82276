"""A call from draft to published results through the API only (scripts/api_call_lifecycle.py)."""

import pytest

from alliance.accounts.roles import StaffRole
from alliance.accounts.tests.factories import UserFactory
from alliance.calls.models import Application, Call
from alliance.calls.states import ApplicationStatus, CallStatus
from alliance.centres.models import Centre
from alliance.core.models import AuditEvent
from conftest import _with_role

from .conftest import load_script, token

pytestmark = pytest.mark.django_db


def test_a_call_runs_from_draft_to_published_results_through_the_api(
    send,
    secretariat_officer,
    director,
    reviewer,
    ministry,
    ministry_focal_point,
    university,
    university_focal_point,
):
    second_reviewer = _with_role(UserFactory(email="r2@itu.test"), StaffRole.REVIEWER)
    script = load_script()
    lines = []
    outcome = script.run(
        send,
        secretariat=token(secretariat_officer),
        director=token(director),
        applicants=[
            (token(ministry_focal_point), ministry.pk),
            (token(university_focal_point), university.pk),
        ],
        reviewers=[token(reviewer), token(second_reviewer)],
        log=lines.append,
    )
    call = Call.objects.get(pk=outcome["call"]["id"])
    assert call.status == CallStatus.RESULTS_PUBLISHED
    assert outcome["call"]["actions"] == []
    statuses = dict(Application.objects.filter(call=call).values_list("organisation", "status"))
    assert statuses == {
        ministry.pk: ApplicationStatus.SELECTED,
        university.pk: ApplicationStatus.NOT_SELECTED,
    }
    assert [r["organisation"] for r in outcome["results"]["selected"]] == [str(ministry)]
    assert outcome["results"]["reviews"] == 4
    # The selected application became a centre in design, as from the pages.
    assert Centre.objects.filter(host_organisation=ministry).exists()
    verbs = set(AuditEvent.objects.values_list("verb", flat=True))
    assert {
        "call.created",
        "call.published",
        "application.screened",
        "review.submitted",
        "application.selected",
        "call.results_published",
    } <= verbs


def test_the_script_says_which_step_failed(send, secretariat_officer):
    script = load_script()
    with pytest.raises(script.Step, match="POST /staff/calls: 403"):
        # Someone without a staff role cannot create calls: the first write is refused.
        script.run(
            send,
            secretariat=token(UserFactory()),
            director="",
            applicants=[],
            reviewers=["ah_none"],
            log=lambda line: None,
        )
