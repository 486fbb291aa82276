from datetime import date

import pytest

from alliance.core.models import AuditEvent
from alliance.public.models import Milestone

pytestmark = pytest.mark.django_db

FORM = {
    "title-en": "Annual Board meeting",
    "title-fr": "Réunion annuelle du Conseil",
    "description-en": "",
    "description-fr": "",
    "date": "2027-10-15",
    "location": "Geneva",
    "is_public": "on",
}


def test_secretariat_adds_a_key_date_shown_publicly_and_in_ical(client, secretariat_officer):
    client.force_login(secretariat_officer)
    assert client.post("/en/staff/key-dates/new/", FORM).status_code == 302
    assert AuditEvent.objects.filter(verb="milestone.created").count() == 1
    client.logout()
    assert "Réunion annuelle du Conseil" in client.get("/fr/key-dates/").content.decode()
    ical = client.get("/fr/key-dates.ics")
    assert ical["Content-Type"].startswith("text/calendar")
    assert b"SUMMARY:R\xc3\xa9union annuelle du Conseil" in ical.content
    assert b"DTSTART;VALUE=DATE:20271015" in ical.content


def test_french_dates_follow_the_french_locale(client):
    Milestone.objects.create(title={"en": "Launch", "fr": "Lancement"}, date=date(2023, 1, 25))
    assert "25 janvier 2023" in client.get("/fr/key-dates/").content.decode()
    assert "January 25, 2023" in client.get("/en/key-dates/").content.decode()


def test_a_private_key_date_is_not_published(client, secretariat_officer):
    client.force_login(secretariat_officer)
    client.post("/en/staff/key-dates/new/", {**FORM, "is_public": ""})
    client.logout()
    assert "Annual Board meeting" not in client.get("/en/key-dates/").content.decode()


def test_reviewers_cannot_manage_key_dates(client, reviewer):
    client.force_login(reviewer)
    assert client.post("/en/staff/key-dates/new/", FORM).status_code == 403
    assert not Milestone.objects.filter(title__en="Annual Board meeting").exists()


def test_missing_date_keeps_the_title(client, secretariat_officer):
    client.force_login(secretariat_officer)
    body = client.post("/en/staff/key-dates/new/", {**FORM, "date": ""}).content.decode()
    assert 'value="Annual Board meeting"' in body
    assert 'href="#id_date"' in body  # the summary links to the field
    assert 'id="id_date_error"' in body  # and the message stands beside it
    assert body.count("This field is required.") == 2


@pytest.mark.django_db(transaction=True)
def test_migration_carries_the_french_title_over_and_back():
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    old, new = [("public", "0001_initial")], [("public", "0002_translated_fields")]
    executor = MigrationExecutor(connection)
    try:
        executor.migrate(old)
        OldMilestone = executor.loader.project_state(old).apps.get_model("public", "Milestone")
        OldMilestone.objects.create(
            title_en="Launch", title_fr="Lancement", description_en="Geneva", date=date(2023, 1, 25)
        )
        MigrationExecutor(connection).migrate(new)
        milestone = Milestone.objects.get()
        assert milestone.title == {"en": "Launch", "fr": "Lancement"}
        assert milestone.description == {"en": "Geneva"}
        executor = MigrationExecutor(connection)
        executor.migrate(old)
        back = executor.loader.project_state(old).apps.get_model("public", "Milestone")
        assert back.objects.values_list("title_en", "title_fr", "description_fr").get() == (
            "Launch",
            "Lancement",
            "",
        )
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())
