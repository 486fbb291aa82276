"""Files in an S3-compatible store (issue 12, point 3), against moto's standalone server
over HTTP (tests/ops/s3.py), as the platform runs with S3_BUCKET set: uploads land in the
bucket under random names, downloads are signed links that work for a minute, and nobody
else gets a link."""

import hashlib
import re
import urllib.request
from datetime import date, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from alliance.accounts.models import User
from alliance.board import drafts
from alliance.calls.models import CallExport
from alliance.calls.tests.factories import ApplicationFactory
from alliance.calls.tests.test_pages import _reviewed_call
from alliance.core.backup import table_counts
from alliance.joining.models import JointDeclaration

from .installation import new_installation, stored_hashes

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n% budget of the Blantyre centre\n" + bytes(range(256)) * 40
RANDOM_NAME = r"calls/applications/\d{4}/\d{2}/[0-9a-f]{32}\.pdf"


def fetch(url: str):
    """What a browser following the redirect gets from the store."""
    with urllib.request.urlopen(url, timeout=10) as answer:
        return answer.status, answer.headers, answer.read()


@pytest.fixture
def application(ministry):
    return ApplicationFactory(organisation=ministry)


def upload(client, application, name="Budget plan (final).pdf", content=PDF):
    url = reverse("calls:application_documents", args=[application.pk])
    file = SimpleUploadedFile(name, content, content_type="application/pdf")
    return client.post(url, {"title": "Budget", "file": file})


def test_an_uploaded_document_lands_in_the_bucket_under_a_random_name(
    client, s3_server, s3_bucket, application, ministry_focal_point
):
    client.force_login(ministry_focal_point)
    assert upload(client, application).status_code == 302
    document = application.documents.get()
    assert re.fullmatch(RANDOM_NAME, document.file.name)
    assert document.original_name == "Budget plan (final).pdf"
    assert s3_server.keys(s3_bucket) == [document.file.name]
    stored = s3_server.client().get_object(Bucket=s3_bucket, Key=document.file.name)
    assert stored["Body"].read() == PDF
    # The documents page names the file as the applicant knows it.
    assert (
        "Budget"
        in client.get(
            reverse("calls:application_documents", args=[application.pk])
        ).content.decode()
    )


def test_the_owner_downloads_by_a_signed_link_that_works_for_a_minute(
    client, s3_server, s3_bucket, application, ministry_focal_point
):
    client.force_login(ministry_focal_point)
    upload(client, application)
    document = application.documents.get()
    response = client.get(reverse("calls:document_download", args=[application.pk, document.pk]))
    assert response.status_code == 302
    assert response["Cache-Control"] == "private, no-store"
    link = response["Location"]
    assert link.startswith(f"{s3_server.endpoint}/{s3_bucket}/{document.file.name}?")
    query = parse_qs(urlsplit(link).query)
    assert query["X-Amz-Expires"] == ["60"] and "X-Amz-Signature" in query
    status, headers, body = fetch(link)
    assert status == 200 and body == PDF
    assert headers["Content-Disposition"].startswith("attachment;")
    assert "Budget plan (final).pdf" in headers["Content-Disposition"]


def test_nobody_else_gets_a_link(
    client, s3_bucket, application, ministry_focal_point, university_focal_point
):
    client.force_login(ministry_focal_point)
    upload(client, application)
    url = reverse("calls:document_download", args=[application.pk, application.documents.get().pk])
    client.force_login(university_focal_point)
    assert client.get(url).status_code == 404
    client.logout()
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))


def test_a_queued_export_is_written_to_the_bucket_and_downloads_from_it(
    client, s3_server, s3_bucket, secretariat_officer, django_capture_on_commit_callbacks
):
    call, _ = _reviewed_call(2, 1)
    client.force_login(secretariat_officer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("calls:export_prepare", args=[call.pk]), {"kind": "ranking", "format": "csv"}
        )
    export = CallExport.objects.get()
    assert re.fullmatch(r"calls/exports/\d{4}/\d{2}/[0-9a-f]{32}\.csv", export.file.name)
    assert s3_server.keys(s3_bucket) == [export.file.name]
    response = client.get(reverse("calls:export_download", args=[call.pk, export.pk]))
    status, headers, body = fetch(response["Location"])
    assert status == 200 and len(body.decode("utf-8-sig").splitlines()) == 3  # header + 2
    assert f"{call.reference}-ranking.csv" in headers["Content-Disposition"]


def test_the_frozen_declaration_opens_in_the_browser_from_the_bucket(
    client, s3_bucket, declaration, ministry_signatory
):
    client.force_login(ministry_signatory)
    response = client.get(reverse("joining:declaration_document", args=[declaration.pk]))
    assert response.status_code == 302
    status, headers, body = fetch(response["Location"])
    assert hashlib.sha256(body).hexdigest() == declaration.sha256
    assert headers["Content-Disposition"].startswith("inline;")


def test_backup_and_restore_move_the_bucket_files(
    s3_server, s3_bucket, declaration, installation, settings
):
    default_storage.save("calls/applications/2026/12/budget.xlsx", ContentFile(b"\x00b\xff" * 999))
    counts, hashes = table_counts(), stored_hashes()
    assert len(hashes) == 2 and set(hashes) == set(s3_server.keys(s3_bucket))
    archive = installation / "alliance.tar.gz"
    call_command("backup", str(archive))

    new_installation(settings, installation)
    empty = s3_server.new_bucket()
    settings.STORAGES = s3_server.storages(empty, settings.STORAGES)
    assert not User.objects.exists() and stored_hashes() == {}
    call_command("restore", str(archive))

    assert table_counts() == counts
    assert stored_hashes() == hashes and s3_server.keys(empty) == sorted(hashes)
    restored = JointDeclaration.objects.get(pk=declaration.pk)
    with restored.document.open("rb") as handle:
        assert hashlib.sha256(handle.read()).hexdigest() == declaration.sha256


def test_abandoned_nomination_cvs_are_purged_from_the_bucket(s3_server, s3_bucket, rf, ministry):
    request = rf.post("/")
    request.session = {}
    answers = {name: "" for name in drafts.FIELDS} | {
        "organisation": ministry,
        "proposed_term_start": date(2027, 1, 1),
        "proposed_term_end": date(2030, 12, 31),
        "cv": SimpleUploadedFile("Mvula CV.pdf", b"%PDF-1.4 CV"),
    }
    draft = drafts.save(request, answers)
    assert "Mvula" not in draft["cv_path"] and s3_server.keys(s3_bucket) == [draft["cv_path"]]
    assert drafts.purge_stale_cvs(older_than=timedelta(days=2)) == 0
    assert drafts.purge_stale_cvs(older_than=timedelta(minutes=-5)) == 1
    assert s3_server.keys(s3_bucket) == []
