"""Issue 15 in a real browser: an expired session keeps typed text, a double submit makes
one object, a stale transition is refused clearly, the declaration without a signatory
guides the focal point, and every error page keeps the site's layout."""

import re

import pytest
from playwright.sync_api import expect

from alliance.accounts.tests.factories import PASSWORD
from alliance.calls.tests.factories import ApplicationFactory
from alliance.joining.models import ExpressionOfInterest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def signed_in(_browser, live_server):
    contexts = []

    def open_as(email, language="en", javascript=False):
        context = _browser.new_context(base_url=live_server.url, java_script_enabled=javascript)
        contexts.append(context)
        tab = context.new_page()
        tab.set_default_timeout(40_000)
        sign_in(tab, email, language)
        assert "/dashboard/" in tab.url
        return tab

    yield open_as
    for context in contexts:
        context.close()


def sign_in(tab, email, language="en"):
    if "/accounts/login/" not in tab.url:
        tab.goto(f"/{language}/accounts/login/")
    tab.fill("input[name=login]", email)
    tab.fill("input[name=password]", PASSWORD)
    tab.locator("form[action*='/accounts/login/'] button[type=submit]").click()


def expire_session(tab):
    """The session ends (timeout, restart): only the session cookie goes."""
    kept = [c for c in tab.context.cookies() if c["name"] != "sessionid"]
    tab.context.clear_cookies()
    tab.context.add_cookies(kept)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_session_expiry_mid_application_keeps_the_text(
    signed_in, ministry, ministry_focal_point, language
):
    application = ApplicationFactory(organisation=ministry, flagship_initiatives="")
    tab = signed_in(ministry_focal_point.email, language)
    tab.goto(f"/{language}/calls/applications/{application.pk}/section/initiatives/")
    tab.fill("textarea[name=flagship_initiatives]", "An hour of careful typing.")
    expire_session(tab)
    tab.locator("main form[method=post] button[type=submit]").first.click()
    assert "/accounts/login/" in tab.url
    sign_in(tab, ministry_focal_point.email, language)
    # Back on the same form, the text in place.
    assert f"/applications/{application.pk}/section/initiatives/" in tab.url
    typed = tab.locator("textarea[name=flagship_initiatives]").input_value()
    assert typed == "An hour of careful typing."


def test_back_and_resubmit_makes_one_expression(signed_in, ministry, ministry_focal_point):
    tab = signed_in(ministry_focal_point.email)
    tab.goto(f"/en/joining/organisations/{ministry.pk}/interest/new/")
    tab.check("input[name=instruments][value=host_centre]")
    tab.fill("textarea[name=motivation]", "We want a centre.")
    tab.fill("input[name=contact_name]", "Thoko Phiri")
    tab.fill("input[name=contact_email]", "focal@ministry.test")
    tab.get_by_role("button", name="Save and check your answers").click()
    first = tab.url
    tab.go_back()
    tab.get_by_role("button", name="Save and check your answers").click()
    assert ExpressionOfInterest.objects.filter(organisation=ministry).count() == 1
    assert tab.url == first
    expect(tab.locator("main")).to_contain_text("already been sent", use_inner_text=True)


def test_double_click_makes_one_expression(signed_in, ministry, ministry_focal_point):
    tab = signed_in(ministry_focal_point.email, javascript=True)
    tab.goto(f"/en/joining/organisations/{ministry.pk}/interest/new/")
    tab.check("input[name=instruments][value=host_centre]")
    tab.fill("textarea[name=motivation]", "We want a centre.")
    tab.fill("input[name=contact_name]", "Thoko Phiri")
    tab.fill("input[name=contact_email]", "focal@ministry.test")
    tab.get_by_role("button", name="Save and check your answers").dblclick()
    tab.wait_for_url(re.compile(r"/interest/\d+/$"))
    assert ExpressionOfInterest.objects.filter(organisation=ministry).count() == 1


