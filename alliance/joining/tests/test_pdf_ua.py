"""The assessment report and the joint declaration are tagged PDF/UA-1 in every UI language,
and a reader gets the declaration in their language without the signed original changing."""

import hashlib

import pytest
from django.urls import reverse
from django.utils import translation

from alliance.centres.models import CentreType
from alliance.core.tests.pdfcheck import UI_LANGUAGES, read_tagged_pdf
from alliance.joining import services
from alliance.joining.pdf import assessment_pdf, declaration_copy_pdf, declaration_html

from .factories import AssessmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_force(ministry, secretariat_officer, ministry_signatory, director):
    assessment = AssessmentFactory(organisation=ministry, complete=True, status="completed")
    declaration = services.declaration_draft(
        assessment_id=assessment.pk,
        actor=secretariat_officer,
        centre_type=CentreType.objects.get(code="DIGITAL_TRANSFORMATION"),
        scope="national",
    )
    services.declaration_sign(
        declaration_id=declaration.pk, actor=ministry_signatory, signatory_name="Grace Banda"
    )
    services.declaration_countersign(declaration_id=declaration.pk, actor=director)
    declaration.refresh_from_db()
    return declaration


@pytest.mark.parametrize("language", UI_LANGUAGES)
def test_assessment_report_is_tagged_in_its_language(ministry, language):
    assessment = AssessmentFactory(organisation=ministry, complete=True)
    found = read_tagged_pdf(
        assessment_pdf(assessment, language), language=language, title=ministry.name
    )
    assert {"/H1", "/H2", "/Table", "/TH"} <= found["kinds"]


def test_signed_original_is_tagged_and_links_the_verification_page(in_force):
    with in_force.document.open("rb") as handle:
        found = read_tagged_pdf(handle.read(), language="en", title=in_force.organisation.name)
    assert any(uri.endswith("/en/joining/verify/") for uri in found["links"])


@pytest.mark.parametrize("language", UI_LANGUAGES)
def test_reader_copy_is_tagged_in_the_readers_language_and_prints_the_fingerprint(
    in_force, language
):
    found = read_tagged_pdf(
        declaration_copy_pdf(in_force, language),
        language=language,
        title=in_force.organisation.name,
    )
    assert any("/joining/verify/" in uri for uri in found["links"])
    html = declaration_html(in_force, language=language)
    # The copy prints the fingerprint the original prints: the signed terms', grouped.
    assert in_force.terms_sha256[:4] + " " + in_force.terms_sha256[4:8] in html


def test_french_copy_of_an_english_declaration_says_it_is_a_translation(in_force):
    html = declaration_html(in_force, language="fr")
    assert "Traduction pour information" in html and "anglais" in html
    assert "Copie de la déclaration signée" not in declaration_html(in_force, language="en")
    assert "Copy of the signed declaration." in declaration_html(in_force, language="en")


def test_french_reader_downloads_the_signed_original_unchanged_and_a_french_translation(
    client, in_force, ministry_focal_point
):
    client.force_login(ministry_focal_point)
    with translation.override("fr"):
        detail, document, copy_url = (
            reverse(f"joining:{name}", args=[in_force.pk])
            for name in ("declaration_detail", "declaration_document", "declaration_copy")
        )
    page = client.get(detail)
    assert "Télécharger l'original signé, en anglais (PDF)" in page.content.decode()
    original = client.get(document)
    assert hashlib.sha256(b"".join(original.streaming_content)).hexdigest() == in_force.sha256
    copy = client.get(copy_url)
    assert copy.status_code == 200
    read_tagged_pdf(copy.content, language="fr", title=in_force.organisation.name)
    assert 'filename="joint-declaration-' in copy["Content-Disposition"]


def test_no_copy_before_the_declaration_is_in_force(client, ministry, secretariat_officer):
    assessment = AssessmentFactory(organisation=ministry, complete=True, status="completed")
    declaration = services.declaration_draft(
        assessment_id=assessment.pk,
        actor=secretariat_officer,
        centre_type=CentreType.objects.get(code="DIGITAL_TRANSFORMATION"),
        scope="national",
    )
    client.force_login(secretariat_officer)
    assert client.get(reverse("joining:declaration_copy", args=[declaration.pk])).status_code == 404
