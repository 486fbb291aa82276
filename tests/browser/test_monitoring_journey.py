"""The Lab and monitoring in a real browser (JavaScript off): a centre asks for technical
assistance, the Lab delivers it, the centre submits its annual report, the Lab accepts it and
the centre's dashboard shows the value against the target."""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from alliance.centres.tests.factories import accredited_centre
from alliance.lab import services as lab_services
from alliance.lab.models import TechnicalAssistanceRequest
from alliance.monitoring.models import CentreReport
from alliance.monitoring.tests.factories import CentreIndicatorFactory, open_first_report

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def signed_in(_browser, live_server, user):
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


def test_assistance_then_report_accepted_and_shown(
    _browser,
    live_server,
    tmp_path,
    secretariat_officer,
    director,
    lab_expert,
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
    startups = CentreIndicatorFactory(centre=centre)

    centre_tab = signed_in(_browser, live_server, ministry_focal_point)
    centre_tab.goto("/en/dashboard/")
    centre_tab.get_by_role(
        "link", name=f"Ask the Lab for technical assistance for {ministry.name}"
    ).click()
    centre_tab.get_by_label("Monitoring and evaluation").check()
    centre_tab.get_by_label("What do you need help with?").fill("Help us set our targets.")
    centre_tab.get_by_role("button", name="Send the request to the Lab").click()
    expect(centre_tab.locator("main")).to_contain_text("Your request was sent", use_inner_text=True)

    tar = TechnicalAssistanceRequest.objects.get()
    lab_services.request_triage(request_id=tar.pk, actor=lab_expert)
    lab_services.request_assign(request_id=tar.pk, actor=lab_expert, assignee=lab_expert)
    lab_services.request_plan_propose(
        request_id=tar.pk,
        actor=lab_expert,
        plan="One workshop.",
        milestones=[("Workshop", timezone.localdate() + timedelta(days=14))],
    )
    centre_tab.reload()
    centre_tab.get_by_role("button", name="We agree the plan").click()

    lab_tab = signed_in(_browser, live_server, lab_expert)
    lab_tab.goto("/en/lab/requests/mine/")
    lab_tab.get_by_role("link", name=ministry.name).click()
    review = tmp_path / "targets.pdf"
    review.write_bytes(b"%PDF-1.4 targets")
    lab_tab.get_by_label("What was delivered").fill("Targets agreed in the workshop.")
    lab_tab.get_by_label("Document title").fill("Targets note")
    lab_tab.get_by_label("Document", exact=True).set_input_files(str(review))
    lab_tab.get_by_role("button", name="Deliver", exact=True).click()
    expect(lab_tab.locator("main")).to_contain_text(
        "The assistance is delivered", use_inner_text=True
    )

    report = open_first_report(centre)
    centre_tab.goto("/en/monitoring/reports/ours/")
    centre_tab.get_by_role("link", name=centre.name).click()
    centre_tab.get_by_role("link", name="Fill in the report").click()
    centre_tab.locator(f"#id_value_{startups.pk}").fill("4.5")
    centre_tab.get_by_label("Narrative").fill("Our first year.")
    centre_tab.get_by_role("button", name="Save the draft").click()
    expect(centre_tab).to_have_title(re.compile(r"^Error:"))
    assert centre_tab.get_by_label("Narrative").input_value() == "Our first year."
    centre_tab.locator(f"#id_value_{startups.pk}").fill("45")
    centre_tab.get_by_role("button", name="Save and check your answers").click()
    centre_tab.get_by_role("button", name="Submit the report").click()
    expect(centre_tab.locator("main")).to_contain_text("What happens next", use_inner_text=True)

    lab_tab.goto("/en/monitoring/reports/")
    lab_tab.get_by_role("link", name=centre.name).click()
    lab_tab.get_by_label("Accept the report").check()
    lab_tab.get_by_role("button", name="Record the decision").click()
    assert CentreReport.objects.get(pk=report.pk).status == "accepted"

    centre_tab.goto(f"/en/monitoring/centres/{centre.pk}/")
    table = centre_tab.locator("main table").first.inner_text()
    assert "45" in table and "Target (2026)" in table
