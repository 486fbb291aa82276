"""Issue 15: the BDT Director's decisions ask for the password again (accounts/reauth.py),
as the countersignature does, and what the Director typed is never lost on the way."""

import pytest
from django.urls import reverse

from alliance.accounts.tests.factories import PASSWORD
from alliance.accounts.tests.reauth import reauthenticated
from alliance.calls.states import ApplicationStatus
from alliance.calls.tests.test_pages import _reviewed_call

REAUTH = "/accounts/reauthenticate/"


@pytest.fixture
def director_with_password(director):
    return director  # the factories give every person PASSWORD


@pytest.fixture
def application():
    call, _reviewers = _reviewed_call(1, 1)
    return call.applications.get()


def _decide(client, application, rationale="Strong local ecosystem and a credible host."):
    return client.post(
        reverse("calls:staff_decide", args=[application.pk]),
        {"decision": "selected", "rationale": rationale, "justification": ""},
    )


def test_a_decision_asks_for_the_password_and_records_nothing_yet(
    client, director_with_password, application
):
    client.force_login(director_with_password)
    response = _decide(client, application)
    assert response.status_code == 302
    assert REAUTH in response["Location"]
    application.refresh_from_db()
    assert application.status == ApplicationStatus.IN_REVIEW
    page = client.get(response["Location"]).content.decode()
    assert "A decision of the BDT Director needs your password again" in page


def test_wrong_password_is_refused_and_the_typed_decision_survives_it(
    client, director_with_password, application
):
    client.force_login(director_with_password)
    location = _decide(client, application, rationale="Kept through the password step.")["Location"]
    wrong = client.post(location, {"password": "not-it"})
    assert wrong.status_code == 200
    assert "Incorrect password" in wrong.content.decode()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.IN_REVIEW
    right = client.post(location, {"password": PASSWORD})
    assert right.status_code == 302
    assert right["Location"] == reverse("calls:staff_ranking", args=[application.call_id])
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SELECTED
    assert application.decision_rationale == "Kept through the password step."


def test_a_confirmation_a_few_minutes_old_is_enough(client, director, application):
    reauthenticated(client, director, seconds_ago=120)
    response = _decide(client, application)
    assert response.status_code == 302
    assert REAUTH not in response["Location"]
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SELECTED


def test_an_old_confirmation_is_not(client, director, application):
    reauthenticated(client, director, seconds_ago=600)
    response = _decide(client, application)
    assert REAUTH in response["Location"]


def test_the_password_of_a_countersignature_counts_for_the_next_decision(
    client, ministry, secretariat_officer, ministry_signatory, director, application
):
    from alliance.centres.models import CentreType
    from alliance.joining import services
    from alliance.joining.tests.factories import AssessmentFactory

    assessment = AssessmentFactory(organisation=ministry, complete=True, status="completed")
    declaration = services.declaration_draft(
        assessment_id=assessment.pk,
        actor=secretariat_officer,
        centre_type=CentreType.objects.get(code="DIGITAL_TRANSFORMATION"),
        scope="national",
    )
    services.declaration_sign(
        declaration_id=declaration.pk, actor=ministry_signatory, signatory_name="Grace Banda"
    )
    client.force_login(director)
    client.post(
        reverse("joining:declaration_countersign", args=[declaration.pk]), {"password": PASSWORD}
    )
    declaration.refresh_from_db()
    assert declaration.status == "countersigned"
    response = _decide(client, application)
    assert REAUTH not in response["Location"]


def test_the_secretariat_is_refused_as_before_not_asked_for_a_password(
    client, secretariat_officer, application
):
    client.force_login(secretariat_officer)
    response = _decide(client, application)
    assert response.status_code == 403


DECISION_POSTS = [
    ("calls:staff_transition", {"action": "decided"}, {}),
    ("calls:staff_transition", {"action": "publish_results"}, {}),
    ("centres:accredit", {}, {"start_date": "2027-01-01"}),
    ("centres:accreditation_action", {"action": "suspend"}, {"reason": "Audit."}),
    ("centres:accreditation_action", {"action": "revoke"}, {"reason": "Audit."}),
    ("centres:renewal", {}, {"step": "decide", "decision": "renew"}),
    ("centres:move", {}, {"step": "decide", "decision": "approve"}),
    ("centres:recognition", {}, {"step": "decide", "decision": "approve"}),
    ("board:designate", {}, {}),
    ("board:seat_renew", {}, {}),
    ("board:nomination_approve", {}, {}),
    ("board:nomination_decline", {}, {}),
    ("accounts:security_policy", {}, {}),
]


@pytest.mark.parametrize(("name", "kwargs", "data"), DECISION_POSTS)
def test_every_director_decision_asks_for_the_password(client, director, name, kwargs, data):
    """The password is asked before the view looks at the object, so any id will do."""
    if name not in ("board:designate", "accounts:security_policy"):
        kwargs = {**kwargs, "pk": 999999}
    client.force_login(director)
    response = client.post(reverse(name, kwargs=kwargs), data)
    assert response.status_code == 302, name
    assert REAUTH in response["Location"], name


def test_other_steps_of_a_shared_page_do_not_ask(client, director):
    client.force_login(director)
    response = client.post(
        reverse("centres:renewal", kwargs={"pk": 999999}), {"step": "evaluate", "note": "x"}
    )
    assert response.status_code == 404
