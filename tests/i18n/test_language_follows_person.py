"""The language chosen on the pages is kept through sign-in, sign-out, sign-up, password
reset and redirects; a signed-in person's choice becomes their language for emails."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail

from alliance.accounts.models import User
from alliance.accounts.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def sign_in(client, user, language="en", next_url=None):
    path = f"/{language}/accounts/login/" + (f"?next={next_url}" if next_url else "")
    return client.post(path, {"login": user.email, "password": PASSWORD})


def test_signing_out_of_the_french_pages_lands_on_the_french_home_page(client):
    user = UserFactory(preferred_language="fr")
    client.force_login(user)
    response = client.post("/fr/accounts/logout/")
    assert response.status_code == 302
    assert response["Location"] == "/fr/"


def test_signing_out_of_the_spanish_pages_lands_on_the_spanish_home_page(client):
    client.force_login(UserFactory(preferred_language="en"))
    assert client.post("/es/accounts/logout/")["Location"] == "/es/"


def test_a_person_whose_language_is_russian_signs_in_to_russian_pages(client):
    user = UserFactory(preferred_language="ru")
    response = sign_in(client, user, "en")
    assert response["Location"] == "/ru/dashboard/"
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert '<html lang="ru"' in page.content.decode()


def test_the_page_asked_for_opens_in_the_persons_language(client):
    user = UserFactory(preferred_language="zh-hans")
    response = sign_in(client, user, "en", next_url="/en/calls/")
    assert response["Location"] == "/zh-hans/calls/"


def test_a_language_chosen_on_the_switcher_is_kept_through_sign_in(client):
    user = UserFactory(preferred_language="en")
    chosen = client.get("/i18n/fr/?next=/en/accounts/login/")
    assert chosen["Location"] == "/fr/accounts/login/"
    response = sign_in(client, user, "fr", next_url="/fr/calls/")
    assert response["Location"] == "/fr/calls/"
    assert sign_in(client, user, "fr")["Location"] == "/fr/dashboard/"


def test_the_switcher_keeps_the_page_and_its_query(client):
    response = client.get("/i18n/ar/?next=/fr/calls/%3Fpage%3D2")
    assert response["Location"] == "/ar/calls/?page=2"


def test_the_switcher_refuses_other_hosts_and_unknown_languages(client):
    assert client.get("/i18n/fr/?next=https://evil.test/")["Location"] == "/fr/"
    assert client.get("/i18n/pt/?next=/en/").status_code == 404


def test_choosing_a_language_while_signed_in_makes_it_the_persons_language(client):
    user = UserFactory(preferred_language="en")
    client.force_login(user)
    page = client.get("/en/dashboard/").content.decode()
    assert 'action="/i18n/es/"' in page  # signed in, the switcher posts
    response = client.post("/i18n/es/", {"next": "/en/dashboard/"})
    assert response["Location"] == "/es/dashboard/"
    user.refresh_from_db()
    assert user.preferred_language == "es"


def test_a_link_cannot_change_a_signed_in_persons_language(client):
    user = UserFactory(preferred_language="en")
    client.force_login(user)
    client.get("/i18n/es/?next=/en/dashboard/")
    user.refresh_from_db()
    assert user.preferred_language == "en"


def test_sign_up_on_the_arabic_pages_keeps_arabic_to_the_dashboard(client):
    response = client.post(
        "/ar/accounts/signup/",
        {
            "email": "new@ministry.test",
            "password1": "a-long-unusual-passphrase",
            "password2": "a-long-unusual-passphrase",
        },
    )
    assert response["Location"].startswith("/ar/")
    assert User.objects.get(email="new@ministry.test").preferred_language == "ar"
    link = re.search(r"http://\S+/confirm-email/\S+/", mail.outbox[0].body).group(0)
    path = urlsplit(link).path
    assert path.startswith("/ar/accounts/confirm-email/")
    confirmed = client.post(path)
    assert confirmed["Location"] == "/ar/dashboard/"


def test_password_reset_from_the_french_pages_stays_french(client):
    user = UserFactory(preferred_language="fr")
    response = client.post("/fr/accounts/password/reset/", {"email": user.email})
    assert response["Location"].startswith("/fr/")
    link = re.search(r"http://\S+/password/reset/key/\S+/", mail.outbox[0].body).group(0)
    path = urlsplit(link).path
    assert path.startswith("/fr/accounts/password/reset/key/")
    form = client.get(path, follow=True)
    assert '<html lang="fr"' in form.content.decode()
    done = client.post(
        form.redirect_chain[-1][0] if form.redirect_chain else path,
        {"password1": "another-long-passphrase", "password2": "another-long-passphrase"},
    )
    assert done["Location"].startswith("/fr/")


def test_pages_that_need_sign_in_send_to_the_sign_in_page_in_the_same_language(client):
    response = client.get("/ru/dashboard/")
    assert response["Location"].startswith("/ru/accounts/login/?next=/ru/dashboard/")


def test_the_language_chosen_on_the_switcher_is_the_one_of_the_persons_emails(
    client, ministry, ministry_focal_point, django_capture_on_commit_callbacks
):
    from alliance.joining import services
    from alliance.joining.tests.factories import ExpressionFactory

    client.force_login(ministry_focal_point)
    client.post("/i18n/fr/", {"next": "/en/dashboard/"})
    expression = ExpressionFactory(organisation=ministry)
    with django_capture_on_commit_callbacks(execute=True):
        services.expression_submit(expression_id=expression.pk, actor=ministry_focal_point)
    [email] = [m for m in mail.outbox if m.to == [ministry_focal_point.email]]
    assert "Manifestation d" in email.subject
    assert f"/fr/joining/interest/{expression.pk}/" in email.body
