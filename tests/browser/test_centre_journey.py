"""A centre's life in a real browser (JavaScript off): from a selected application through
the design checklist, accreditation, certificate and credential verification, renewal and a
move to another type."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from alliance.calls.tests.factories import ApplicationFactory
from alliance.centres import services
from alliance.centres.models import Centre
from alliance.centres.tests.factories import design_evidence

from .reauth import confirm_password_if_asked

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def signed_in(_browser, live_server, user):
    """A browser tab with the user's session (signing in through allauth is tested elsewhere)."""
    client = Client()
    client.force_login(user)
    context = _browser.new_context(base_url=live_server.url, java_script_enabled=False)
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
    tab = context.new_page()
    tab.set_default_timeout(30_000)
    return tab


def test_selected_application_to_move_between_types(
    _browser,
    live_server,
    page,
    tmp_path,
    secretariat_officer,
    director,
    lab_expert,
    ministry,
    ministry_focal_point,
):
    application = ApplicationFactory(
        organisation=ministry,
        status="selected",
        proposed_scope="national",
        host_institution="Zomba",
    )
    centre = services.centre_from_application(actor=director, application=application)
    assert centre.name == "Zomba Digital Transformation Acceleration Centre"
    workspace = f"/en/centres/manage/{centre.pk}/"

    lab = signed_in(_browser, live_server, lab_expert)
    lab.goto(workspace)
    # Three steps follow their data: an agreement, an indicator, an initiative.
    assert lab.get_by_text("To do").count() == 4
    design_evidence(centre)
    lab.goto(workspace)
    lab.get_by_label("What the Lab checked").fill("Twelve staff, budget for three years.")
    lab.get_by_role("button", name="Confirm").click()
    assert lab.get_by_text("To do").count() == 0

    boss = signed_in(_browser, live_server, director)
    boss.goto(workspace)
    boss.get_by_role("link", name="Accredit the centre").click()
    start = timezone.localdate() - timedelta(days=400)
    boss.get_by_label("Start date").fill(start.isoformat())
    boss.get_by_role("button", name="Accredit the centre").click()
    confirm_password_if_asked(boss)
    expect(boss.locator("main")).to_contain_text("accredited for three years", use_inner_text=True)

    manager = signed_in(_browser, live_server, ministry_focal_point)
    manager.goto(workspace)
    with manager.expect_download() as pdf:
        manager.get_by_role("link", name="Certificate (French, PDF)").click()
    assert pdf.value.suggested_filename.endswith("-fr.pdf")
    with manager.expect_download() as jwt:
        manager.get_by_role("link", name="Verifiable credential (.jwt)").click()
    credential = tmp_path / "credential.jwt"
    jwt.value.save_as(credential)

    # Anyone: registry -> centre page -> verification, then the credential file.
    page.goto("/en/centres/")
    page.get_by_role("link", name="Zomba Digital Transformation Acceleration Centre").click()
    page.get_by_role("link", name="Verify", exact=True).click()
    expect(page.locator("main")).to_contain_text(
        "This accreditation is valid.", use_inner_text=True
    )
    page.get_by_label("Or the credential file (.jwt)").set_input_files(str(credential))
    page.get_by_role("button", name="Verify").click()
    expect(page.locator("main")).to_contain_text("signature is valid", use_inner_text=True)

    # Renewal: secretariat opens, the centre reports, the Lab evaluates, the Director renews.
    officer = signed_in(_browser, live_server, secretariat_officer)
    officer.goto(workspace)
    officer.get_by_role("button", name="Open the renewal evaluation").click()
    renewal_url = officer.url
    manager.goto(renewal_url)
    manager.get_by_label("Self-report").fill("Two cohorts of start-ups and a policy sandbox.")
    manager.get_by_role("button", name="Submit the self-report").click()
    lab.goto(renewal_url)
    for field in lab.locator("select").all():
        field.select_option("3")
    lab.get_by_label("Evaluation", exact=True).fill("Requalified on every criterion.")
    lab.get_by_role("button", name="Save the evaluation").click()
    boss.goto(renewal_url)
    boss.get_by_label("Renew for three years").check()
    boss.get_by_role("button", name="Record the decision").click()
    confirm_password_if_asked(boss)
    expect(boss.locator("main")).to_contain_text("Renewed", use_inner_text=True)

    # Move to another type: requested by the centre, evaluated by the Lab, approved.
    manager.goto(workspace)
    manager.get_by_role("link", name="Request a move to another type").click()
    expect(manager.locator("main")).to_contain_text("Fit (0–100)", use_inner_text=True)
    manager.get_by_label("Target type").select_option(label="Initiatives Acceleration Centre")
    manager.get_by_label("Justification").fill("The ministry now hosts it inside its agency.")
    manager.get_by_role("button", name="Send the request").click()
    move_url = manager.url
    lab.goto(move_url)
    lab.get_by_label("Note").fill("Fits the guidance.")
    lab.get_by_role("button", name="Send to the Director").click()
    boss.goto(move_url)
    boss.get_by_label("Approve").check()
    boss.get_by_role("button", name="Record the decision").click()
    confirm_password_if_asked(boss)
    page.goto(f"/en/centres/{centre.pk}/")
    expect(page.locator("main")).to_contain_text(
        "Initiatives Acceleration Centre", use_inner_text=True
    )
    assert Centre.objects.get(pk=centre.pk).type_periods.count() == 2
