"""The accreditation certificate is a tagged PDF/UA-1 document in every UI language."""

import pytest

from alliance.centres.certificates import certificate_html, certificate_pdf
from alliance.core.tests.pdfcheck import UI_LANGUAGES, read_tagged_pdf

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", UI_LANGUAGES)
def test_certificate_is_tagged_titled_in_its_language_and_links_its_verification_page(
    accredited, language
):
    centre, accreditation = accredited
    found = read_tagged_pdf(
        certificate_pdf(accreditation, language), language=language, title=centre.name
    )
    assert any(f"/{language}/" in uri and "verify" in uri for uri in found["links"])
    assert {"/H1", "/Table", "/TH", "/Figure", "/Link"} <= found["kinds"]
    assert found["pages"] == 1


def test_qr_code_has_alternative_text_and_labels_are_row_headers(accredited):
    _, accreditation = accredited
    html = certificate_html(accreditation, "fr")
    assert 'alt="Code QR de la page de vérification http' in html
    # A table row keeps "Code de vérification" and its value apart (they touched in a grid).
    assert '<th scope="row">Code de vérification</th><td class="code">' in html
    assert "<dl>" not in html
