"""Issue 18: the secretariat creates the community event in two languages; a visitor
registers from the French page and receives the French confirmation with a valid iCal
file; the event fills and the next person is wait-listed; the first cancels and the
wait-listed person is moved up and told; after the event, attendance and materials are
recorded."""

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from alliance.accounts.roles import ROLE_PERMISSIONS, StaffRole
from alliance.accounts.tests.factories import UserFactory
from alliance.events.models import Event, Registration
from alliance.notifications.models import Notification

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
GENEVA = ZoneInfo("Europe/Zurich")


def _secretariat(user):
    # A transactional test may follow one that flushed the groups the migrations made.
    group, _created = Group.objects.get_or_create(name=StaffRole.SECRETARIAT.value)
    codenames = [*ROLE_PERMISSIONS[StaffRole.SECRETARIAT], ("events", "manage_event")]
    group.permissions.set(
        [
            Permission.objects.get(content_type__app_label=app, codename=codename)
            for app, codename in codenames
        ]
    )
    user.groups.add(group)
    return user


def _sign_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    page.context.clear_cookies()
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def _calendar(message):
    [(name, content, mimetype)] = message.attachments
    assert name == "invitation.ics" and mimetype.startswith("text/calendar")
    return content if isinstance(content, bytes) else content.encode()


