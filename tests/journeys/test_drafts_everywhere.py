"""Issue 15, "what to build" 1: each of the seven multi-step journeys saves drafts as the
person types (a save button without JavaScript; autosave.js posts the same form marked
X-Autosave with it) and never loses what was typed when the session expires.

Each journey below gives: who fills it in, its page, a valid post, and the text typed in
one field. An expired session is a logout (the session row is gone) and a new sign-in."""

import re
from dataclasses import dataclass
from datetime import date

import pytest
from django.urls import reverse

from alliance.calls.tests.factories import ApplicationFactory, CallFactory
from alliance.centres import services as centre_services
from alliance.centres.tests.factories import accredited_centre
from alliance.core.models import FormDraft
from alliance.joining.tests.factories import (
    AssessmentFactory,
    ExpressionFactory,
    complete_assessment_data,
)
from alliance.lab.models import TechnicalAssistanceRequest
from alliance.monitoring.tests.factories import CentreIndicatorFactory, open_first_report

pytestmark = pytest.mark.django_db

AUTOSAVE = {"HTTP_X_AUTOSAVE": "1"}


@dataclass
class Journey:
    user: object
    url: str
    data: dict
    typed: str  # what the person typed, in `data`


def _expression(ministry, ministry_focal_point, **_):
    expression = ExpressionFactory(organisation=ministry)
    typed = "We host three incubators and want a national centre."
    data = {
        "instruments": ["host_centre"],
        "scope": "national",
        "motivation": typed,
        "contact_name": "Thoko Phiri",
        "contact_email": "focal@ministry.test",
    }
    url = reverse("joining:expression_edit", args=[expression.pk])
    return Journey(ministry_focal_point, url, data, typed)


def _assessment(ministry, ministry_focal_point, **_):
    assessment = AssessmentFactory(organisation=ministry)
    data = complete_assessment_data()["ecosystem"]
    typed = "Two university labs and a fintech sandbox since 2024."
    data = {**data, next(k for k in data if k.endswith("_evidence")): typed}
    url = reverse("joining:assessment_section", args=[assessment.pk, "ecosystem"])
    return Journey(ministry_focal_point, url, data, typed)


def _application(ministry, ministry_focal_point, **_):
    application = ApplicationFactory(call=CallFactory(), organisation=ministry)
    typed = "A regulatory sandbox for mobile money, run with the central bank."
    url = reverse("calls:application_section", args=[application.pk, "initiatives"])
    return Journey(ministry_focal_point, url, {"flagship_initiatives": typed}, typed)


def _centre(ministry, secretariat_officer, director, lab_expert):
    centre, accreditation = accredited_centre(
        secretariat=secretariat_officer, director=director, lab=lab_expert, organisation=ministry
    )
    return centre, accreditation


def _report(ministry, ministry_focal_point, secretariat_officer, director, lab_expert, **_):
    centre, _accreditation = _centre(ministry, secretariat_officer, director, lab_expert)
    startups = CentreIndicatorFactory(centre=centre)
    report = open_first_report(centre)
    typed = "Forty start-ups coached; two pilots with the regulator."
    data = {"narrative": typed, f"value_{startups.pk}": "40", f"note_{startups.pk}": ""}
    url = reverse("monitoring:report_edit", args=[report.pk])
    return Journey(ministry_focal_point, url, data, typed)


def _nomination(ministry, ministry_signatory, **_):
    typed = "Minister of ICT since 2023; led the national broadband plan."
    data = {
        "organisation": ministry.pk,
        "nominee_name": "Chimwemwe Phiri",
        "nominee_title": "Minister",
        "nominee_email": "minister@ministry.test",
        "biography": typed,
        "proposed_term_start": "2027-01-01",
        "proposed_term_end": "2029-12-31",
    }  # no CV yet: autosave never sends files
    return Journey(ministry_signatory, reverse("board:nomination_create"), data, typed)


def _renewal(ministry, ministry_focal_point, secretariat_officer, director, lab_expert, **_):
    _centre_row, accreditation = _centre(ministry, secretariat_officer, director, lab_expert)
    evaluation = centre_services.renewal_open(
        accreditation_id=accreditation.pk, actor=secretariat_officer
    )
    typed = "Two cohorts a year; the policy sandbox now has four regulators."
    url = reverse("centres:renewal", args=[evaluation.pk])
    return Journey(ministry_focal_point, url, {"step": "self_report", "self_report": typed}, typed)


def _lab_request(ministry, ministry_focal_point, **_):
    typed = "We need help to cost the first three years of the centre."
    data = {
        "kind": "preliminary_review",
        "description": typed,
        "urgency": "normal",
        "preferred_language": "en",
    }
    url = reverse("lab:request_create", args=[ministry.pk])
    return Journey(ministry_focal_point, url, data, typed)


