"""Sign up on the French pages, take a step, and read about it in French: the email and the
inbox item both link to /fr/ pages of the configured site (issue 10)."""

import re

import pytest
from django.core import mail

from alliance.accounts.models import User
from alliance.joining.models import ExpressionOfInterest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SITE = "https://alliance.example.org"


def test_a_french_sign_up_gets_french_messages_with_french_links(page, settings):
    settings.SITE_URL = SITE
    page.goto("/fr/accounts/signup/")
    page.get_by_label("Courriel").fill("awa@ministere.test")
    page.locator("input[name=password1]").fill("un mot de passe solide 2026")
    page.locator("input[name=password2]").fill("un mot de passe solide 2026")
    page.locator("main form button[type=submit]").click()
    assert User.objects.get(email="awa@ministere.test").preferred_language == "fr"

    confirmation = mail.outbox[-1]
    link = re.search(r"https?://[^/\s]+(/fr/accounts/confirm-email/\S+)", confirmation.body)
    assert link, confirmation.body
    page.goto(link.group(1))
    page.locator("main form button[type=submit]").click()

    page.goto("/fr/organisations/new/")
    page.get_by_label("Nom", exact=True).fill("Ministère de l'Économie numérique")
    page.select_option("select[name=kind]", "member_state")
    page.select_option("select[name=country]", "SN")
    page.locator("main form button[type=submit]").click()
    page.goto("/fr/dashboard/")
    page.locator("main a[href*='/joining/organisations/']").first.click()
    page.get_by_role("link", name="Manifester son intérêt", exact=True).click()
    page.check("input[name=instruments][value=host_centre]")
    page.fill("textarea[name=motivation]", "Un centre pour l'expérimentation des politiques.")
    page.fill("input[name=contact_name]", "Awa Ndiaye")
    page.fill("input[name=contact_email]", "awa@ministere.test")
    page.get_by_role("button", name="Enregistrer et vérifier vos réponses").click()
    mail.outbox.clear()
    page.get_by_role("button", name="Soumettre la manifestation d'intérêt").click()

    expression = ExpressionOfInterest.objects.get()
    french_link = f"{SITE}/fr/joining/interest/{expression.pk}/"
    [email] = [m for m in mail.outbox if m.to == ["awa@ministere.test"]]
    assert email.subject.startswith("Manifestation d'intérêt soumise")
    assert french_link in email.body
    assert f"{SITE}/fr/notifications/preferences/" in email.body

    header = page.get_by_role("link", name=re.compile("^Notifications"))
    assert "1" in header.inner_text()
    header.click()
    item = page.locator(".notification-list li").first
    assert "Manifestation d'intérêt soumise" in item.inner_text()
    item.get_by_role("button", name=re.compile("^Manifestation d'intérêt soumise")).click()
    assert page.url.endswith(f"/fr/joining/interest/{expression.pk}/")
    page.get_by_role("link", name=re.compile("^Notifications")).click()
    assert page.locator(".notification.unread").count() == 0
