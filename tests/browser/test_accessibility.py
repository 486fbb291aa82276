"""axe-core on every page type, public and signed in, forms with errors included, in every
UI language: no serious or critical violation (issue 15, item 5). Each signed-in page is
checked to be what it claims (the person's "Sign out" control is there, not the sign-in
page), each form with errors to show its error summary, and no page's <title> to carry
markup. The figures per page type and language are printed (`-s`) for the closing note."""

import pytest

from alliance.calls.tests.factories import ApplicationFactory, CallFactory
from alliance.joining.tests.factories import AssessmentFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ["ar", "zh-hans", "en", "fr", "ru", "es"]
SIGN_OUT = "header form[action*='/accounts/logout/']"


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _pages(language, ministry, ministry_focal_point, secretariat_officer, director):
    call = CallFactory()
    application = ApplicationFactory(organisation=ministry, call=call)
    assessment = AssessmentFactory(organisation=ministry)
    L = f"/{language}"
    me, officer = {"signed_in_as": ministry_focal_point}, {"signed_in_as": secretariat_officer}
    return [
        # (page type, path, axe options, kind: public | signed_in | errors)
        ("public: home", f"{L}/", {}, "public"),
        ("public: list (registry)", f"{L}/centres/", {}, "public"),
        ("public: call", f"{L}/calls/{call.pk}/", {}, "public"),
        ("public: form (sign in)", f"{L}/accounts/login/", {}, "public"),
        (
            "public: form with errors (verify a declaration)",
            f"{L}/joining/verify/?fingerprint=12ab",
            {},
            "errors",
        ),
        ("public: error page (404)", f"{L}/no-such-page/", {}, "public"),
        ("signed in: dashboard", f"{L}/dashboard/", me, "signed_in"),
        (
            "signed in: form with errors (new organisation)",
            f"{L}/organisations/new/",
            {**me, "post": {"name": ""}},
            "errors",
        ),
        (
            "signed in: form with errors (Lab request)",
            f"{L}/lab/organisations/{ministry.pk}/requests/new/",
            {**me, "post": {"description": ""}},
            "errors",
        ),
        (
            "signed in: task list (assessment)",
            f"{L}/joining/assessments/{assessment.pk}/tasks/",
            me,
            "signed_in",
        ),
        (
            "signed in: application task list",
            f"{L}/calls/applications/{application.pk}/",
            me,
            "signed_in",
        ),
        ("signed in: error page (403/404)", f"{L}/staff/audit/", me, "signed_in"),
        ("staff: table (queue)", f"{L}/joining/queues/expressions/", officer, "signed_in"),
        ("staff: table (audit trail)", f"{L}/staff/audit/", officer, "signed_in"),
        (
            "staff: confirm the password (Director)",
            f"{L}/accounts/reauthenticate/?next={L}/dashboard/",
            {"signed_in_as": director},
            "signed_in",
        ),
    ]


def _shows_what_it_claims(tab, name, kind):
    """A signed-in page really signed in, a form with errors really showing them."""
    if kind in ("signed_in", "errors") and name.startswith(("signed in", "staff")):
        assert "/accounts/login/" not in tab.url, (name, tab.url)
        assert tab.locator(SIGN_OUT).count() == 1, (name, "not signed in")
    if kind == "errors":
        assert tab.locator(".error-summary").count() == 1, (name, "no error summary")
        assert tab.locator(".error-summary a[href^='#']").count() >= 1, name
    title = tab.evaluate("document.querySelector('title').innerHTML")
    assert "<" not in title and "&lt;" not in title, (name, title)


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_serious_violation_on_any_page_type(
    axe, ministry, ministry_focal_point, secretariat_officer, director, language
):
    found = {}
    for name, path, options, kind in _pages(
        language, ministry, ministry_focal_point, secretariat_officer, director
    ):
        found[name] = axe(path, **options)
        _shows_what_it_claims(axe.tab, name, kind)
    print(
        f"\naxe {language}: "
        + "; ".join(f"{k}={len(v)}" for k, v in found.items())
        + f" (pages: {len(found)})"
    )
    assert {k: v for k, v in found.items() if v} == {}


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_no_page_title_contains_markup(page, ministry, ministry_focal_point, language):
    from tests.browser.test_issue15_journeys import sign_in

    page.set_default_timeout(40_000)
    page.goto(f"/{language}/accounts/login/")
    sign_in(page, ministry_focal_point.email, language)
    for path in [
        "/",
        "/dashboard/",
        f"/organisations/{ministry.pk}/",
        f"/joining/organisations/{ministry.pk}/",
        "/centres/",
        "/calls/",
        "/board/",
    ]:
        page.goto(f"/{language}{path}")
        title = page.evaluate("document.querySelector('title').innerHTML")
        assert "<" not in title and "&lt;" not in title, (path, title)
