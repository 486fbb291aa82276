"""The signed-in layout is kept between requests (alliance/core/layout.py) and roles and
permissions under the user's access version (alliance/accounts/access_cache.py): every
change a person would notice in the header shows on their next page, at once."""

import re

import pytest
from django.contrib.auth.models import Group

from alliance.accounts.roles import StaffRole
from alliance.notifications.delivery import recount_unread
from alliance.notifications.models import Notification

pytestmark = pytest.mark.django_db

PAGE = "/en/api-tokens/"


def _notify(user):
    Notification.objects.create(
        recipient=user, verb="test", kind="test", subject="Hello", delivery="off"
    )
    recount_unread(user.pk)


def test_a_new_notification_shows_in_the_header_at_once(client, stranger):
    client.force_login(stranger)
    assert "unread</span>" not in client.get(PAGE).content.decode()
    _notify(stranger)
    page = client.get(PAGE).content.decode()
    assert '<span class="count">1<span class="visually-hidden"> unread</span>' in page
    _notify(stranger)
    assert '<span class="count">2<span' in client.get(PAGE).content.decode()
    Notification.objects.filter(recipient=stranger).update(read_at="2026-01-01T00:00Z")
    recount_unread(stranger.pk)
    assert "unread</span>" not in client.get(PAGE).content.decode()


def test_a_role_given_or_taken_changes_the_menu_and_access_at_once(client, stranger):
    client.force_login(stranger)
    assert "Audit trail" not in client.get(PAGE).content.decode()
    assert client.get("/en/staff/audit/").status_code in (403, 404)
    group = Group.objects.get(name=StaffRole.SECRETARIAT.value)
    group.user_set.add(stranger)  # from the group's side: the user object is not in hand
    assert "Audit trail" in client.get(PAGE).content.decode()
    assert client.get("/en/staff/audit/").status_code == 200
    stranger.groups.remove(group)
    assert "Audit trail" not in client.get(PAGE).content.decode()
    assert client.get("/en/staff/audit/").status_code in (403, 404)


def test_a_permission_taken_from_a_group_is_gone_for_its_members_at_once(
    client, secretariat_officer
):
    client.force_login(secretariat_officer)
    assert client.get("/en/staff/audit/").status_code == 200
    group = Group.objects.get(name=StaffRole.SECRETARIAT.value)
    permission = group.permissions.get(codename="view_auditevent")
    group.permissions.remove(permission)
    assert client.get("/en/staff/audit/").status_code in (403, 404)
    assert "Audit trail" not in client.get(PAGE).content.decode()


def test_the_header_follows_the_language_and_the_address(client, stranger):
    client.force_login(stranger)
    french = client.get("/fr/api-tokens/").content.decode()
    assert "Se déconnecter" in french or 'lang="fr"' in french
    english = client.get(PAGE + "?x=1").content.decode()
    assert 'name="next" value="/en/api-tokens/?x=1"' in english
    assert '<html lang="en"' in english
    assert 'hreflang="fr" href="/fr/api-tokens/?x=1"' in english


def test_the_kept_header_carries_this_visitors_csrf_token(client, stranger):
    client = type(client)(enforce_csrf_checks=True)
    client.force_login(stranger)
    page = client.get(PAGE).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    assert "__layout" not in page
    response = client.post("/i18n/fr/", {"csrfmiddlewaretoken": token, "next": PAGE})
    assert response.status_code == 302


def test_anonymous_visitors_get_the_links_with_their_address(client):
    page = client.get("/en/key-dates/?a=b").content.decode()
    assert "?next=/en/key-dates/%3Fa%3Db" in page
    assert "Sign in" in page and "Sign out" not in page
