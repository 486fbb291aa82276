"""The open-data page lists every dataset with its licence, date and data dictionary; the
files are CSV with a BOM (formula-like cells neutralised) and JSON with their licence."""

import csv
import io

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from alliance.accounts.tests.factories import OrganisationFactory
from alliance.calls.states import ApplicationStatus, CallStatus
from alliance.calls.tests.factories import ApplicationFactory, CallFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def published_call(db):
    call = CallFactory(status=CallStatus.RESULTS_PUBLISHED, results_published_at=timezone.now())
    for name in ['=HYPERLINK("http://x")', "Université de Dakar"]:
        ApplicationFactory(
            call=call,
            organisation=OrganisationFactory(name=name),
            status=ApplicationStatus.SELECTED,
        )
    return call


def test_the_open_data_page_lists_every_dataset_with_licence_and_dictionary(
    client, published_call, django_assert_max_num_queries
):
    with django_assert_max_num_queries(15):
        page = client.get("/en/open-data/").content.decode()
    assert 'href="https://creativecommons.org/licenses/by/4.0/" rel="license"' in page
    for title in [
        "Registry of acceleration centres",
        f"Results: {published_call.title['en']}",
        "Technical assistance figures",
        "Decisions of the Digital Innovation Board",
    ]:
        assert title in page
    assert reverse("calls:results_data", args=[published_call.pk, "csv"]) in page
    assert "<code>accreditation_end</code>" in page and "Data dictionary" in page
    home = client.get(reverse("public:home")).content.decode()
    assert f'href="{reverse("public:open_data")}"' in home


def test_results_are_downloadable_from_their_page_as_safe_csv_and_json(client, published_call):
    page = client.get(reverse("calls:results", args=[published_call.pk])).content.decode()
    csv_url = reverse("calls:results_data", args=[published_call.pk, "csv"])
    assert f'href="{csv_url}"' in page
    body = client.get(csv_url + "?header=keys").content.decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(body.removeprefix("\ufeff"))))
    names = {r["organisation"] for r in rows}
    assert names == {'\'=HYPERLINK("http://x")', "Université de Dakar"}
    data = client.get(reverse("calls:results_data", args=[published_call.pk, "json"])).json()
    assert data["licence"]["name"] == "CC BY 4.0"
    assert {r["organisation"] for r in data["results"]} == {
        '=HYPERLINK("http://x")',
        "Université de Dakar",
    }


def test_the_registry_csv_has_a_bom_and_a_negative_number_stays_a_number(client):
    from alliance.core.spreadsheets import neutralise as safe_cell

    assert client.get(reverse("centres:export_csv")).content.startswith("\ufeff".encode())
    assert (safe_cell("-3.5"), safe_cell("+1 555"), safe_cell("@me")) == ("-3.5", "'+1 555", "'@me")


@override_settings(OPEN_DATA_LICENCE={"name": "CC0 1.0", "url": "https://example.org/cc0"})
def test_the_licence_is_configurable(client):
    decisions = client.get(reverse("public:open_data_decisions", args=["json"])).json()
    assert decisions["licence"]["name"] == "CC0 1.0"
    assert client.get(reverse("public:open_data_decisions", args=["xml"])).status_code == 404
