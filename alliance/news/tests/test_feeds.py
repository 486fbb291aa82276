"""Atom feeds per language and category, read by a feed reader (feedparser)."""

import feedparser
import pytest

from .factories import published

pytestmark = pytest.mark.django_db


def test_the_french_feed_has_the_french_announcements_newest_first(client):
    published(1, category="calls", days_ago=2)
    published(2, category="board", days_ago=1)
    response = client.get("/fr/news/feed.atom")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo
    assert feed.feed.language == "fr"
    assert [e.title for e in feed.entries] == ["Annonce 2", "Annonce 1"]
    assert "/fr/news/" in feed.entries[0].link
    assert "<strong>2</strong>" in feed.entries[0].summary


def test_a_category_feed_has_only_that_category(client):
    published(1, category="calls")
    published(2, category="board")
    feed = feedparser.parse(client.get("/en/news/board/feed.atom").content)
    assert [e.title for e in feed.entries] == ["Announcement 2"]
    assert client.get("/en/news/nonsense/feed.atom").status_code == 404


def test_the_news_pages_link_their_feeds(client):
    page = client.get("/en/news/?category=calls").content.decode()
    assert 'rel="alternate" type="application/atom+xml"' in page
    assert "/en/news/calls/feed.atom" in page