def test_community_event_from_creation_to_materials(page, live_server):
    page.set_default_timeout(60_000)  # a long journey on a shared, busy machine
    officer = _secretariat(UserFactory(email="officer@itu.test", full_name="Amina Diallo"))
    visitor = UserFactory(email="awa@ucad.test", full_name="Awa Ndiaye", preferred_language="fr")
    second = UserFactory(email="kofi@example.test", full_name="Kofi Mensah")
    day = (timezone.now() + timedelta(days=20)).astimezone(GENEVA).date()

    # The secretariat creates the community event in English and French, then publishes it.
    _sign_in(page, live_server, officer)
    page.goto("/en/events/staff/new/")
    page.fill('input[name="title-en"]', "Alliance community event")
    page.fill('input[name="title-fr"]', "Événement communautaire de l'Alliance")
    page.fill('textarea[name="description-en"]', "The Alliance's community meets.")
    page.fill('textarea[name="description-fr"]', "La communauté de l'Alliance se réunit.")
    page.get_by_label("Community event").check()
    page.get_by_label("Online", exact=True).check()
    page.get_by_label("Online link").fill("https://meet.example.test/community")
    page.get_by_label("Start date").fill(day.isoformat())
    page.get_by_label("Start time").fill("14:00")
    page.get_by_label("End date").fill(day.isoformat())
    page.get_by_label("End time").fill("17:00")
    page.get_by_label("Capacity (people)").fill("1")
    page.check('input[name="languages"][value="en"]')
    page.check('input[name="languages"][value="fr"]')
    page.fill('input[name="question_1-en"]', "Your organisation's sector")
    page.fill('input[name="question_1-fr"]', "Le secteur de votre organisation")
    page.get_by_label("An answer to question 1 is required").check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator("body")).to_contain_text("saved as a draft")
    page.get_by_role("button", name="Publish the event").click()
    expect(page.locator("body")).to_contain_text("The event is published.")
    event = Event.objects.get()
    assert event.title == {
        "en": "Alliance community event",
        "fr": "Événement communautaire de l'Alliance",
    }
    assert event.starts_at == datetime.combine(day, datetime.min.time().replace(hour=14), GENEVA)

    # A visitor registers from the French page.
    _sign_in(page, live_server, visitor)
    page.goto(f"/fr/events/{event.pk}/")
    assert "Événement communautaire de l'Alliance" in page.content()
    assert "meet.example.test" not in page.content()  # the link is for the people registered
    page.get_by_role("button", name="S'inscrire").click()
    expect(page).to_have_title(re.compile("Erreur"))  # the required question
    page.get_by_label("Le secteur de votre organisation").fill("Université")
    page.get_by_role("button", name="S'inscrire").click()
    expect(page.locator("body")).to_contain_text("Vous êtes inscrit·e.")
    assert "meet.example.test" in page.content()
    [confirmation] = [m for m in mail.outbox if m.to == [visitor.email]]
    assert confirmation.subject == "Vous êtes inscrit·e : Événement communautaire de l'Alliance"
    assert "Le fichier de calendrier joint" in confirmation.body
    ics = _calendar(confirmation)
    cal = icalendar.Calendar.from_ical(ics)
    vevent = cal.walk("VEVENT")[0]
    assert cal["METHOD"] == "REQUEST"
    assert str(vevent["SUMMARY"]) == "Événement communautaire de l'Alliance"
    assert vevent["DTSTART"].params["TZID"] == "Europe/Zurich"
    assert str(vevent["LOCATION"]) == "https://meet.example.test/community"
    parsed = vobject.readOne(ics.decode())
    start = parsed.vevent.dtstart.value
    assert start.hour == 14 and start.astimezone(UTC) == event.starts_at.astimezone(UTC)

    # The event is full: the next person goes on the waiting list.
    _sign_in(page, live_server, second)
    page.goto(f"/en/events/{event.pk}/")
    assert "The event is full" in page.content()
    page.get_by_label("Your organisation's sector").fill("Start-up")
    page.get_by_role("button", name="Join the waiting list").click()
    expect(page.locator("body")).to_contain_text("You are on the waiting list (number 1)")
    assert Registration.objects.get(user=second).status == "waitlisted"

    # The visitor cancels; the wait-listed person is moved up and told.
    mail.outbox.clear()
    _sign_in(page, live_server, visitor)
    page.goto(f"/fr/events/{event.pk}/")
    page.get_by_role("button", name="Annuler mon inscription").click()
    expect(page.locator("body")).to_contain_text("Votre inscription est annulée.")
    assert Registration.objects.get(user=second).status == "registered"
    [moved_up] = [m for m in mail.outbox if m.to == [second.email]]
    assert moved_up.subject == "A place is free for you: Alliance community event"
    assert icalendar.Calendar.from_ical(_calendar(moved_up))["METHOD"] == "REQUEST"
    [cancelled] = [m for m in mail.outbox if m.to == [visitor.email]]
    assert icalendar.Calendar.from_ical(_calendar(cancelled))["METHOD"] == "CANCEL"
    assert Notification.objects.filter(recipient=second, verb="registration.promoted").exists()
    _sign_in(page, live_server, second)
    page.goto("/en/notifications/")
    assert "A place is free for you" in page.content()

    # After the event: attendance and materials.
    Event.objects.filter(pk=event.pk).update(
        starts_at=timezone.now() - timedelta(hours=4), ends_at=timezone.now() - timedelta(hours=1)
    )
    _sign_in(page, live_server, officer)
    page.goto(f"/en/events/staff/{event.pk}/")
    page.get_by_role("link", name="Record attendance").click()
    page.get_by_label("Kofi Mensah").check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator("body")).to_contain_text("Attendance is recorded.")
    assert Registration.objects.get(user=second).status == "attended"
    page.get_by_role("link", name="Add a material or a recording").click()
    page.get_by_label("Kind").select_option("recording")
    page.fill('input[name="title-en"]', "Recording of the event")
    page.fill('input[name="title-fr"]', "Enregistrement de l'événement")
    page.get_by_label("Link").fill("https://video.example.test/community")
    page.get_by_role("button", name="Publish").click()
    expect(page.locator("body")).to_contain_text("The material is published")

    # The public sees it among past events, with its recording, in French.
    page.context.clear_cookies()
    page.goto("/fr/events/past/")
    page.get_by_role("link", name="Événement communautaire de l'Alliance").click()
    expect(page.locator("body")).to_contain_text("Enregistrement de l'événement")
    assert "video.example.test/community" in page.content()
