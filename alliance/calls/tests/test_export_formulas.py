"""Every export of a call: an organisation named like a formula comes out as text."""

import pytest
from django.urls import reverse

from alliance.calls.models import CallExport
from alliance.calls.states import ApplicationStatus, CallStatus
from alliance.core.tests.spreadsheet_checks import (
    EVIL,
    assert_csv_neutralised,
    assert_xlsx_neutralised,
)

from .test_pages import _reviewed_call

pytestmark = pytest.mark.django_db


def _evil_call():
    call, _reviewers = _reviewed_call(2, 1)
    organisation = call.applications.first().organisation
    organisation.name = EVIL
    organisation.save(update_fields=["name"])
    return call


@pytest.mark.parametrize("name", ["export_applications", "export_ranking"])
def test_staff_csv_downloads_neutralise_formulas_and_have_translated_headers(
    client, secretariat_officer, name
):
    call = _evil_call()
    client.force_login(secretariat_officer)
    url = reverse(f"calls:{name}", args=[call.pk])
    rows = assert_csv_neutralised(client.get(url.replace("/en/", "/fr/", 1)).content)
    assert "Organisation" in rows[0] and "organisation" not in rows[0]
    keys = assert_csv_neutralised(client.get(url + "?header=keys").content)
    assert "organisation" in keys[0]


@pytest.mark.parametrize("kind", ["applications", "reviews", "ranking"])
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_background_exports_neutralise_formulas(
    client, secretariat_officer, django_capture_on_commit_callbacks, settings, tmp_path, kind, fmt
):
    settings.MEDIA_ROOT = tmp_path
    call = _evil_call()
    client.force_login(secretariat_officer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("calls:export_prepare", args=[call.pk]), {"kind": kind, "format": fmt})
    export = CallExport.objects.get()
    url = reverse("calls:export_download", args=[call.pk, export.pk])
    content = b"".join(client.get(url).streaming_content)
    if fmt == "csv":
        assert_csv_neutralised(content)
    else:
        cells = assert_xlsx_neutralised(content)
        if kind == "applications":
            # Submission times are date cells, counts are numbers.
            header = [c.value for c in cells[:11]]
            submitted = cells[11 + header.index("Submitted (UTC)")]
            assert submitted.value is None or submitted.is_date
            assert isinstance(cells[11 + header.index("Reviewers assigned")].value, int)


def test_public_results_csv_neutralises_formulas(client):
    from django.utils import timezone

    from alliance.accounts.tests.factories import OrganisationFactory
    from alliance.calls.tests.factories import ApplicationFactory, CallFactory

    call = CallFactory(status=CallStatus.RESULTS_PUBLISHED, results_published_at=timezone.now())
    ApplicationFactory(
        call=call, organisation=OrganisationFactory(name=EVIL), status=ApplicationStatus.SELECTED
    )
    url = reverse("calls:results_data", args=[call.pk, "csv"])
    rows = assert_csv_neutralised(client.get(url).content)
    assert rows[0][:2] == ["Rank", "Organisation"]
    assert assert_csv_neutralised(client.get(url + "?header=keys").content)[0][0] == "rank"
