import csv
import io
import re
from datetime import date

import pytest
from django.urls import reverse

from alliance.accounts.models import Organisation
from alliance.centres import services
from alliance.centres.models import Accreditation, Centre
from alliance.centres.states import CentreStatus
from alliance.core.models import Country, StrategicObjective

from .factories import centre_type, make_centre

pytestmark = pytest.mark.django_db


def bulk_centres(n: int) -> None:
    """Many accredited centres at once (the services are exercised elsewhere)."""
    org, _ = Organisation.objects.get_or_create(
        name="Bulk host", country="KE", defaults={"kind": "regulator"}
    )
    countries = list(Country.objects.order_by("code")[:40])
    types = [centre_type(c) for c in ("DIGITAL_TRANSFORMATION", "INITIATIVES")]
    centres = Centre.objects.bulk_create(
        Centre(
            name=f"Centre {i:04d}",
            centre_type=types[i % 2],
            scope="national",
            ownership="country",
            host_organisation=org,
            country=countries[i % len(countries)],
            status=CentreStatus.ACCREDITED,
            source="recorded",
            listed_since=date(2024, 1, 1),
        )
        for i in range(n)
    )
    objective = StrategicObjective.objects.get(code="ECOSYSTEM")
    Centre.objects.model.objectives.through.objects.bulk_create(
        Centre.objects.model.objectives.through(centre_id=c.pk, strategicobjective_id=objective.pk)
        for c in centres
    )
    Accreditation.objects.bulk_create(
        Accreditation(
            centre=c,
            centre_type=c.centre_type,
            start_date=date(2024, 1, 1),
            end_date=date(2026, 12, 31),
            verification_code=f"B{i:011d}".replace("0", "A").replace("1", "B"),
            status_list_index=i,
        )
        for i, c in enumerate(centres)
    )


def _queries_for(client, url, django_assert_max_num_queries, n):
    with django_assert_max_num_queries(n) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("url_name", ["centres:registry", "centres:coverage", "centres:map"])
def test_registry_pages_cost_the_same_at_10_and_1000_centres(
    client, django_assert_max_num_queries, url_name
):
    url = reverse(url_name)
    bulk_centres(10)
    small = _queries_for(client, url + "?page=1", django_assert_max_num_queries, 15)
    Centre.objects.all().delete()
    bulk_centres(1000)
    large = _queries_for(client, url + "?page=2", django_assert_max_num_queries, 15)
    assert small == large


def test_registry_filters_and_hides_centres_in_design(
    client, accredited, secretariat_officer, university
):
    centre, _accreditation = accredited
    make_centre(actor=secretariat_officer, name="Nairobi Centre", country="KE")
    body = client.get(reverse("centres:registry")).content.decode()
    assert centre.name in body
    assert "Nairobi Centre" not in body
    registry = reverse("centres:registry")
    for query in ({"region": "AFR"}, {"country": "MW"}, {"centre_type": "DIGITAL_TRANSFORMATION"}):
        assert centre.name in client.get(registry, query).content.decode()
    for query in ({"region": "EUR"}, {"objective": "FORESIGHT"}, {"scope": "regional"}):
        assert centre.name not in client.get(registry, query).content.decode()
    other = client.get(reverse("centres:registry"), {"status": "expired"}).content.decode()
    assert centre.name not in other
    search = client.get(reverse("centres:registry"), {"q": "blantyre"}).content.decode()
    assert centre.name in search


def test_a_suspension_shows_at_once_on_the_cached_registry(client, accredited, director):
    centre, accreditation = accredited
    url = reverse("centres:detail", args=[centre.pk])
    assert "Suspended" not in client.get(url).content.decode()
    services.accreditation_suspend(accreditation_id=accreditation.pk, actor=director, reason="x")
    from alliance.centres.cache import bump_registry

    bump_registry()  # what on_commit does after the suspension commits
    assert "Suspended" in client.get(url).content.decode()


def test_centre_page_shows_initiatives_and_not_centres_in_design(
    client, accredited, manager, secretariat_officer
):
    centre, _ = accredited
    services.initiative_create(
        centre_id=centre.pk,
        actor=manager,
        title={"en": "Mobile money sandbox"},
        budget_usd=120_000,
        status="running",
    )
    body = client.get(reverse("centres:detail", args=[centre.pk])).content.decode()
    assert "Mobile money sandbox" in body and "USD\xa0120,000" in body
    in_design = make_centre(actor=secretariat_officer, name="Hidden")
    assert client.get(reverse("centres:detail", args=[in_design.pk])).status_code == 404


def test_open_data_downloads(client, accredited):
    centre, accreditation = accredited
    rows = list(
        csv.DictReader(
            io.StringIO(client.get(reverse("centres:export_csv") + "?header=keys").content.decode())
        )
    )
    assert rows[0]["name"] == centre.name
    assert rows[0]["accreditation_end"] == "2027-02-28"
    data = client.get(reverse("centres:export_json")).json()
    assert data["centres"][0]["country"] == "MW"
    assert data["centres"][0]["region"] == "AFR"


def test_map_is_an_svg_without_script_and_pages_stay_small(client, accredited):
    svg = client.get(reverse("centres:map_svg"))
    assert svg["Content-Type"] == "image/svg+xml"
    body = svg.content.decode()
    assert "<script" not in body
    assert "<title>Malawi: 1</title>" in body
    for name in ["centres:map", "centres:registry", "centres:coverage", "centres:verify"]:
        page = client.get(reverse(name)).content.decode()
        assert len(page.encode()) < 100_000
        assert not re.search(r'(src|href)="(https?:)?//', page)


def test_coverage_shows_gaps(client, accredited):
    body = client.get(reverse("centres:coverage")).content.decode()
    assert "Centres per region and type" in body
    assert 'class="gap"' in body
