"""Issue 18: the Director designates a pilot country; the proposed announcement is
published by the secretariat and appears in the Atom feed (read by feedparser) and on the
map."""

import feedparser
import pytest
from django.test import Client
from playwright.sync_api import expect

from alliance.accounts.tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    page.context.clear_cookies()
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def test_a_designated_pilot_is_announced_in_the_feed_and_on_the_map(
    page, live_server, director, secretariat_officer
):
    # The Director designates Rwanda, confirming with the password.
    _sign_in(page, live_server, director)
    page.goto("/en/news/staff/pilots/new/")
    page.get_by_label("Country").select_option(label="Rwanda")
    page.locator("[name=rationale-en]").fill("A national strategy and a ministry ready to host.")
    page.locator("[name=rationale-fr]").fill("Une stratégie nationale et un ministère prêt.")
    page.get_by_label("Date of the decision").fill("2023-06-30")
    page.get_by_label("Your password").fill("not my password")
    page.get_by_role("button", name="Designate").click()
    expect(page.get_by_text("The password is not correct.").first).to_be_visible()
    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_role("button", name="Designate").click()
    expect(page.get_by_text("Rwanda is designated as a pilot.")).to_be_visible()

    # The secretariat finds the proposed draft and publishes it.
    _sign_in(page, live_server, secretariat_officer)
    page.goto("/en/news/staff/")
    page.get_by_role("link", name="Pilot of the Alliance: Rwanda").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("The announcement is now: Published.")).to_be_visible()

    # A visitor's feed reader sees it in French.
    page.context.clear_cookies()
    feed = feedparser.parse(page.request.get("/fr/news/feed.atom").body())
    assert not feed.bozo
    (entry,) = feed.entries
    assert entry.title == "Pilote de l'Alliance : Rwanda"
    assert "Une stratégie nationale et un ministère prêt." in entry.summary

    # The news page links the feed; the map marks Rwanda.
    page.goto("/fr/news/")
    assert page.locator('link[rel=alternate][type="application/atom+xml"]').count() >= 1
    page.get_by_role("link", name="Pilote de l'Alliance : Rwanda").click()
    expect(page.get_by_role("heading", name="Pilote de l'Alliance : Rwanda")).to_be_visible()
    page.goto("/en/centres/map/")
    expect(page.get_by_text("Pilot countries are outlined in red on the map.")).to_be_visible()
    svg = page.request.get("/en/centres/map.svg").text()
    assert "<title>Rwanda: pilot country</title>" in svg
    page.goto("/en/news/countries/RW/")
    expect(page.get_by_text("Rwanda is a pilot country")).to_be_visible()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_news_pages_have_no_serious_accessibility_violation(
    axe, director, secretariat_officer, language, settings, tmp_path
):
    from alliance.news.tests.factories import designate, published

    designate(director, "RW")
    item = published(1)
    L = f"/{language}"
    pages = [
        ("list", f"{L}/news/", {}),
        ("detail", f"{L}/news/{item.pk}/", {}),
        ("pilots", f"{L}/news/pilots/", {}),
        ("country", f"{L}/news/countries/RW/", {}),
        ("subscribe with errors", f"{L}/news/newsletter/", {"post": {"email": "not an address"}}),
        ("designate", f"{L}/news/staff/pilots/new/", {"signed_in_as": director}),
        ("staff list", f"{L}/news/staff/", {"signed_in_as": director}),
        ("staff pilots", f"{L}/news/staff/pilots/", {"signed_in_as": director}),
    ]
    found = {name: axe(path, **options) for name, path, options in pages}
    assert {k: v for k, v in found.items() if v} == {}
