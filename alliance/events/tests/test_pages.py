"""The public pages, the registration form, the organisers' pages and the focal point's
page: what each shows, to whom, in which language, and their query counts at volume."""

from datetime import timedelta

import pytest
from django.utils import timezone

from alliance.accounts.tests.factories import UserFactory
from alliance.events.models import Registration

from .factories import EventFactory, QuestionFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def _past(**extra):
    now = timezone.now()
    return EventFactory(starts_at=now - timedelta(days=3), ends_at=now - timedelta(days=2), **extra)


def test_the_lists_show_upcoming_and_past_events_in_french(client):
    upcoming = EventFactory(
        title={"en": "Webinar on sandboxes", "fr": "Webinaire sur les bacs à sable"}
    )
    past = _past(title={"en": "Community event 2023", "fr": "Événement communautaire 2023"})
    EventFactory(status="draft", title={"en": "Secret draft"})
    page = client.get("/fr/events/").content.decode()
    assert "Webinaire sur les bacs à sable" in page and "Événement communautaire 2023" not in page
    assert "Secret draft" not in page
    page = client.get("/fr/events/past/").content.decode()
    assert "Événement communautaire 2023" in page
    assert client.get(f"/fr/events/{upcoming.pk}/").status_code == 200
    assert client.get(f"/fr/events/{past.pk}/").status_code == 200


def test_a_draft_is_not_found_by_the_public(client):
    assert client.get(f"/en/events/{EventFactory(status='draft').pk}/").status_code == 404


def test_the_link_and_place_are_only_for_people_registered(client):
    event = EventFactory(format="hybrid", place="Room K, ITU Tower")
    assert "meet.example.test" not in client.get(f"/en/events/{event.pk}/").content.decode()
    person = RegistrationFactory(event=event).user
    client.force_login(person)
    page = client.get(f"/en/events/{event.pk}/").content.decode()
    assert "meet.example.test" in page and "Room K, ITU Tower" in page


def test_registering_from_the_page_keeps_answers_when_one_is_missing(client):
    question = QuestionFactory()
    client.force_login(UserFactory())
    response = client.post(f"/fr/events/{question.event.pk}/register/", {})
    assert response.status_code == 400
    assert "Erreur" in response.content.decode()
    response = client.post(
        f"/fr/events/{question.event.pk}/register/", {f"q{question.pk}": "Santé"}
    )
    assert response.status_code == 302
    assert Registration.objects.get().answers == {str(question.pk): "Santé"}


def test_a_visitor_is_asked_to_sign_in_to_register(client):
    page = client.get(f"/en/events/{EventFactory().pk}/").content.decode()
    assert "Sign in to register." in page


def test_cancelling_from_the_page(client):
    registration = RegistrationFactory()
    client.force_login(registration.user)
    assert client.post(f"/en/events/registrations/{registration.pk}/cancel/").status_code == 302
    registration.refresh_from_db()
    assert registration.status == "cancelled"


def test_someone_else_cannot_cancel_a_registration(client, stranger):
    registration = RegistrationFactory()
    client.force_login(stranger)
    assert client.post(f"/en/events/registrations/{registration.pk}/cancel/").status_code == 404


def test_the_pages_stay_within_fifteen_queries_at_volume(
    client, secretariat_officer, django_assert_max_num_queries
):
    events = [EventFactory(capacity=100) for _ in range(30)]
    for _ in range(3):
        QuestionFactory(event=events[0])
    for _ in range(60):
        RegistrationFactory(event=events[0])
    person = UserFactory()
    RegistrationFactory(event=events[0], user=person, status="waitlisted")
    client.force_login(person)
    for url in (
        "/en/events/",
        "/en/events/past/",
        f"/en/events/{events[0].pk}/",
        "/en/events/mine/",
    ):
        with django_assert_max_num_queries(15):
            assert client.get(url).status_code == 200
    client.force_login(secretariat_officer)
    for url in (
        "/en/events/staff/",
        f"/en/events/staff/{events[0].pk}/",
        f"/en/events/staff/{events[0].pk}/registrations.csv",
    ):
        with django_assert_max_num_queries(15):
            assert client.get(url).status_code == 200


def test_the_focal_point_sees_who_of_their_organisation_registered(
    client, ministry, ministry_focal_point, stranger, django_assert_max_num_queries
):
    event = EventFactory(title={"en": "Webinar on funding"})
    for _ in range(20):
        RegistrationFactory(event=event, organisation=ministry)
    RegistrationFactory(event=event, user=UserFactory(full_name="Outsider Person"))
    client.force_login(ministry_focal_point)
    with django_assert_max_num_queries(15):
        page = client.get(f"/en/events/organisations/{ministry.pk}/").content.decode()
    assert "Webinar on funding" in page and "Outsider Person" not in page
    client.force_login(stranger)
    assert client.get(f"/en/events/organisations/{ministry.pk}/").status_code == 404
