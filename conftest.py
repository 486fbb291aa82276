"""Named personas shared by every test (ARCHITECTURE.md, rule 8)."""

from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.utils import translation

from alliance.accounts.models import MembershipRole
from alliance.accounts.roles import StaffRole
from alliance.accounts.tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
    verify_membership,
)

# The files whose module fixtures take minutes (the six-language crawl, the access matrix
# walk: each builds the demo world once): they start first, so that under pytest-xdist
# (`make test`: `-n 2 --dist loadgroup`, ADR 0024) the other worker
# works through the rest meanwhile instead of both waiting on one of them at the end.
# `loadgroup` (not `loadfile`) keeps pytest-django's order on each worker: the transactional
# tests, which flush the reference data, run after the others.
SLOW_FIRST = (
    "tests/access/test_six_languages.py",
    "tests/access/test_access_matrix.py",
    "alliance/core/tests/test_settings.py",
)


def pytest_addoption(parser):
    parser.addoption(
        "--today",
        metavar="YYYY-MM-DD",
        help="run the suite as if it were this day (09:00 UTC, the clock ticking): finds the "
        "tests that hold a fixed date which will one day be in the past",
    )


def pytest_configure(config):
    today = config.getoption("--today")
    if today:
        import datetime as dt

        import time_machine

        moment = dt.datetime.fromisoformat(today).replace(hour=9, tzinfo=dt.UTC)
        config._today = time_machine.travel(moment, tick=True)
        config._today.start()


def pytest_collection_modifyitems(config, items):
    def rank(item):
        path = item.nodeid.split("::", 1)[0]
        return SLOW_FIRST.index(path) if path in SLOW_FIRST else len(SLOW_FIRST)

    items.sort(key=rank)  # stable: every other test keeps its order


@pytest.fixture(autouse=True)
def _reference_data_after_flush(request):
    """A transactional test flushes what the data migrations made (reference data, staff
    groups) for the tests after it: make them again before each such test."""
    marker = request.node.get_closest_marker("django_db")
    if not (marker and marker.kwargs.get("transaction")):
        return
    request.getfixturevalue("transactional_db")
    from alliance.accounts.roles import ensure_groups
    from alliance.core.reference.load import load_reference_data

    load_reference_data()
    ensure_groups()
    for hook in REFERENCE_HOOKS:
        hook()


# The day the test factories' fixed dates are written around: an accreditation from
# 1 March 2024 for three years, Board terms to 14 February 2027, a cooperation agreement
# to the end of 2026. The tests of the apps that use them run on this day whatever the real
# one (their conftest asks for it); a test about another day travels there itself, inside.
FACTORIES_DAY = "2026-06-15 09:00Z"


@pytest.fixture
def factories_day():
    import time_machine

    with time_machine.travel(FACTORIES_DAY, tick=True):
        yield


def _board_areas():
    import importlib

    from django.apps import apps

    module = importlib.import_module("alliance.board.migrations.0002_expert_areas")
    module.add_areas(apps, None)


def _itu_member_states():
    import importlib

    from django.apps import apps

    module = importlib.import_module("alliance.accounts.migrations.0008_itu_member_states")
    module.load_member_states(apps, None)


# Data migrations that create reference rows, run again after a flush.
REFERENCE_HOOKS = [_board_areas, _itu_member_states]


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language: a test that leaves another language active
    (a crawl of the six languages, a request that activated Arabic) must not change the words
    that the next test in the same process reads, whatever order the workers run them in."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


def _with_role(user, role: StaffRole):
    user.groups.add(Group.objects.get(name=role.value))
    return user


@pytest.fixture
def ministry(db):
    # A Member State administration whose membership the secretariat has checked.
    return verify_membership(
        OrganisationFactory(
            name="Ministry of ICT",
            acronym="MICT",
            kind="member_state",
            country="MW",
            itu_membership="member_state",
        )
    )


@pytest.fixture
def ministry_focal_point(ministry):
    user = UserFactory(email="focal@ministry.test", full_name="Thoko Phiri")
    MembershipFactory(user=user, organisation=ministry, role=MembershipRole.FOCAL_POINT)
    return user


