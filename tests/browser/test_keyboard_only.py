"""Issue 15, item 5: keyboard-only runs through the preliminary assessment and the
application. Only Tab, Shift+Tab, typing, arrows, Space and Enter: every control of each
form is reached, the focus is visible wherever it lands, the skip link leads to the main
content, the forms submit and the confirmation appears."""

import pytest

from alliance.accounts.tests.factories import PASSWORD
from alliance.calls.tests.factories import ApplicationFactory, CallFactory
from alliance.joining.tests.factories import AssessmentFactory, complete_assessment_data

from .keyboard import active, fill_form, follow_link, tab_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LOGIN = "main form[action*='/accounts/login/']"
SECTION = "main form[method=post]"


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _skip_link_then_sign_in(tab, email):
    tab.goto("/en/accounts/login/")
    tab.keyboard.press("Tab")
    first = active(tab)
    assert "skip-link" in first["cls"] and first["visible"] and first["onScreen"]
    tab.keyboard.press("Enter")
    assert active(tab)["id"] == "main"
    fill_form(tab, LOGIN, {"login": email, "password": PASSWORD})
    assert "/dashboard/" in tab.url


def test_the_preliminary_assessment_by_keyboard_only(page, ministry, ministry_focal_point):
    page.set_default_timeout(40_000)
    assessment = AssessmentFactory(organisation=ministry)
    _skip_link_then_sign_in(page, ministry_focal_point.email)
    page.goto(f"/en/joining/assessments/{assessment.pk}/tasks/")
    follow_link(page, "/sections/ecosystem/")
    for section, values in complete_assessment_data().items():
        assert f"/sections/{section}/" in page.url
        fill_form(page, SECTION, values, submit="Save and continue")
        assert page.locator(".error-summary").count() == 0, page.locator("main").inner_text()
    assert page.url.endswith(f"/assessments/{assessment.pk}/check/")
    tab_to(page, lambda i: i["text"] == "Submit the preliminary assessment")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert f"/assessments/{assessment.pk}/submitted/" in page.url
    assessment.refresh_from_db()
    assert assessment.status == "submitted"


def test_the_application_by_keyboard_only(page, ministry, ministry_focal_point):
    page.set_default_timeout(40_000)
    call = CallFactory()
    application = ApplicationFactory(
        organisation=ministry,
        call=call,
        proposed_centre_type=None,
        proposed_scope="",
        host_institution="",
        flagship_initiatives="",
        human_resources_plan="",
        financial_resources_plan="",
    )
    _skip_link_then_sign_in(page, ministry_focal_point.email)
    detail = f"/en/calls/applications/{application.pk}/"
    page.goto(detail)
    follow_link(page, "/section/centre/")
    scope = page.evaluate(
        "() => Array.from(document.querySelectorAll('[name=proposed_scope]'))"
        ".flatMap(e => e.options ? Array.from(e.options) : [e]).map(o => o.value)"
        ".filter(Boolean)[0]"
    )
    centre = {
        "proposed_centre_type": call.centre_types.first().pk,
        "proposed_scope": scope,
        "host_institution": "Malawi ICT Agency",
    }
    back = "Save and go back to the task list"
    fill_form(page, SECTION, centre, submit=back)
    follow_link(page, "/section/initiatives/")
    fill_form(page, SECTION, {"flagship_initiatives": "A sandbox for mobile money."}, submit=back)
    follow_link(page, "/section/resources/")
    resources = {
        "human_resources_plan": "A manager and four analysts.",
        "financial_resources_plan": "USD 400,000 over three years.",
    }
    fill_form(page, SECTION, resources, submit=back)
    assert page.url.endswith(detail)
    follow_link(page, f"/applications/{application.pk}/check/")
    tab_to(page, lambda i: i["text"] == "Submit the application")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/submitted/" in page.url, page.locator("main").inner_text()
    application.refresh_from_db()
    assert application.status == "submitted"
    assert application.host_institution == "Malawi ICT Agency"
