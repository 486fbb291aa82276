import csv
import io
import zipfile

import pytest
from django.urls import reverse

from alliance.calls.models import CallExport

from .test_pages import _reviewed_call

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("kind", ["applications", "reviews", "ranking"])
def test_exports_are_built_in_the_background_and_downloadable(
    client, secretariat_officer, django_capture_on_commit_callbacks, kind, fmt
):
    call, reviewers = _reviewed_call(4, 2)
    client.force_login(secretariat_officer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("calls:export_prepare", args=[call.pk]), {"kind": kind, "format": fmt})
    export = CallExport.objects.get()
    assert export.status == "ready"
    page = client.get(reverse("calls:staff_call", args=[call.pk])).content.decode()
    url = reverse("calls:export_download", args=[call.pk, export.pk])
    assert url in page
    content = b"".join(client.get(url).streaming_content)
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    else:
        sheet = zipfile.ZipFile(io.BytesIO(content)).read("xl/worksheets/sheet1.xml").decode()
        rows = sheet.split("<row ")[1:]
    expected = {"applications": 4, "reviews": 8, "ranking": 4}[kind]
    assert len(rows) == expected + 1  # header


def test_reviews_export_never_contains_private_notes(client, secretariat_officer):
    from alliance.calls.export_rows import reviews_rows

    call, _ = _reviewed_call(1, 1)
    assignment = call.applications.get().assignments.get()
    assignment.private_notes = "my secret doubt"
    assignment.save()
    assert "my secret doubt" not in str(list(reviews_rows(call)))


def test_exports_are_staff_only(client, reviewer, ministry_focal_point):
    call, _ = _reviewed_call(1, 1)
    for user in (reviewer, ministry_focal_point):
        client.force_login(user)
        response = client.post(
            reverse("calls:export_prepare", args=[call.pk]), {"kind": "reviews", "format": "csv"}
        )
        assert response.status_code in (403, 404)
    assert not CallExport.objects.exists()