def test_a_stale_decline_is_refused_with_who_what_when(
    signed_in, ministry, ministry_focal_point, secretariat_officer
):
    from django.contrib.auth.models import Group

    from alliance.accounts.roles import StaffRole
    from alliance.accounts.tests.factories import UserFactory
    from alliance.joining import services
    from alliance.joining.tests.factories import ExpressionFactory

    expression = ExpressionFactory(organisation=ministry)
    services.expression_submit(expression_id=expression.pk, actor=ministry_focal_point)
    colleague = UserFactory(email="omar@itu.test", full_name="Omar Colleague")
    colleague.groups.add(Group.objects.get(name=StaffRole.SECRETARIAT.value))

    tab = signed_in(secretariat_officer.email)
    tab.goto(f"/en/joining/interest/{expression.pk}/")
    services.expression_acknowledge(expression_id=expression.pk, actor=colleague)
    tab.fill("textarea[name=reason]", "Out of scope.")
    tab.get_by_role("button", name=re.compile("Decline")).click()
    main = tab.locator("main").inner_text()
    assert "This changed since you opened it" in main and "Omar Colleague" in main
    assert "Acknowledged" in main  # the page shows where it stands now
    expression.refresh_from_db()
    assert expression.status == "acknowledged"


def test_a_declaration_without_signatory_guides_the_focal_point(
    signed_in, ministry, ministry_focal_point, secretariat_officer
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
    tab = signed_in(ministry_focal_point.email)
    tab.goto(f"/en/joining/declarations/{declaration.pk}/")
    main = tab.locator("main")
    expect(main.get_by_role("heading", name="Invite your authorised signatory")).to_be_visible()
    assert tab.get_by_role("button", name="Sign", exact=True).count() == 0
    tab.get_by_role("link", name="Invite an authorised signatory").click()
    assert f"/organisations/{ministry.pk}/" in tab.url
    expect(tab.locator("#invite")).to_be_visible()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_each_error_page_keeps_the_layout(page, stranger, language, live_server):
    page.set_default_timeout(40_000)
    checks = {
        404: f"/{language}/no-such-page/",
        403: f"/{language}/staff/audit/",
    }
    page.goto(f"/{language}/accounts/login/")
    sign_in(page, stranger.email, language)
    for status, path in checks.items():
        response = page.goto(path)
        assert response.status in (status, 404), path
        expect(page.locator("header.site-header")).to_be_visible()
        assert page.locator("main h1").count() == 1
        assert page.locator("main a[href$='/" + language + "/']").count() >= 1
    # 400: a file name of 5,000 characters sent to the verification page.
    response = page.request.post(
        f"/{language}/joining/verify/file/",
        multipart={
            "document": {
                "name": "a" * 5000 + ".pdf",
                "mimeType": "application/pdf",
                "buffer": b"%PDF-1.4",
            }
        },
    )
    assert response.status in (200, 400)
    assert "Bad Request (400)" not in response.text()
    assert 'class="site-header"' in response.text()


@pytest.mark.parametrize("javascript", [True, False])
def test_the_lab_request_draft_saves_and_outlives_the_session(
    signed_in, ministry, ministry_focal_point, javascript
):
    """With JavaScript the draft saves itself a moment after typing stops; without, the
    "Save the draft" button does it. Either way it is back after the session expired."""
    tab = signed_in(ministry_focal_point.email, javascript=javascript)
    url = f"/en/lab/organisations/{ministry.pk}/requests/new/"
    tab.goto(url)
    tab.fill("textarea[name=description]", "Help us cost the first three years.")
    if javascript:
        expect(tab.locator(".autosave-status")).to_have_text("Draft saved.", timeout=30_000)
    else:
        tab.get_by_role("button", name="Save the draft").click()
        expect(tab.locator("main")).to_contain_text("Your draft is saved.", use_inner_text=True)
    expire_session(tab)
    tab.goto(url)
    assert "/accounts/login/" in tab.url
    sign_in(tab, ministry_focal_point.email)
    assert tab.url.endswith(url)
    assert tab.locator("textarea[name=description]").input_value() == (
        "Help us cost the first three years."
    )
    expect(tab.locator("main")).to_contain_text(
        "Your saved draft is filled in below", use_inner_text=True
    )
