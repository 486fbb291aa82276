"""Joining the Alliance in a real browser with JavaScript off: a ministry expresses
interest, the secretariat acknowledges, the ministry completes its preliminary assessment
and sees the recommendation, the secretariat reviews it and drafts the joint declaration,
the ministry's signatory signs, the Director countersigns and the PDF downloads."""

import re

import pytest
from playwright.sync_api import expect

from alliance.accounts.models import MembershipRole
from alliance.accounts.tests.factories import PASSWORD, MembershipFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


FRENCH = {
    "Express interest": "Manifester son intérêt",
    "Save and check your answers": "Enregistrer et vérifier vos réponses",
    "Submit the expression of interest": "Soumettre la manifestation d'intérêt",
    "Submitted": "Soumise",
    "1 expression of interest to acknowledge": "1 manifestation d'intérêt en attente d'accusé de réception",
    "Acknowledge": "Accuser réception",
    "Acknowledged": "Accusé de réception envoyé",
    "Request a preliminary assessment": "Demander une évaluation préliminaire",
    "Ecosystem Assessment Canvas": "Canevas d'évaluation de l'écosystème",
    "Save and continue": "Enregistrer et continuer",
    "Check your answers before submitting": "Vérifiez vos réponses avant de soumettre",
    "Digital Transformation Acceleration Centre": "Centre d'accélération de la transformation numérique",
    "Submit the preliminary assessment": "Soumettre l'évaluation préliminaire",
    "What happens next": "La suite",
    "Start the review": "Commencer l'examen",
    "Complete the assessment": "Terminer l'évaluation",
    "Draft the joint declaration": "Rédiger la déclaration conjointe",
    "Draft and send for signature": "Rédiger et envoyer pour signature",
    "Sign": "Signer",
    "Signed by the organisation": "Signée par l'organisation",
    "Countersign the joint declaration": "Contresigner la déclaration conjointe",
    "In force": "En vigueur",
    # The link names the original's language; the start of its name is enough to find it.
    "Download the signed original": "Télécharger l'original signé",
}


PILLARS = ["vision", "talent", "infrastructure", "capital", "market", "culture", "policy"]


