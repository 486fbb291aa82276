"""Partner recognition in a real browser (JavaScript off): an organisation that already runs
a centre applies, the Lab runs the design phase (the checklist follows the data each step
names and shows it), scores the centre on the published criteria, the Director approves."""

from datetime import date
from decimal import Decimal

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from playwright.sync_api import expect

from alliance.centres import services
from alliance.centres.models import CentreType, PartnerRecognition
from alliance.core.models import Country
from alliance.core.policy import can
from alliance.lab import services as lab_services
from alliance.monitoring import services as monitoring_services
from alliance.monitoring.tests.factories import IndicatorFactory

from .reauth import confirm_password_if_asked

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
    # A loaded machine renders the first pages slowly (the country list, the catalogs).
    tab.set_default_timeout(60_000)
    return tab


def test_an_existing_centre_becomes_a_partner_through_design_evaluation_and_decision(
    _browser, live_server, university, university_focal_point, lab_expert, director
):
    # Each persona's permissions read once here, so that this thread holds no read of the
    # permission table while the live server answers (SQLite's shared in-memory database).
    for person in (university_focal_point, lab_expert, director):
        assert can(person, "centres.staff") == (person != university_focal_point)
    applicant = signed_in(_browser, live_server, university_focal_point)
    applicant.goto("/en/centres/recognition/apply/")
    main = applicant.locator("main").inner_text()
    assert "Fit with the Alliance's strategic objectives" in main  # the published criteria
    applicant.get_by_label("Organisation").select_option(str(university.pk))
    applicant.get_by_label("Name of the centre").fill("Chiromo Innovation Centre")
    applicant.get_by_label("Type sought").select_option(
        str(CentreType.objects.get(code="RESEARCH_ENTREPRENEURSHIP").pk)
    )
    applicant.get_by_label("Scope").select_option("national")
    applicant.get_by_label("Country").select_option(str(Country.objects.get(code="KE").pk))
    applicant.get_by_label("Description of the centre").fill("A university centre.")
    applicant.get_by_label("Track record").fill("Since 2015: 120 start-ups.")
    applicant.get_by_label("Human and financial resources").fill("Ten staff, a building.")
    applicant.get_by_role("button", name="Apply for recognition").click()
    recognition = PartnerRecognition.objects.get()
    page_url = f"/en/centres/recognition/{recognition.pk}/"
    assert applicant.url.endswith(page_url)

    lab = signed_in(_browser, live_server, lab_expert)
    lab.goto(page_url)
    lab.get_by_role("button", name="Start the design phase").click()
    assert lab.get_by_text("To do").count() == 4
    # Ticking by hand is not offered where the data decides.
    assert lab.get_by_text("Follows the data: done when it exists.").count() == 3
    lab.get_by_role("button", name="Complete the design phase").click()
    expect(lab.locator("main")).to_contain_text(
        "No signed cooperation agreement with the Lab yet", use_inner_text=True
    )

    # The design's data, each made where it belongs (the Lab's and the centre's own pages
    # are tested in their journeys).
    centre = PartnerRecognition.objects.get().centre
    agreement = lab_services.agreement_create(
        actor=lab_expert,
        host_organisation=university,
        centre=centre,
        title="Cooperation agreement BDT–Chiromo",
        parties="BDT; the university",
        scope="Design and first three years.",
        start_date=date(2026, 1, 1),
        end_date=date(2028, 12, 31),
    )
    lab_services.agreement_set_status(
        agreement_id=agreement.pk,
        actor=lab_expert,
        status="signed",
        document=SimpleUploadedFile("signed.pdf", b"%PDF-1.4 signed", "application/pdf"),
    )
    monitoring_services.centre_indicator_set(
        actor=university_focal_point,
        centre=centre,
        indicator=IndicatorFactory(name={"en": "Start-ups supported"}),
        baseline=Decimal("12"),
        baseline_year=2025,
        target=Decimal("40"),
        target_year=2028,
    )
    services.initiative_create(
        centre_id=centre.pk,
        actor=university_focal_point,
        title={"en": "Campus venture studio"},
        status="planned",
    )

    lab.goto(page_url)
    lab.get_by_label("What the Lab checked").fill("Staff list and the 2026-2028 budget.")
    lab.get_by_role("button", name="Confirm").click()
    lab.goto(page_url)
    assert lab.get_by_text("To do").count() == 0
    lab.get_by_role("button", name="Complete the design phase").click()
    for field in lab.locator("select").all():
        field.select_option("3")
    lab.get_by_label("Evaluation", exact=True).fill("A strong university centre.")
    lab.get_by_role("button", name="Send to the Director").click()
    expect(lab.locator("main")).to_contain_text("15 / 20", use_inner_text=True)

    boss = signed_in(_browser, live_server, director)
    boss.goto(page_url)
    boss.get_by_label("Approve").check()
    boss.get_by_label("Rationale").fill("Welcome to the network.")
    boss.get_by_role("button", name="Record the decision").click()
    confirm_password_if_asked(boss)
    main = boss.locator("main").inner_text()
    assert "Approved" in main

    # Each step shows its evidence, and the agreement's link leads to it.
    applicant.goto(page_url)
    main = applicant.locator("main").inner_text()
    assert "Start-ups supported: baseline 12 (2025)" in main
    assert "Campus venture studio" in main
    assert "Staff list and the 2026-2028 budget." in main
    lab.goto(page_url)
    lab.get_by_role("link", name="Cooperation agreement BDT–Chiromo").click()
    expect(lab.locator("h1")).to_contain_text(
        "Cooperation agreement BDT–Chiromo", use_inner_text=True
    )
    centre.refresh_from_db()
    assert centre.status == "accredited" and centre.accreditations.count() == 1
