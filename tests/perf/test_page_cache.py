"""Signed-in pages kept per person while the database is unchanged (ADR 0030).

Most tests run inside a transaction, where the database's version cannot be known (and the
cache stays out of the way): they give the cache a version they move themselves. The last
ones read the real version, on a SQLite file and on PostgreSQL.
"""

import re
import sqlite3

import pytest
from django.core.cache import caches
from django.db import connection, transaction
from django.test import Client, RequestFactory

from alliance.accounts.models import User
from alliance.accounts.tests.factories import UserFactory
from alliance.core import db_version, page_cache

PROFILE = "/en/profile/"


@pytest.fixture
def kept(monkeypatch, settings):
    """The cache on, with a database version the test moves (`kept["version"] = ...`)."""
    settings.SIGNED_IN_PAGE_CACHE = True
    caches["pages"].clear()
    state = {"version": "v1"}
    monkeypatch.setattr(db_version, "at_request_start", lambda using="default": state["version"])
    return state


def signed_in(user, **kwargs) -> Client:
    client = Client(**kwargs)
    client.force_login(user)
    client.get(PROFILE)  # the CSRF cookie is set: from now on the Cookie header is stable
    return client


def tokens(html: str) -> tuple[str, str]:
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    form = re.search(r'name="form_token" value="([^"]+)"', html).group(1)
    return csrf, form


@pytest.mark.django_db
def test_a_page_read_again_is_the_copy_until_the_database_moves(kept):
    grace = UserFactory(full_name="Grace Banda")
    client = signed_in(grace)
    assert "Grace Banda" in client.get(PROFILE).content.decode()

    # A write the fake version does not see: the copy is what is served.
    User.objects.filter(pk=grace.pk).update(full_name="Grace Phiri")
    assert "Grace Banda" in client.get(PROFILE).content.decode()

    # Any commit moves the real version; the next read draws the page again.
    kept["version"] = "v2"
    page = client.get(PROFILE).content.decode()
    assert "Grace Phiri" in page and "Grace Banda" not in page


@pytest.mark.django_db
def test_a_kept_page_hands_out_new_tokens_and_its_form_posts(kept):
    grace = UserFactory(full_name="Grace Banda")
    client = signed_in(grace, enforce_csrf_checks=True)
    first = client.get(PROFILE).content.decode()
    User.objects.filter(pk=grace.pk).update(full_name="Someone else")
    second = client.get(PROFILE).content.decode()
    assert "Grace Banda" in second  # the copy
    assert tokens(first)[0] != tokens(second)[0]
    assert tokens(first)[1] != tokens(second)[1]

    csrf, form_token = tokens(second)
    response = client.post(
        PROFILE,
        {
            "csrfmiddlewaretoken": csrf,
            "form_token": form_token,
            "full_name": "Grace Banda Phiri",
            "preferred_language": "en",
            "time_zone": "",
        },
        follow=True,
    )
    assert response.status_code == 200
    assert "Your profile was saved." in response.content.decode()
    assert User.objects.get(pk=grace.pk).full_name == "Grace Banda Phiri"


@pytest.mark.django_db
def test_no_one_is_served_another_persons_page(kept):
    grace = signed_in(UserFactory(full_name="Grace Banda"))
    thoko = signed_in(UserFactory(full_name="Thoko Phiri"))
    assert "Grace Banda" in grace.get(PROFILE).content.decode()
    page = thoko.get(PROFILE).content.decode()
    assert "Thoko Phiri" in page and "Grace Banda" not in page


@pytest.mark.django_db
def test_a_flash_message_is_shown_once(kept):
    grace = UserFactory(full_name="Grace Banda")
    client = signed_in(grace)
    csrf, form_token = tokens(client.get(PROFILE).content.decode())
    client.post(
        PROFILE,
        {"full_name": "Grace B.", "preferred_language": "en", "form_token": form_token},
    )
    assert "Your profile was saved." in client.get("/en/dashboard/").content.decode()
    assert "Your profile was saved." not in client.get("/en/dashboard/").content.decode()
    assert "Your profile was saved." not in client.get("/en/dashboard/").content.decode()


@pytest.mark.django_db
def test_accounts_pages_the_api_and_visitors_are_never_kept(kept):
    grace = UserFactory()
    factory = RequestFactory()
    for path in ("/en/accounts/email/", "/api/v1/calls", "/static/core/site.css"):
        request = factory.get(path)
        request.user = grace
        assert page_cache.page_key(request) is None, path
    request = factory.get(PROFILE)
    request.user = grace
    assert page_cache.page_key(request) is not None
    request = factory.post(PROFILE)
    request.user = grace
    assert page_cache.page_key(request) is None
    from django.contrib.auth.models import AnonymousUser

    request = factory.get(PROFILE)
    request.user = AnonymousUser()
    assert page_cache.page_key(request) is None


