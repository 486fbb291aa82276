"""Sign-up, verification, sign-in and password reset by email (django-allauth)."""

import re

import pytest
from django.core import mail

from alliance.accounts.models import User

pytestmark = pytest.mark.django_db

SIGNUP = "/en/accounts/signup/"


def test_sign_up_sends_a_verification_email_and_the_link_signs_in(client):
    response = client.post(
        SIGNUP,
        {
            "email": "new@ministry.test",
            "password1": "a-long-unusual-passphrase",
            "password2": "a-long-unusual-passphrase",
        },
    )
    assert response.status_code == 302
    assert User.objects.filter(email="new@ministry.test").exists()
    assert len(mail.outbox) == 1
    link = re.search(r"http://\S+/accounts/confirm-email/\S+/", mail.outbox[0].body).group(0)
    path = link.split("testserver", 1)[-1]
    confirmed = client.post(path, follow=True)
    assert confirmed.status_code == 200
    assert confirmed.context["user"].is_authenticated
    assert "Your dashboard" in confirmed.content.decode()


def test_unverified_account_cannot_sign_in(client):
    client.post(
        SIGNUP,
        {
            "email": "slow@x.test",
            "password1": "a-long-unusual-passphrase",
            "password2": "a-long-unusual-passphrase",
        },
    )
    client.logout()
    mail.outbox.clear()
    response = client.post(
        "/en/accounts/login/", {"login": "slow@x.test", "password": "a-long-unusual-passphrase"}
    )
    assert response.status_code == 302
    assert "confirm-email" in response["Location"]
    assert not client.get("/en/dashboard/").wsgi_request.user.is_authenticated


def test_weak_password_is_refused_with_a_message_and_nothing_created(client):
    response = client.post(
        SIGNUP, {"email": "weak@x.test", "password1": "12345678", "password2": "12345678"}
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "There is a problem" in body
    assert "<title>Error:" in body
    assert 'value="weak@x.test"' in body  # what was typed is kept
    assert not User.objects.filter(email="weak@x.test").exists()


def test_taken_email_does_not_create_a_second_account(client, ministry_focal_point):
    response = client.post(
        SIGNUP,
        {
            "email": "focal@ministry.test",
            "password1": "a-long-unusual-passphrase",
            "password2": "a-long-unusual-passphrase",
        },
    )
    # allauth prevents enumeration: same answer as a new sign-up, and the owner is told by email.
    assert response.status_code == 302
    assert User.objects.filter(email__iexact="focal@ministry.test").count() == 1
    assert "already" in mail.outbox[0].body.lower()


def test_sign_up_error_in_french(client):
    response = client.post(
        "/fr/accounts/signup/", {"email": "not-an-email", "password1": "x", "password2": "y"}
    )
    body = response.content.decode()
    assert re.search(r"<title>Erreur\s:", body)
    assert "Il y a un problème" in body


def test_password_reset_sends_a_link_that_sets_a_new_password(
    client, ministry_focal_point, settings
):
    # Links in emails point at the configured site address, not at the request's host.
    settings.SITE_URL = "https://alliance.example.org"
    client.post("/en/accounts/password/reset/", {"email": "focal@ministry.test"})
    assert len(mail.outbox) == 1
    path = re.search(r"https://alliance\.example\.org(/\S+)", mail.outbox[0].body).group(1)
    form_page = client.get(path, follow=True)
    action = form_page.redirect_chain[-1][0] if form_page.redirect_chain else path
    response = client.post(
        action, {"password1": "another-long-passphrase", "password2": "another-long-passphrase"}
    )
    assert response.status_code == 302
    ministry_focal_point.refresh_from_db()
    assert ministry_focal_point.check_password("another-long-passphrase")


def test_bad_reset_token_is_refused_clearly(client):
    response = client.get("/en/accounts/password/reset/key/1-bad-token/", follow=True)
    assert (
        "bad token" in response.content.decode().lower()
        or "invalid" in response.content.decode().lower()
    )


def test_signing_up_on_the_french_pages_makes_french_the_language_of_emails(client, settings):
    settings.SITE_URL = "https://alliance.example.org"
    client.post(
        "/fr/accounts/signup/",
        {
            "email": "awa@ministere.test",
            "password1": "a-long-unusual-passphrase",
            "password2": "a-long-unusual-passphrase",
        },
    )
    assert User.objects.get(email="awa@ministere.test").preferred_language == "fr"
    assert "https://alliance.example.org/fr/accounts/confirm-email/" in mail.outbox[0].body