@pytest.fixture
def signed_in(_browser, live_server):
    contexts = []

    def open_as(email, language="en"):
        context = _browser.new_context(base_url=live_server.url, java_script_enabled=False)
        contexts.append(context)
        tab = context.new_page()
        tab.set_default_timeout(30_000)
        tab.goto(f"/{language}/accounts/login/")
        tab.fill("input[name=login]", email)
        tab.fill("input[name=password]", PASSWORD)
        tab.locator("form[action$='/accounts/login/'] button[type=submit]").click()
        assert "/dashboard/" in tab.url
        return tab

    yield open_as
    for context in contexts:
        context.close()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_ministry_joins_the_alliance(signed_in, ministry, secretariat_officer, director, language):
    def t(text):
        return FRENCH[text] if language == "fr" else text

    # Each person signs in to their saved language (issue 11): here, the test's language.
    minister = UserFactory(
        email="dg@ministry.test", full_name="Grace Banda", preferred_language=language
    )
    for person in (secretariat_officer, director):
        person.preferred_language = language
        person.save(update_fields=["preferred_language"])
    MembershipFactory(user=minister, organisation=ministry, role=MembershipRole.SIGNATORY)

    org = signed_in("dg@ministry.test", language)
    org.get_by_role("link", name=str(ministry)).first.click()
    org.get_by_role("link", name=t("Express interest"), exact=True).click()
    org.check("input[name=instruments][value=host_centre]")
    org.fill("textarea[name=motivation]", "We want a centre for policy experimentation.")
    org.fill("input[name=contact_name]", "Grace Banda")
    org.fill("input[name=contact_email]", "dg@ministry.test")
    org.get_by_role("button", name=t("Save and check your answers")).click()
    org.get_by_role("button", name=t("Submit the expression of interest")).click()
    expect(org.locator("main")).to_contain_text(t("Submitted"), use_inner_text=True)
    expression_url = org.url

    staff = signed_in(secretariat_officer.email, language)
    staff.get_by_role("link", name=t("1 expression of interest to acknowledge")).click()
    staff.get_by_role("link", name=str(ministry)).click()
    staff.get_by_role("button", name=t("Acknowledge")).click()
    expect(staff.locator("main")).to_contain_text(t("Acknowledged"), use_inner_text=True)

    org.goto(expression_url)
    org.get_by_role("button", name=t("Request a preliminary assessment")).click()
    assert org.locator("main .tag-grey").count() == 4  # four sections not started
    org.get_by_role("link", name=t("Ecosystem Assessment Canvas")).click()
    for pillar in PILLARS:
        org.check(f"input[name={pillar}_rating][value=some]")
        org.fill(f"textarea[name={pillar}_evidence]", f"Evidence on {pillar}.")
    org.get_by_role("button", name=t("Save and continue")).click()
    # Human resources: a mistake is shown beside the field, the valid row is kept.
    org.fill("input[name=role_1]", "Centre manager")
    org.fill("input[name=fte_1]", "1")
    org.fill("input[name=role_2]", "Analysts")
    org.get_by_role("button", name=t("Save and continue")).click()
    # expect() waits for the page the click loads (title() alone can read it mid-way).
    expect(org).to_have_title(re.compile(r"^(Error:|Erreur)"))
    assert org.locator("input[name=role_1]").input_value() == "Centre manager"
    org.fill("input[name=fte_2]", "2")
    org.get_by_role("button", name=t("Save and continue")).click()
    org.fill("input[name=annual_budget_usd]", "400000")
    org.check("input[name=funding_sources][value=government]")
    org.fill("input[name=years_secured]", "3")
    org.get_by_role("button", name=t("Save and continue")).click()
    for code in ["ENTREPRENEURSHIP", "POLICY", "ECOSYSTEM"]:
        org.check(f"input[name=objectives][value={code}]")
    org.check("input[name=scope][value=national]")
    org.check("input[name=ownership][value=country]")
    org.check("input[name=sponsor][value=host_country]")
    org.fill("input[name=flagship_initiatives]", "2")
    org.get_by_role("button", name=t("Save and continue")).click()
    expect(org.locator("h1")).to_contain_text(
        t("Check your answers before submitting"), use_inner_text=True
    )
    best = org.locator(".joining-fits li").first.inner_text()
    assert t("Digital Transformation Acceleration Centre") in best
    org.get_by_role("button", name=t("Submit the preliminary assessment")).click()
    expect(org.locator("main")).to_contain_text(t("What happens next"), use_inner_text=True)

    staff.goto(f"/{language}/joining/queues/assessments/")
    staff.get_by_role("link", name=str(ministry)).click()
    staff.get_by_role("button", name=t("Start the review")).click()
    staff.fill("textarea[name=findings]", "Ready for a national centre.")
    staff.get_by_role("button", name=t("Complete the assessment")).click()
    staff.get_by_role("link", name=t("Draft the joint declaration")).click()
    staff.get_by_role("button", name=t("Draft and send for signature")).click()
    declaration_url = staff.url

    org.goto(declaration_url)
    org.fill("input[name=password]", PASSWORD)
    org.fill("input[name=full_name]", "Grace Banda")
    org.check("input[name=confirm]")
    org.get_by_role("button", name=t("Sign"), exact=True).click()
    expect(org.locator("main")).to_contain_text(
        t("Signed by the organisation"), use_inner_text=True
    )

    boss = signed_in(director.email, language)
    boss.goto(declaration_url)
    boss.fill("input[name=password]", PASSWORD)  # re-authentication (issue 15)
    boss.get_by_role("button", name=t("Countersign the joint declaration")).click()
    expect(boss.locator("main")).to_contain_text(t("In force"), use_inner_text=True)
    # The fingerprint printed on the declaration (its terms, grouped), then the file's SHA-256.
    printed, file_sha256 = boss.locator("code.fingerprint").all_inner_texts()
    assert len(printed) == 64 + 15 and len(file_sha256) == 64
    fingerprint = printed.replace(" ", "+")  # typed as printed, spaces and all

    org.goto(declaration_url)
    response = org.request.get(
        org.get_by_role("link", name=t("Download the signed original")).get_attribute("href")
    )
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")

    org.goto(f"/fr/joining/verify/?fingerprint={fingerprint}")
    expect(org.locator("main")).to_contain_text(
        "Il s'agit d'une déclaration conjointe en vigueur.", use_inner_text=True
    )
    org.goto(f"/fr/joining/verify/?fingerprint={file_sha256}")
    expect(org.locator("main")).to_contain_text(
        "Il s'agit d'une déclaration conjointe en vigueur.", use_inner_text=True
    )