def test_the_sqlite_version_moves_with_every_commit_of_any_connection(tmp_path):
    path = str(tmp_path / "db.sqlite3")
    reader = sqlite3.connect(path)
    reader.execute("PRAGMA journal_mode=WAL")
    reader.execute("CREATE TABLE t (x)")
    reader.commit()
    before = db_version.sqlite_version(path)
    assert before is not None
    reader.execute("SELECT * FROM t").fetchall()
    assert db_version.sqlite_version(path) == before  # reading moves nothing

    writer = sqlite3.connect(path)
    writer.execute("INSERT INTO t VALUES (1)")
    writer.commit()
    after = db_version.sqlite_version(path)
    assert after not in (None, before)
    writer.execute("UPDATE t SET x = 2")
    writer.commit()
    assert db_version.sqlite_version(path) not in (None, after)

    plain = str(tmp_path / "plain.sqlite3")
    sqlite3.connect(plain).execute("CREATE TABLE t (x)")
    assert db_version.sqlite_version(plain) is None  # no WAL: no version, no cache
    assert db_version.sqlite_version(":memory:") is None


@pytest.mark.django_db(transaction=True)
def test_the_database_version_moves_with_a_commit_and_is_unknown_in_a_transaction():
    if connection.vendor != "postgresql":
        pytest.skip("the test database on SQLite is in memory: no version (tested above)")
    before = db_version.current()
    assert before is not None
    User.objects.count()
    assert db_version.current() == before
    UserFactory()
    assert db_version.current() not in (None, before)
    with transaction.atomic():
        assert db_version.current() is None


@pytest.fixture
def kept_rows(monkeypatch):
    """The session and user rows kept per version, with a version the test moves; the
    page cache stays off."""
    from alliance.accounts import kept_user
    from alliance.core import sessions

    kept_user._kept.clear()
    sessions._kept.clear()
    state = {"version": "v1"}
    monkeypatch.setattr(db_version, "at_request_start", lambda using="default": state["version"])
    return state


@pytest.mark.django_db
def test_the_user_row_is_read_again_when_the_database_moves(kept_rows, settings):
    settings.SESSION_ENGINE = "alliance.core.sessions"
    grace = UserFactory(full_name="Grace Banda")
    client = signed_in(grace)
    assert "Grace Banda" in client.get(PROFILE).content.decode()
    User.objects.filter(pk=grace.pk).update(full_name="Grace Phiri")
    assert "Grace Banda" in client.get(PROFILE).content.decode()  # kept: version unchanged
    kept_rows["version"] = "v2"
    assert "Grace Phiri" in client.get(PROFILE).content.decode()


@pytest.mark.django_db
def test_a_sign_out_or_a_new_password_elsewhere_ends_the_session_at_once(kept_rows, settings):
    from django.contrib.sessions.models import Session

    settings.SESSION_ENGINE = "alliance.core.sessions"
    grace = UserFactory()
    client = signed_in(grace)
    assert client.get(PROFILE).status_code == 200
    Session.objects.all().delete()  # signed out from another device
    kept_rows["version"] = "v2"  # (any commit moves it)
    assert client.get(PROFILE).status_code == 302

    client = signed_in(grace)
    assert client.get(PROFILE).status_code == 200
    grace.set_password("another strong password 2026")
    grace.save()
    kept_rows["version"] = "v3"
    assert client.get(PROFILE).status_code == 302


def test_the_version_is_read_once_before_the_view_and_afresh_once_it_runs(monkeypatch):
    reads = iter(range(100))
    monkeypatch.setattr(db_version, "current", lambda using="default": f"v{next(reads)}")
    seen = {}

    def view_chain(request):
        seen["session"] = db_version.at_request_start()
        seen["user"] = db_version.at_request_start()  # the same read, no second query
        db_version.close_request_scope()  # the view starts: it may write
        seen["in the view"] = db_version.at_request_start()
        return None

    db_version.RequestVersionMiddleware(view_chain)(RequestFactory().get("/"))
    assert seen == {"session": "v0", "user": "v0", "in the view": "v1"}
    assert db_version.at_request_start() == "v2"  # outside a request: always read
