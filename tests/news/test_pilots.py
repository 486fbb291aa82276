"""Pilot countries: only the Director designates, with the password again; the decision is
audited, proposes an announcement, and shows on the registry, the map, the country's page
and the open data."""

import json
from datetime import date

import pytest

from alliance.accounts.tests.factories import PASSWORD
from alliance.core.models import AuditEvent, Country
from alliance.core.states import PermissionRefused
from alliance.news import services
from alliance.news.models import Announcement, Pilot

pytestmark = pytest.mark.django_db


def _designate(actor, code="RW"):
    return services.pilot_designate(
        actor=actor,
        country=Country.objects.get(code=code),
        rationale={"en": "A strong strategy.", "fr": "Une stratégie solide."},
        designated_on=date(2023, 6, 30),
    )


def test_only_the_director_designates(secretariat_officer, lab_expert, stranger):
    for person in (secretariat_officer, lab_expert, stranger):
        with pytest.raises(PermissionRefused):
            _designate(person)
    assert not Pilot.objects.exists()


def test_the_designation_is_audited_and_proposes_a_draft(
    director, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        pilot = _designate(director)
    event = AuditEvent.objects.get(verb="pilot.designated")
    assert event.actor == director
    draft = Announcement.objects.get(pilot=pilot)
    assert draft.current_status == "draft" and draft.country.code == "RW"
    assert "Rwanda" in draft.title["en"]
    assert "Une stratégie solide." in draft.body["fr"]


def test_the_page_asks_the_directors_password_again(client, director, secretariat_officer):
    client.force_login(secretariat_officer)
    assert client.get("/en/news/staff/pilots/new/").status_code == 403
    client.force_login(director)
    rwanda = Country.objects.get(code="RW")
    form = {
        "country": rwanda.pk,
        "rationale-en": "A strong strategy.",
        "designated_on": "2023-06-30",
        "password": "wrong",
    }
    response = client.post("/en/news/staff/pilots/new/", form)
    assert response.status_code == 400 and not Pilot.objects.exists()
    assert "A strong strategy." in response.content.decode()  # kept what was typed
    response = client.post("/en/news/staff/pilots/new/", {**form, "password": PASSWORD})
    assert response.status_code == 302
    assert Pilot.objects.get().country == rwanda


def test_pilots_show_on_the_registry_map_country_page_and_open_data(client, director):
    _designate(director)
    assert "Rwanda" in client.get("/en/centres/").content.decode()
    svg = client.get("/en/centres/map.svg").content.decode()
    assert "Rwanda: pilot country" in svg
    assert "Pilot country" in svg  # the legend
    assert "Pilot" in client.get("/en/centres/map/").content.decode()
    page = client.get("/fr/news/countries/RW/").content.decode()
    assert "Une stratégie solide." in page
    data = json.loads(client.get("/en/news/open-data/pilots.json").content)
    assert data["pilots"][0]["country"] == "RW" and data["pilots"][0]["status"] == "designated"
    assert "/en/news/open-data/pilots.csv" in client.get("/en/open-data/").content.decode()


def test_an_ended_pilot_leaves_the_map(client, director):
    pilot = _designate(director)
    services.pilot_end(pilot_id=pilot.pk, actor=director, ended_on=date(2024, 6, 30))
    assert "pilot country" not in client.get("/en/centres/map.svg").content.decode()
    data = json.loads(client.get("/en/news/open-data/pilots.json").content)
    assert data["pilots"][0]["status"] == "ended"


def test_the_pilots_csv_neutralises_a_formula_typed_in_the_rationale(client, director):
    services.pilot_designate(
        actor=director,
        country=Country.objects.get(code="RW"),
        rationale={"en": '=HYPERLINK("http://evil.example","x")'},
        designated_on=date(2023, 6, 30),
    )
    body = client.get("/en/news/open-data/pilots.csv").content.decode("utf-8-sig")
    assert "'=HYPERLINK(" in body
    assert ",=HYPERLINK(" not in body and '"=HYPERLINK(' not in body
