"""The public "Which centre type fits us?" page and its API twin."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

# One canonical profile per row of the circular's guidance table.
CANONICAL = {
    "TECHNOLOGY": {
        "objectives": ["FORESIGHT", "OPEN_TECH", "ENTREPRENEURSHIP", "POLICY"],
        "scope": "global",
        "ownership": "itu",
        "sponsor": "host_country",
    },
    "RESEARCH_ENTREPRENEURSHIP": {
        "objectives": ["FORESIGHT", "OPEN_TECH", "ENTREPRENEURSHIP"],
        "scope": "regional",
        "ownership": "country",
        "sponsor": "academia",
    },
    "DIGITAL_TRANSFORMATION": {
        "objectives": ["ENTREPRENEURSHIP", "POLICY", "ECOSYSTEM"],
        "scope": "national",
        "ownership": "country",
        "sponsor": "host_country",
    },
    "INITIATIVES": {
        "objectives": ["ECOSYSTEM"],
        "scope": "national",
        "ownership": "host_institution",
        "sponsor": "host_organisation",
    },
}


def test_page_works_without_an_account(client):
    response = client.get(reverse("joining:which_centre_type"))
    assert response.status_code == 200
    assert "Which centre type fits us?" in response.content.decode()


@pytest.mark.parametrize("code", CANONICAL)
def test_page_ranks_each_guidance_row_first(client, code):
    from alliance.centres.models import CentreType

    response = client.get(reverse("joining:which_centre_type"), CANONICAL[code])
    body = response.content.decode()
    name = CentreType.objects.get(code=code).name["en"]
    first_card = body.split('class="card"')[1]
    assert name in first_card
    assert "Best fit" in first_card
    assert "Indicative annual cost" in body


def test_page_shows_errors_beside_bad_answers(client):
    response = client.get(reverse("joining:which_centre_type"), {"annual_budget_usd": "-5"})
    assert "<title>Error:" in response.content.decode()


def test_page_in_french(client):
    response = client.get("/fr/joining/which-centre-type/", {"objectives": ["ECOSYSTEM"]})
    assert "Quel type de centre nous convient" in response.content.decode()


@pytest.mark.parametrize("code", CANONICAL)
def test_api_ranks_each_guidance_row_first(client, code):
    response = client.get("/api/v1/recommendation", CANONICAL[code])
    assert response.status_code == 200
    results = response.json()["results"]
    assert len(results) == 4
    assert results[0]["centre_type"] == code
    assert results[0]["eligible"] is True
    assert results[0]["missing"] == []
    assert results[0]["cost"]["currency"] == "USD"


def test_api_accepts_comma_separated_objectives(client):
    response = client.get("/api/v1/recommendation", {"objectives": "POLICY,ECOSYSTEM"})
    fits = {r["centre_type"]: r for r in response.json()["results"]}
    assert fits["DIGITAL_TRANSFORMATION"]["covers"] == ["POLICY", "ECOSYSTEM"]


@pytest.mark.parametrize(
    "params, field",
    [({"objectives": "NOPE"}, "objectives"), ({"scope": "galactic"}, "scope")],
)
def test_api_names_the_bad_field(client, params, field):
    response = client.get("/api/v1/recommendation", params)
    assert response.status_code == 422
    assert field in response.content.decode()
