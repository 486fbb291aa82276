"""The strict Content-Security-Policy breaks no page: each kind of page (public pages, the
pages of each persona, a form with errors, the API docs, a chart page, the map) loads in
a real browser, scripts on, without a single violation (docs/decisions/0017-content-security-policy.md)."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from alliance.accounts.roles import StaffRole
from alliance.accounts.tests.factories import UserFactory
from alliance.centres.tests.factories import accredited_centre

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Recorded in the page before any of its own code runs (Playwright's init scripts are not
# subject to the page's policy).
LISTEN = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => {
  window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sourceFile || ''));
});
"""


def _tab(_browser, live_server, user=None):
    context = _browser.new_context(base_url=live_server.url)
    if user is not None:
        client = Client()
        client.force_login(user)
        host = live_server.url.split("//")[1].split(":")[0]
        context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                    "domain": host,
                    "path": "/",
                }
            ]
        )
    context.add_init_script(LISTEN)
    tab = context.new_page()
    tab.set_default_timeout(60_000)
    tab.console_errors = []
    tab.on(
        "console",
        lambda m: (
            tab.console_errors.append(m.text) if "Content Security Policy" in m.text else None
        ),
    )
    return tab


def _violations(tab, path, *, check_header=True) -> list[str]:
    response = tab.goto(path)
    assert response.status < 500, path
    if check_header:
        policy = response.headers.get("content-security-policy", "")
        for part in ("default-src 'self'", "object-src 'none'", "frame-ancestors 'none'"):
            assert part in policy, (path, policy)
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy, policy
    tab.wait_for_load_state("networkidle")
    found = tab.evaluate("window.__csp") + tab.console_errors
    tab.console_errors.clear()
    return [f"{path}: {v}" for v in found]


def _person(role: StaffRole, email: str):
    user = UserFactory(email=email)
    user.groups.add(Group.objects.get(name=role.value))
    return user


def test_no_page_breaks_the_content_security_policy(
    _browser,
    live_server,
    secretariat_officer,
    director,
    lab_expert,
    reviewer,
    ministry,
    ministry_focal_point,
):
    centre, _accreditation = accredited_centre(
        secretariat=secretariat_officer,
        director=director,
        lab=lab_expert,
        organisation=ministry,
        # In force today, whatever day the suite runs (the browser keeps the real clock).
        start=timezone.localdate() - timedelta(days=400),
    )
    board_member = _person(StaffRole.BOARD_MEMBER, "board@itu.test")
    problems = []

    public = _tab(_browser, live_server)
    for name in (
        "public:home",
        "centres:registry",
        "centres:map",
        "calls:list",
        "board:board",
        "public:open_data",
        "monitoring:figures",  # a chart page
        "account_login",
    ):
        problems += _violations(public, reverse(name))
    problems += _violations(public, reverse("centres:detail", args=[centre.pk]))
    # The API documentation: Swagger UI, from our own static files, scripts running.
    problems += _violations(public, "/api/v1/docs")
    assert public.locator(".swagger-ui").count() >= 1
    # A form with errors.
    public.goto(reverse("account_signup"))
    public.locator("form button[type=submit]").last.click()
    public.wait_for_load_state("networkidle")
    problems += [f"signup with errors: {v}" for v in public.evaluate("window.__csp")]

    personas = {
        ministry_focal_point: [
            "accounts:dashboard",
            "accounts:api_tokens",
            "accounts:profile",
            ("monitoring:centre_dashboard", centre.pk),
        ],
        secretariat_officer: ["accounts:dashboard", "core:audit"],
        director: ["accounts:dashboard", "accounts:security_policy"],
        lab_expert: ["accounts:dashboard", "monitoring:network"],
        reviewer: ["accounts:dashboard"],
        board_member: ["accounts:dashboard"],
    }
    for user, names in personas.items():
        tab = _tab(_browser, live_server, user)
        for name in names:
            url = reverse(name[0], args=name[1:]) if isinstance(name, tuple) else reverse(name)
            problems += _violations(tab, url)
    assert problems == []
