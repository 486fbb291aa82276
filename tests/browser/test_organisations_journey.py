"""Organisations the secretariat can trust (issue 17), with JavaScript off: a person signs
up and asks to join an existing ministry, its focal point approves; the secretariat
verifies the ministry's ITU membership against ITU's list; the ministry then applies to a
call for ITU members, while an organisation that only declares its membership is refused
with the reason."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from alliance.accounts.models import Membership, MembershipRole, Organisation
from alliance.accounts.roles import StaffRole
from alliance.accounts.tests.factories import (
    PASSWORD,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)
from alliance.calls.models import WhoMayApply
from alliance.calls.tests.factories import CallFactory
from alliance.core.models import AuditEvent

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, email, password=PASSWORD):
    page.context.clear_cookies()
    page.goto("/en/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url("**/dashboard/")


def main(page) -> str:
    return page.locator("main").inner_text()


def test_join_verify_and_apply_to_a_members_only_call(page):
    from django.contrib.auth.models import Group

    ministry = OrganisationFactory(
        name="Ministry of Information and Digitalisation",
        acronym="MoID",
        kind="member_state",
        country="MW",
        itu_membership="member_state",
    )
    focal = UserFactory(email="focal@moid.test", full_name="Thoko Phiri")
    MembershipFactory(user=focal, organisation=ministry, role=MembershipRole.FOCAL_POINT)
    declared = OrganisationFactory(
        name="Digital Futures Ltd", kind="company", country="MW", itu_membership="sector_member"
    )
    company_focal = UserFactory(email="ceo@futures.test", full_name="Kondwani Banda")
    MembershipFactory(user=company_focal, organisation=declared, role=MembershipRole.FOCAL_POINT)
    officer = UserFactory(email="officer@itu.test", full_name="Amina Diallo")
    officer.groups.add(Group.objects.get(name=StaffRole.SECRETARIAT.value))
    CallFactory(title={"en": "Call for ITU members 2027"}, who_may_apply=WhoMayApply.ITU_MEMBERS)

    # The machine running the suite is shared: give slow first pages time.
    page.set_default_timeout(60_000)
    page.set_default_navigation_timeout(60_000)

    # A new person signs up and confirms their address.
    page.goto("/en/accounts/signup/")
    page.get_by_label("Email").fill("grace@moid.test")
    page.locator("input[name=password1]").fill("a strong password 2026")
    page.locator("input[name=password2]").fill("a strong password 2026")
    page.locator("main form button[type=submit]").click()
    link = re.search(r"https?://[^/\s]+(/en/accounts/confirm-email/\S+)", mail.outbox[-1].body)
    page.goto(link.group(1))
    page.locator("main form button[type=submit]").click()

    # They find the ministry and ask to join it.
    sign_in(page, "grace@moid.test", "a strong password 2026")
    page.get_by_role("link", name="Find your organisation and ask to join it").click()
    page.get_by_label("Name or acronym of the organisation").fill("MoID")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("link", name="Ask to join Ministry of Information").click()
    page.get_by_label("Message to the organisation (optional)").fill("I lead the ICT unit.")
    mail.outbox.clear()
    page.get_by_role("button", name="Send the request").click()
    assert "The organisation's focal point will answer it." in main(page)
    assert "Waiting for an answer" in main(page)
    assert [m.to for m in mail.outbox] == [["focal@moid.test"]]

    # The focal point approves; the person is told.
    sign_in(page, "focal@moid.test")
    page.goto(f"/en/organisations/{ministry.pk}/")
    assert "I lead the ICT unit." in main(page)
    mail.outbox.clear()
    page.get_by_role("button", name="Approve grace@moid.test").click()
    assert "is now a member of" in main(page)
    assert Membership.objects.filter(user__email="grace@moid.test", organisation=ministry).exists()
    assert "was approved" in mail.outbox[-1].subject
    # The focal point asks the secretariat for a check of the membership.
    page.get_by_role("button", name="Ask the secretariat to verify our ITU membership").click()
    assert "The secretariat will check" in main(page)

    # The secretariat checks the ministry against ITU's list of Member States.
    sign_in(page, "officer@itu.test")
    page.get_by_role("link", name="Organisations waiting for the secretariat").click()
    page.get_by_role("link", name="Ministry of Information and Digitalisation").click()
    page.get_by_role("button", name="Verify the ITU membership").click()
    # Wait for the answer page: title() read mid-navigation is empty.
    expect(page).to_have_title(re.compile(r"^Error:"))
    assert "Choose the organisation's entry in ITU's list." in main(page) or "required" in main(
        page
    )
    page.get_by_label("Entry in ITU's list").select_option(label="Malawi (Member State)")
    page.get_by_role("button", name="Verify the ITU membership").click()
    assert "ITU membership verified" in main(page)
    assert AuditEvent.objects.filter(verb="organisation.membership_verified").count() == 1

    # The ministry applies to the call for ITU members.
    sign_in(page, "focal@moid.test")
    page.goto("/en/calls/")
    page.get_by_role("link", name="Call for ITU members 2027").click()
    page.get_by_role("link", name="Apply").click()
    page.get_by_role("button", name="Start the application").click()
    assert "Your application is started." in main(page)

    # The company that only declares itself a Sector Member is refused, and told why.
    sign_in(page, "ceo@futures.test")
    page.goto("/en/calls/")
    page.get_by_role("link", name="Call for ITU members 2027").click()
    page.get_by_role("link", name="Apply").click()
    page.get_by_role("button", name="Start the application").click()
    text = main(page)
    assert "membership the secretariat has verified" in text
    assert "is not verified" in text
    assert Organisation.objects.get(pk=declared.pk).applications.count() == 0
