"""Downloaded files name their columns in the reader's language; scripts keep stable keys."""

import csv
import io

import pytest
from django.urls import reverse

from alliance.calls.models import CallExport
from alliance.calls.tests.test_pages import _reviewed_call

pytestmark = pytest.mark.django_db


def test_the_registry_csv_has_french_headers_on_the_french_pages(client):
    body = client.get("/fr/centres/centres.csv").content.decode("utf-8-sig")
    header = next(csv.reader(io.StringIO(body)))
    assert header[:3] == ["Identifiant", "Nom", "Type de centre"]
    assert "accreditation_start" not in header


def test_the_registry_csv_gives_its_stable_keys_to_scripts(client):
    body = client.get("/fr/centres/centres.csv?header=keys").content.decode("utf-8-sig")
    assert next(csv.reader(io.StringIO(body)))[:3] == ["id", "name", "type"]


def test_a_call_export_has_the_headers_of_the_language_of_who_asked(
    client, secretariat_officer, django_capture_on_commit_callbacks, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    secretariat_officer.preferred_language = "fr"
    secretariat_officer.save(update_fields=["preferred_language"])
    call, _reviewers = _reviewed_call(2, 1)
    client.force_login(secretariat_officer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("calls:export_prepare", args=[call.pk]),
            {"kind": "applications", "format": "csv"},
        )
    export = CallExport.objects.get()
    url = reverse("calls:export_download", args=[call.pk, export.pk])
    content = b"".join(client.get(url).streaming_content).decode("utf-8-sig")
    header = next(csv.reader(io.StringIO(content)))
    assert header[:4] == ["Numéro de candidature", "Organisation", "Pays", "Statut"]
    assert "submitted_at" not in header