@pytest.fixture
def university(db):
    return OrganisationFactory(
        name="University of Nairobi", kind="academia", country="KE", itu_membership="academia"
    )


@pytest.fixture
def university_focal_point(university):
    user = UserFactory(email="focal@university.test", full_name="Wanjiru Kamau")
    MembershipFactory(user=user, organisation=university, role=MembershipRole.FOCAL_POINT)
    return user


@pytest.fixture
def secretariat_officer(db):
    return _with_role(
        UserFactory(email="officer@itu.test", full_name="Amina Diallo"), StaffRole.SECRETARIAT
    )


@pytest.fixture
def director(db):
    return _with_role(
        UserFactory(email="director@itu.test", full_name="Jean Moreau"), StaffRole.DIRECTOR
    )


@pytest.fixture
def lab_expert(db):
    return _with_role(
        UserFactory(email="lab@itu.test", full_name="Lina Haddad"), StaffRole.LAB_EXPERT
    )


@pytest.fixture
def reviewer(db):
    return _with_role(
        UserFactory(email="reviewer@itu.test", full_name="Carlos Mendes"), StaffRole.REVIEWER
    )


@pytest.fixture
def stranger(db):
    return UserFactory(email="stranger@example.test", full_name="Sam Stranger")


# --- Real-browser tests (Playwright driving Debian's chromium) -------------------------

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def _browser():
    import os

    from playwright.sync_api import expect, sync_playwright

    # Playwright runs an event loop in this thread; live_server's ORM calls are still sync.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    # expect() keeps its own 5 s default whatever a tab's timeout: after a post that sends
    # mail with a calendar file or draws a PDF, while the other xdist worker runs Chromium
    # too, 5 s is short. A real failure still fails, later.
    expect.set_options(timeout=20_000)
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(_browser, live_server):
    """A fresh browser tab; JavaScript off, as many of our users browse (htmx only enhances)."""
    context = _browser.new_context(base_url=live_server.url, java_script_enabled=False)
    tab = context.new_page()
    tab.set_default_timeout(30_000)
    yield tab
    context.close()


@pytest.fixture
def js_page(_browser, live_server):
    context = _browser.new_context(base_url=live_server.url)
    tab = context.new_page()
    tab.set_default_timeout(30_000)
    yield tab
    context.close()


AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture
def axe(_browser, live_server):
    """`axe(path)` loads a page and returns axe-core's serious and critical findings.

    The pages need no JavaScript, so the check runs in its own tab with scripts on and the
    page's CSP bypassed (only to inject axe); what it audits is the same HTML and CSS.
    """
    context = _browser.new_context(base_url=live_server.url, bypass_csp=True)
    tab = context.new_page()

    signed_in = {"as": None}

    def check(path, *, storage_state=None, cookies=None, signed_in_as=None, post=None):
        """`signed_in_as=user` signs that person in first; `post={...}` submits the form
        of the page with these values (to audit a form with errors)."""
        if cookies:
            context.add_cookies(cookies)
        if signed_in_as is not None and signed_in["as"] != signed_in_as.pk:
            from django.conf import settings
            from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
            from django.contrib.sessions.backends.db import SessionStore

            session = SessionStore()
            session[SESSION_KEY] = str(signed_in_as.pk)
            session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
            session[HASH_SESSION_KEY] = signed_in_as.get_session_auth_hash()
            session.save()
            context.clear_cookies()
            context.add_cookies(
                [{"name": "sessionid", "value": session.session_key, "url": live_server.url}]
            )
            signed_in["as"] = signed_in_as.pk
        tab.goto(path)
        if post is not None:
            form = tab.locator("main form[method=post]").first
            for name, value in post.items():
                form.locator(f"[name={name}]").first.fill(value)
            form.locator("button[type=submit]").first.click()
            tab.wait_for_load_state()
        tab.add_script_tag(path=str(AXE))
        result = tab.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
        )
        return [
            f"{v['id']} ({v['impact']}): {v['help']} – "
            + "; ".join(n["target"][0] if n["target"] else "?" for n in v["nodes"][:3])
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]

    check.tab = tab  # the audited page, for the test's own checks (signed in, errors shown)
    yield check
    context.close()
