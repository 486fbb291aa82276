"""The accreditation certificate: a PDF (WeasyPrint) with a QR code to its verification page."""

import segno
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from alliance.core.documents import document_context, render_pdf
from alliance.core.site import site_url


def verification_url(accreditation, language: str) -> str:
    with translation.override(language):
        path = reverse("centres:verify_code", kwargs={"code": accreditation.verification_code})
    return site_url(path)


def qr_svg_data_uri(url: str) -> str:
    return segno.make(url, error="m").svg_data_uri(scale=4, border=2)


def certificate_html(accreditation, language: str) -> str:
    url = verification_url(accreditation, language)
    with translation.override(language):
        return render_to_string(
            "centres/certificate.html",
            {
                "accreditation": accreditation,
                "centre": accreditation.centre,
                "centre_type": accreditation.centre_type,
                "verification_url": url,
                "qr": qr_svg_data_uri(url),
                **document_context(language),
            },
        )


def certificate_pdf(accreditation, language: str) -> bytes:
    return render_pdf(certificate_html(accreditation, language), base_url=site_url())
