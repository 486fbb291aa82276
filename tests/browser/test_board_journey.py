"""A ministry nominates its minister, the Director approves, the new member reads the next
meeting's papers, the secretariat records a decision, and the public sees it in French."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from alliance.accounts.models import MembershipRole
from alliance.accounts.roles import ROLE_PERMISSIONS, StaffRole
from alliance.accounts.tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
    verify_membership,
)
from alliance.board.clock import board_today
from alliance.board.tests.factories import DocumentFactory, MeetingFactory

from .reauth import confirm_password_if_asked

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _with_role(user, role):
    # A transactional test may follow another one that flushed the groups the migrations made.
    group, _created = Group.objects.get_or_create(name=role.value)
    group.permissions.set(
        [
            Permission.objects.get(content_type__app_label=app, codename=codename)
            for app, codename in ROLE_PERMISSIONS[role]
        ]
    )
    user.groups.add(group)
    return user


def _sign_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    page.context.clear_cookies()
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def test_nomination_to_public_decision(page, live_server):
    ministry = OrganisationFactory(
        name="Ministry of ICT", kind="member_state", country="MW", itu_membership="member_state"
    )
    # Board nominations rest on ITU membership the secretariat verified (issue 17).
    verify_membership(ministry)
    signatory = UserFactory(email="signatory@ministry.test", full_name="Chisomo Banda")
    MembershipFactory(user=signatory, organisation=ministry, role=MembershipRole.SIGNATORY)
    minister = UserFactory(email="minister@ministry.test", full_name="Chimwemwe Phiri")
    officer = _with_role(UserFactory(email="officer@itu.test"), StaffRole.SECRETARIAT)
    director = _with_role(UserFactory(email="director@itu.test"), StaffRole.DIRECTOR)
    start = timezone.now() + timedelta(days=30)
    upcoming = MeetingFactory(title={"en": "Annual meeting 2027"}, starts_at=start)
    DocumentFactory(meeting=upcoming, title="Draft work plan")
    held = MeetingFactory(title={"en": "Inaugural meeting"})
    today = board_today()

    _sign_in(page, live_server, signatory)
    page.goto("/en/board/nominations/new/")
    page.get_by_label("Nominee's full name").fill("Chimwemwe Phiri")
    page.get_by_label("Nominee's title").fill("Minister of Information and Digitalisation")
    page.get_by_label("Nominee's email address").fill("minister@ministry.test")
    page.get_by_label("Short biography").fill("Minister since 2023.")
    page.set_input_files(
        "#id_cv", files=[{"name": "cv.pdf", "mimeType": "application/pdf", "buffer": b"%PDF"}]
    )
    page.get_by_label("Proposed term start").fill(today.isoformat())
    page.get_by_label("Proposed term end").fill((today + timedelta(days=3 * 365)).isoformat())
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("h1")).to_contain_text("Check your answers", use_inner_text=True)
    page.get_by_role("link", name="Change the nominee's title").click()
    page.get_by_label("Nominee's title").fill("Minister of Information, Digitalisation")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("main")).to_contain_text("Minister since 2023.", use_inner_text=True)
    page.get_by_role("button", name="Submit the nomination").click()
    expect(page.locator("main")).to_contain_text("What happens next", use_inner_text=True)
    page.get_by_role("link", name="View the nomination").click()
    expect(page.locator("main")).to_contain_text(
        "Minister of Information, Digitalisation", use_inner_text=True
    )
    nomination_url = page.url

    _sign_in(page, live_server, officer)
    page.goto(nomination_url)
    page.get_by_role("button", name="Start the eligibility review").click()
    page.get_by_role("link", name="Record the eligibility check").click()
    page.get_by_label("Yes").check()
    page.get_by_label("What did you check?").fill("Member State administration, ITU member.")
    page.get_by_role("button", name="Save").click()

    _sign_in(page, live_server, director)
    page.goto(nomination_url)
    page.get_by_role("link", name="Approve and seat").click()
    page.get_by_role("button", name="Approve and seat").click()
    confirm_password_if_asked(page)
    expect(page.locator("main")).to_contain_text(
        "Chimwemwe Phiri is seated on the Board.", use_inner_text=True
    )

    _sign_in(page, live_server, minister)
    page.goto("/en/dashboard/")
    page.get_by_role("link", name="Board members' area: meetings and papers").click()
    page.get_by_role("link", name="Annual meeting 2027").click()
    assert page.get_by_role("link", name="Draft work plan").count() == 1

    _sign_in(page, live_server, officer)
    page.goto(f"/en/board/staff/meetings/{held.pk}/decisions/new/")
    page.locator("[name=text-en]").fill("The Board adopted its work plan.")
    page.locator("[name=text-fr]").fill("Le Conseil a adopté son plan de travail.")
    page.get_by_label("Consensus").check()
    page.get_by_label("Publish this decision").check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator("main")).to_contain_text("The decision was recorded.", use_inner_text=True)

    page.context.clear_cookies()
    page.goto("/fr/board/decisions/")
    expect(page.locator("main")).to_contain_text(
        "Le Conseil a adopté son plan de travail.", use_inner_text=True
    )
    page.goto("/fr/board/")
    assert page.locator("h1").inner_text() == "Conseil de l'innovation numérique"
    expect(page.locator("main")).to_contain_text("Chimwemwe Phiri", use_inner_text=True)
