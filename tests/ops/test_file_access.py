"""Files on local disk (issue 12, point 3): no URL serves MEDIA_ROOT, even with DEBUG on;
every stored file has a download view that checks access; stored names are random."""

import importlib
import re

import pytest
from django.apps import apps
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.http import FileResponse
from django.urls import clear_url_caches, reverse

from alliance.calls.tests.factories import ApplicationFactory
from alliance.core.files import PrivateFileField
from tests.access import golden, policy
from tests.access.page_targets import TARGETS

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n% the budget\n" + bytes(range(256)) * 8

# Every file a model stores, and the pages that hand it out (each checks access first).
DOWNLOADS = {
    "board.MeetingDocument.file": ["board:paper"],
    "board.Nomination.cv": ["board:nomination_cv"],
    "calls.ApplicationDocument.file": [
        "calls:document_download",
        "calls:review_document",
        "calls:staff_document",
    ],
    "calls.CallExport.file": ["calls:export_download"],
    "events.Material.file": ["events:material_file"],
    "joining.JointDeclaration.document": ["joining:declaration_document"],
    "lab.CooperationAgreement.document": ["lab:agreement_document"],
    "lab.Deliverable.document": ["lab:deliverable_document"],
    "lab.DeliveryDocument.file": ["lab:document"],
    "monitoring.LessonAttachment.file": ["monitoring:lesson_attachment"],
    "monitoring.ReportAttachment.file": ["monitoring:attachment"],
}


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def document(client, ministry, ministry_focal_point):
    application = ApplicationFactory(organisation=ministry)
    client.force_login(ministry_focal_point)
    file = SimpleUploadedFile("Budget plan (final).pdf", PDF, content_type="application/pdf")
    client.post(
        reverse("calls:application_documents", args=[application.pk]),
        {"title": "Budget", "file": file},
    )
    client.logout()
    return application.documents.get()


@pytest.fixture
def debug_urls(settings):
    """The URLs as `make run` builds them: config/urls.py imported with DEBUG on."""
    import config.urls

    settings.DEBUG = True
    importlib.reload(config.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(config.urls)
    clear_url_caches()


def test_no_media_url_serves_a_file_even_with_debug_on(
    client, document, ministry_focal_point, debug_urls
):
    assert default_storage.exists(document.file.name)
    assert client.get(f"/media/{document.file.name}").status_code == 404
    client.force_login(ministry_focal_point)
    assert client.get(f"/media/{document.file.name}").status_code == 404
    # The page that checks access still hands it out.
    url = reverse("calls:document_download", args=[document.application_id, document.pk])
    assert b"".join(client.get(url).streaming_content) == PDF


def test_the_owner_gets_the_file_under_its_own_name_and_nobody_else_gets_it(
    client, document, ministry_focal_point, university_focal_point
):
    assert re.fullmatch(r"calls/applications/\d{4}/\d{2}/[0-9a-f]{32}\.pdf", document.file.name)
    assert document.original_name == "Budget plan (final).pdf"
    url = reverse("calls:document_download", args=[document.application_id, document.pk])
    client.force_login(ministry_focal_point)
    response = client.get(url)
    assert isinstance(response, FileResponse) and b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"] == 'attachment; filename="Budget plan (final).pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"
    client.force_login(university_focal_point)
    assert client.get(url).status_code == 404


def test_a_file_missing_from_the_disk_is_a_404(client, document, ministry_focal_point):
    default_storage.delete(document.file.name)
    client.force_login(ministry_focal_point)
    url = reverse("calls:document_download", args=[document.application_id, document.pk])
    assert client.get(url).status_code == 404


def test_a_wide_file_name_is_kept_for_the_download(client, ministry, ministry_focal_point):
    application = ApplicationFactory(organisation=ministry)
    client.force_login(ministry_focal_point)
    name = "Budget prévisionnel — Lomé.pdf"
    client.post(
        reverse("calls:application_documents", args=[application.pk]),
        {"title": "Budget", "file": SimpleUploadedFile(name, PDF)},
    )
    document = application.documents.get()
    assert document.original_name == name and "Lom" not in document.file.name
    response = client.get(reverse("calls:document_download", args=[application.pk, document.pk]))
    assert "filename*=utf-8''Budget%20pr%C3%A9visionnel" in response["Content-Disposition"]


def _file_fields():
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, models.FileField):
                yield f"{model._meta.label}.{field.name}", field


def test_every_stored_file_gets_a_random_name_and_has_a_download_page():
    fields = dict(_file_fields())
    assert set(fields) == set(DOWNLOADS), (
        "A model stores a file without a download page listed here (or one was removed): "
        "serve it with alliance.core.files.file_response from a view that checks access."
    )
    plain = [label for label, field in fields.items() if not isinstance(field, PrivateFileField)]
    assert not plain, f"Use alliance.core.files.PrivateFileField for {plain}"


def _file_ref(key: str) -> str:
    """The object a matrix row opens last: the file (or the record that holds it)."""
    return key[key.index("[") + 1 : -1].split(", ")[-1]


@pytest.mark.parametrize("url_name", sorted({n for names in DOWNLOADS.values() for n in names}))
def test_every_download_page_refuses_other_peoples_files(url_name):
    """What the access matrix (tests/access) saw: a signed-in stranger gets 404 on every
    file that is not public (or, on staff pages, the 403 that a file that does not exist
    gets too: nothing tells them the file is there), a signed-out visitor is sent to sign
    in, and someone gets the file. Public: attachments of lessons in the library and the
    materials of a published event (slides and recordings are for everyone)."""
    assert url_name in TARGETS, "the access matrix does not walk this download page"
    pages = golden.load()["pages"]
    rows = {key: answers for key, answers in pages.items() if key.split(" ")[0] == url_name}
    missing = next(answers for key, answers in rows.items() if "missing" in key)
    files = {key: answers for key, answers in rows.items() if "missing" not in key}
    assert any("200" in answers.values() for answers in files.values())
    for key, answers in files.items():
        if _file_ref(key) in policy.PUBLIC_OBJECTS:
            assert url_name in {"monitoring:lesson_attachment", "events:material_file"}, key
            continue
        assert answers["stranger"] in {"404", missing["stranger"]}, key
        assert answers["anonymous"] == "302 login", key
