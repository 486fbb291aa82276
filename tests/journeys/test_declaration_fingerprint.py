"""Issue 15: the verification page asks for the fingerprint printed on a declaration, and
the signed original now prints it (the SHA-256 of its signed terms, in groups of four); a
declaration is verified by that fingerprint, by the file's own SHA-256, or by uploading
the file (docs/decisions/0026)."""

import hashlib
import re
import subprocess

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from alliance.centres.models import CentreType
from alliance.joining import services
from alliance.joining.fingerprint import terms_fingerprint
from alliance.joining.tests.factories import AssessmentFactory

pytestmark = pytest.mark.django_db

IN_FORCE = "This is a joint declaration in force."
NOT_FOUND = "No joint declaration in force has this fingerprint."


def pdf_text(content: bytes) -> str:
    """What a person reads on the PDF (poppler's pdftotext)."""
    done = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=content, capture_output=True, check=True
    )
    return done.stdout.decode()


@pytest.fixture
def drafted(ministry, secretariat_officer):
    assessment = AssessmentFactory(organisation=ministry, complete=True, status="completed")
    return services.declaration_draft(
        assessment_id=assessment.pk,
        actor=secretariat_officer,
        centre_type=CentreType.objects.get(code="DIGITAL_TRANSFORMATION"),
        scope="national",
    )


@pytest.fixture
def in_force(drafted, ministry_signatory, director):
    services.declaration_sign(
        declaration_id=drafted.pk, actor=ministry_signatory, signatory_name="Grace Banda"
    )
    services.declaration_countersign(declaration_id=drafted.pk, actor=director)
    drafted.refresh_from_db()
    return drafted


def _original(client, declaration, person) -> bytes:
    client.force_login(person)
    response = client.get(reverse("joining:declaration_document", args=[declaration.pk]))
    client.logout()
    return b"".join(response.streaming_content)


def _printed_fingerprint(text: str) -> str:
    """The 16 groups of four printed under "Fingerprint of this declaration"."""
    after = text.split("Fingerprint of this declaration", 1)[1]
    groups = re.findall(r"\b[0-9a-f]{4}\b", after)
    return " ".join(groups[:16])


def test_the_signed_original_prints_its_fingerprint_in_groups_of_four(
    client, in_force, ministry_focal_point
):
    original = _original(client, in_force, ministry_focal_point)
    assert hashlib.sha256(original).hexdigest() == in_force.sha256  # the frozen file
    printed = _printed_fingerprint(pdf_text(original))
    assert len(printed) == 64 + 15
    assert printed.replace(" ", "") == in_force.terms_sha256 == terms_fingerprint(in_force)


def test_the_draft_prints_no_fingerprint(client, drafted, ministry_focal_point):
    client.force_login(ministry_focal_point)
    response = client.get(reverse("joining:declaration_document", args=[drafted.pk]))
    text = pdf_text(response.content)
    assert "Draft" in text
    assert "Fingerprint of this declaration" not in text


def test_the_fingerprint_typed_as_printed_verifies_the_declaration(
    client, in_force, ministry_focal_point
):
    printed = _printed_fingerprint(pdf_text(_original(client, in_force, ministry_focal_point)))
    page = client.get(reverse("joining:verify"), {"fingerprint": printed.upper()})
    body = page.content.decode()
    assert IN_FORCE in body
    assert in_force.organisation.name in body


def test_the_sha256sum_of_the_file_is_accepted_too(client, in_force):
    page = client.get(reverse("joining:verify"), {"fingerprint": in_force.sha256})
    assert IN_FORCE in page.content.decode()


def test_a_fingerprint_of_nothing_in_force_is_said_so(client, in_force):
    page = client.get(reverse("joining:verify"), {"fingerprint": "0" * 64})
    assert NOT_FOUND in page.content.decode()


def test_a_mistyped_fingerprint_gets_a_clear_error(client, in_force):
    page = client.get(reverse("joining:verify"), {"fingerprint": in_force.terms_sha256[:60]})
    body = page.content.decode()
    assert "<title>Error:" in body
    assert "A fingerprint is 64 characters, 0-9 and a-f." in body


def test_uploading_the_signed_original_verifies_it_and_a_changed_file_does_not(
    client, in_force, ministry_focal_point
):
    original = _original(client, in_force, ministry_focal_point)
    url = reverse("joining:verify_file")
    upload = SimpleUploadedFile("declaration.pdf", original, "application/pdf")
    assert IN_FORCE in client.post(url, {"document": upload}).content.decode()
    # Re-saved by a PDF tool, or edited: the same pages, not the same file.
    tampered = original + b"\n% edited\n"
    upload = SimpleUploadedFile("declaration.pdf", tampered, "application/pdf")
    assert NOT_FOUND in client.post(url, {"document": upload}).content.decode()


def test_the_readers_copy_prints_the_same_fingerprint(client, in_force, ministry_focal_point):
    client.force_login(ministry_focal_point)
    copy = client.get(reverse("joining:declaration_copy", args=[in_force.pk])).content
    text = pdf_text(copy)
    groups = re.findall(r"\b[0-9a-f]{4}\b", text.split("fingerprint of the signed original", 1)[1])
    assert "".join(groups[:16]) == in_force.terms_sha256


def test_the_declaration_page_shows_the_printed_fingerprint(client, in_force, ministry_focal_point):
    client.force_login(ministry_focal_point)
    body = client.get(reverse("joining:declaration_detail", args=[in_force.pk])).content.decode()
    grouped = " ".join(in_force.terms_sha256[i : i + 4] for i in range(0, 64, 4))
    assert grouped in body
    assert in_force.sha256 in body
