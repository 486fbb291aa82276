"""The news pages at volume: at most 15 queries, whatever the number of announcements."""

import pytest

from alliance.news.models import Announcement

from .factories import published

pytestmark = pytest.mark.django_db


@pytest.fixture
def many(db):
    for n in range(60):
        published(n, category=["calls", "board", "events"][n % 3])
    return Announcement.objects.order_by("-publish_at").first()


@pytest.mark.parametrize(
    "path",
    [
        "/en/news/",
        "/fr/news/?category=board",
        "/en/news/?page=2",
        "/en/news/feed.atom",
        "/ar/news/events/feed.atom",
        "/en/news/pilots/",
        "/en/news/countries/MW/",
        "/en/news/newsletter/",
        "/en/news/open-data/pilots.csv",
    ],
)
def test_public_news_pages_stay_within_15_queries(
    client, many, path, django_assert_max_num_queries
):
    with django_assert_max_num_queries(15):
        response = client.get(path)
    assert response.status_code == 200
    assert len(response.content) < 60_000  # the page budget is 100 KB with its stylesheet


def test_the_detail_page_stays_within_15_queries(client, many, django_assert_max_num_queries):
    with django_assert_max_num_queries(15):
        assert client.get(f"/en/news/{many.pk}/").status_code == 200


def test_staff_pages_stay_within_15_queries(
    client, many, secretariat_officer, django_assert_max_num_queries
):
    client.force_login(secretariat_officer)
    for path in ("/en/news/staff/", f"/en/news/staff/{many.pk}/", "/en/news/staff/pilots/"):
        with django_assert_max_num_queries(15):
            assert client.get(path).status_code == 200


def test_a_bad_category_or_page_is_not_an_error(client, many):
    assert client.get("/en/news/?category=<script>").status_code == 200
    assert client.get("/en/news/?page=999999").status_code == 200
    assert client.get("/en/news/countries/XX/").status_code == 404
    assert client.get("/en/news/999999/").status_code == 404
