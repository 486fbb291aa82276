"""axe-core on every page type, public and signed in, forms with errors included, in every
UI language: no serious or critical violation (issue 15, item 5). The figures per page type
and language are printed (`-s`) and written to the closing note."""

import pytest

from alliance.calls.tests.factories import ApplicationFactory, CallFactory
from alliance.joining.tests.factories import AssessmentFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ["ar", "zh-hans", "en", "fr", "ru", "es"]


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_serious_violation_on_any_page_type(
    axe, ministry, ministry_focal_point, secretariat_officer, language
):
    call = CallFactory()
    application = ApplicationFactory(organisation=ministry, call=call)
    assessment = AssessmentFactory(organisation=ministry)
    L = f"/{language}"
    pages = [
        ("public: home", f"{L}/", {}),
        ("public: list (registry)", f"{L}/centres/", {}),
        ("public: call", f"{L}/calls/{call.pk}/", {}),
        ("public: form (sign in)", f"{L}/accounts/login/", {}),
        ("public: error page (404)", f"{L}/no-such-page/", {}),
        ("signed in: dashboard", f"{L}/dashboard/", {"signed_in_as": ministry_focal_point}),
        (
            "signed in: form with errors",
            f"{L}/organisations/new/",
            {"signed_in_as": ministry_focal_point, "post": {"name": ""}},
        ),
        (
            "signed in: task list (assessment)",
            f"{L}/joining/assessments/{assessment.pk}/tasks/",
            {"signed_in_as": ministry_focal_point},
        ),
        (
            "signed in: application task list",
            f"{L}/calls/applications/{application.pk}/",
            {"signed_in_as": ministry_focal_point},
        ),
        (
            "signed in: error page (403/404)",
            f"{L}/staff/audit/",
            {"signed_in_as": ministry_focal_point},
        ),
        (
            "staff: table (queue)",
            f"{L}/joining/queues/expressions/",
            {"signed_in_as": secretariat_officer},
        ),
        ("staff: table (audit trail)", f"{L}/staff/audit/", {"signed_in_as": secretariat_officer}),
    ]
    found = {}
    for name, path, options in pages:
        found[name] = axe(path, **options)
    print(f"\naxe {language}: " + "; ".join(f"{k}={len(v)}" for k, v in found.items()))
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