JOURNEYS = {
    "expression of interest": _expression,
    "assessment": _assessment,
    "application": _application,
    "report": _report,
    "nomination": _nomination,
    "renewal self-report": _renewal,
    "Lab request": _lab_request,
}


@pytest.fixture(params=list(JOURNEYS))
def journey(request, time_machine):
    if request.param in ("report", "renewal self-report"):
        time_machine.move_to(date(2025, 3, 5))  # the first report is open, the term runs
    people = {
        name: request.getfixturevalue(name)
        for name in (
            "ministry",
            "ministry_focal_point",
            "ministry_signatory",
            "secretariat_officer",
            "director",
            "lab_expert",
        )
    }
    return JOURNEYS[request.param](**people)


def _expire_session_and_sign_in_again(client, user):
    client.logout()
    client.force_login(user)


def test_the_form_autosaves_and_has_a_save_button_without_javascript(client, journey):
    client.force_login(journey.user)
    page = client.get(journey.url).content.decode()
    form = page[page.index("data-autosave") - 300 :]
    form = form[: form.index("</form>")]
    assert 'method="post"' in form
    # A button that saves what was typed (no JavaScript needed).
    assert re.search(r'<button type="submit"[^>]*>Save', form)


def test_an_autosave_keeps_the_draft_across_an_expired_session(client, journey):
    client.force_login(journey.user)
    response = client.post(journey.url, journey.data, **AUTOSAVE)
    assert response.status_code < 400
    _expire_session_and_sign_in_again(client, journey.user)
    assert journey.typed in client.get(journey.url).content.decode()


def test_a_half_typed_autosave_keeps_what_was_typed(client, journey):
    """Autosave posts while the form is still incomplete (not valid yet): what was typed is
    kept all the same, so the page's "Draft saved." is true."""
    half = {k: v for k, v in journey.data.items() if v == journey.typed or k == "step"}
    client.force_login(journey.user)
    response = client.post(journey.url, half, **AUTOSAVE)
    assert response.status_code < 400
    _expire_session_and_sign_in_again(client, journey.user)
    assert journey.typed in client.get(journey.url).content.decode()


def test_a_post_after_the_session_expired_comes_back_after_signing_in(client, journey):
    client.force_login(journey.user)
    client.get(journey.url)
    client.logout()  # the session expired while the person was typing
    response = client.post(journey.url, journey.data)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(journey.user)
    page = client.get(journey.url).content.decode()
    assert journey.typed in page
    assert "What you typed is kept below" in page or "We kept what you typed" in page


def test_the_lab_request_draft_is_the_persons_and_goes_once_sent(
    client, ministry, ministry_focal_point, university_focal_point
):
    from alliance.accounts.models import MembershipRole
    from alliance.accounts.tests.factories import MembershipFactory

    journey = _lab_request(ministry, ministry_focal_point)
    client.force_login(ministry_focal_point)
    response = client.post(journey.url, {**journey.data, "save_draft": "1"})
    assert response.status_code == 303 and response["Location"] == journey.url
    assert "Your draft is saved." in client.get(journey.url).content.decode()
    assert not TechnicalAssistanceRequest.objects.exists()
    # A colleague opening the same page starts from a blank form.
    MembershipFactory(
        user=university_focal_point, organisation=ministry, role=MembershipRole.MEMBER
    )
    client.force_login(university_focal_point)
    assert journey.typed not in client.get(journey.url).content.decode()
    client.force_login(ministry_focal_point)
    page = client.get(journey.url).content.decode()
    assert "Your saved draft is filled in below" in page and journey.typed in page
    response = client.post(journey.url, journey.data)
    assert TechnicalAssistanceRequest.objects.get().description == journey.typed
    assert journey.typed not in client.get(journey.url).content.decode()


def test_the_self_report_draft_goes_once_submitted(
    client, ministry, ministry_focal_point, secretariat_officer, director, lab_expert, time_machine
):
    time_machine.move_to(date(2025, 3, 5))
    journey = _renewal(ministry, ministry_focal_point, secretariat_officer, director, lab_expert)
    client.force_login(ministry_focal_point)
    client.post(journey.url, journey.data, **AUTOSAVE)
    assert FormDraft.objects.filter(user=ministry_focal_point).exists()
    client.post(journey.url, journey.data)
    assert not FormDraft.objects.filter(user=ministry_focal_point).exists()
    page = client.get(journey.url).content.decode()
    assert "Your saved draft" not in page
