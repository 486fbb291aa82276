"""From call creation to published results, in a browser with JavaScript off: the
secretariat drafts and opens a call, two organisations apply, the deadline passes, the
secretariat screens and assigns two reviewers, they declare no conflict and score, the
Director decides from the ranking and publishes the results."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from alliance.accounts.tests.factories import PASSWORD, UserFactory
from alliance.calls.models import Call

from .reauth import confirm_password_if_asked

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, user):
    page.context.clear_cookies()
    page.goto("/en/accounts/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url("**/dashboard/")


def geneva(dt):
    return dt.astimezone(ZoneInfo("Europe/Zurich")).strftime("%Y-%m-%dT%H:%M")


def apply(page, user):
    sign_in(page, user)
    page.goto("/en/calls/")
    page.get_by_role("link", name="Call for regional centres 2027").click()
    page.get_by_role("link", name="Apply").click()
    page.get_by_role("button", name="Start the application").click()
    page.get_by_role("link", name="The proposed centre").click()
    page.get_by_label("Proposed centre type").select_option(
        label="Digital Transformation Acceleration Centre"
    )
    page.get_by_label("Proposed scope").select_option("regional")
    page.get_by_label("Host institution").fill(f"Host of {user.full_name}")
    page.get_by_role("button", name="Save and go back to the task list").click()
    page.get_by_role("link", name="Flagship initiatives").click()
    page.get_by_label("Flagship initiatives proposed").fill("A regulatory sandbox.")
    page.get_by_role("button", name="Save and go back to the task list").click()
    page.get_by_role("link", name="Human and financial resources").click()
    page.get_by_label("Human resources plan").fill("Six staff.")
    page.get_by_label("Financial resources plan").fill("USD 400,000 a year.")
    page.get_by_role("button", name="Save and go back to the task list").click()
    page.get_by_role("link", name="Check your answers and submit").click()
    page.get_by_role("button", name="Submit the application").click()
    expect(page.locator("h1")).to_contain_text("Application submitted", use_inner_text=True)


def review(page, user, value):
    sign_in(page, user)
    page.goto("/en/calls/reviews/")
    for _ in range(2):
        page.locator("main table a").first.click()
        page.get_by_label("No, I have no conflict of interest").check()
        page.get_by_role("button", name="Confirm").click()
        selects = page.locator("main form select")
        for i in range(selects.count()):
            selects.nth(i).select_option(str(value))
        value -= 1
        page.get_by_role("button", name="Submit the review").click()
        expect(page.locator("main")).to_contain_text(
            "Your review was submitted.", use_inner_text=True
        )
        page.goto("/en/calls/reviews/")
        # Submitted reviews sort after open ones; the next open one is first.
        if (
            "In progress" not in page.locator("main").inner_text()
            and "Waiting" not in page.locator("main").inner_text()
        ):
            break


def test_call_from_creation_to_published_results(
    page, secretariat_officer, director, reviewer, ministry_focal_point, university_focal_point
):
    second_reviewer = UserFactory(email="reviewer2@itu.test", full_name="Mei Lin")
    second_reviewer.groups.add(Group.objects.get(name="reviewer"))
    now = timezone.now()

    sign_in(page, secretariat_officer)
    page.goto("/en/calls/staff/new/")
    page.get_by_label("Reference").fill("regional-2027")
    page.locator("[name=title-en]").fill("Call for regional centres 2027")
    page.locator("[name=summary-en]").fill("Host a regional centre.")
    page.locator("[name=text-en]").fill("The full text of the call.")
    page.get_by_label("Digital Transformation Acceleration Centre").check()
    page.get_by_label("Regional", exact=True).check()
    page.get_by_label("Any organisation").check()
    page.get_by_label("Opens").fill(geneva(now - timedelta(hours=1)))
    page.get_by_label("Closes (deadline)").fill(geneva(now + timedelta(days=10)))
    page.get_by_role("button", name="Save the draft").click()
    expect(page.locator("h1")).to_contain_text(
        "Evaluation criteria and weights", use_inner_text=True
    )
    page.locator("[name=form-0-title-en]").fill("Relevance")
    page.locator("#id_form-0-weight").fill("60")
    page.locator("[name=form-1-title-en]").fill("Capacity")
    page.locator("#id_form-1-weight").fill("30")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".error-summary")).to_contain_text("they add up to 90", use_inner_text=True)
    page.locator("#id_form-1-weight").fill("40")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("button", name="Publish the call").click()
    expect(page.locator("main")).to_contain_text(
        "The call is published and open.", use_inner_text=True
    )

    apply(page, ministry_focal_point)
    apply(page, university_focal_point)

    # The deadline passes (the clock moves on; the scheduled command records the closing).
    call = Call.objects.get(reference="regional-2027")
    Call.objects.filter(pk=call.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    call_command("close_due_calls")

    sign_in(page, secretariat_officer)
    page.goto(f"/en/calls/staff/{call.pk}/applications/")
    for name in ("Ministry of ICT", "University of Nairobi"):
        page.get_by_role("link", name=name).click()
        page.get_by_label("Eligible: send to review").check()
        page.get_by_role("button", name="Record the screening").click()
        page.goto(f"/en/calls/staff/{call.pk}/applications/")
    page.goto(f"/en/calls/staff/{call.pk}/")
    page.get_by_role("button", name="Start the review").click()
    page.get_by_label("Carlos Mendes").check()
    page.get_by_label("Mei Lin").check()
    page.get_by_label("Reviews due").fill(geneva(now + timedelta(days=20)))
    page.get_by_role("button", name="Assign", exact=True).click()
    expect(page.locator("main")).to_contain_text("4 review(s) assigned.", use_inner_text=True)

    review(page, reviewer, 5)
    review(page, second_reviewer, 4)

    sign_in(page, director)
    page.goto(f"/en/calls/staff/{call.pk}/ranking/")
    page.locator("main table a", has_text="Decide").first.click()
    page.get_by_label("Selected", exact=True).check()
    page.get_by_label("Rationale").fill("Best ranked; strong plan.")
    page.get_by_role("button", name="Record the decision").click()
    # The first decision asks for the password again, then records what was typed.
    assert confirm_password_if_asked(page)
    expect(page.locator("main")).to_contain_text("The decision was recorded.", use_inner_text=True)
    page.locator("main table a", has_text="Decide").first.click()
    page.get_by_label("Not selected").check()
    page.get_by_label("Rationale").fill("Resources not yet sufficient.")
    page.get_by_role("button", name="Record the decision").click()
    confirm_password_if_asked(page)
    page.goto(f"/en/calls/staff/{call.pk}/")
    page.get_by_role("button", name="Record that every decision is taken").click()
    confirm_password_if_asked(page)
    page.get_by_role("button", name="Publish the results").click()
    confirm_password_if_asked(page)

    page.context.clear_cookies()
    page.goto(f"/en/calls/{call.pk}/results/")
    results = page.locator("main").inner_text()
    assert page.locator("dl.summary dd").first.inner_text() == "2"  # applications received
    assert ("Ministry of ICT" in results) != ("University of Nairobi" in results)
    assert "Carlos Mendes" not in results and "Mei Lin" not in results
