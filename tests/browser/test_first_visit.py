"""A newcomer's first visit, in a real browser: English home, French, then sign in."""

import pytest
from playwright.sync_api import expect

from alliance.accounts.tests.factories import PASSWORD, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_switch_to_french_and_sign_in(page):
    UserFactory(email="focal@macra.test", full_name="Thoko Phiri")

    page.goto("/en/")
    assert page.locator("h1").inner_text() == (
        "Innovation and Entrepreneurship Alliance for Digital Development"
    )

    page.get_by_role("link", name="Français").click()
    assert page.url.endswith("/fr/")
    expect(page.locator("main")).to_contain_text(
        "Comment rejoindre l'Alliance", use_inner_text=True
    )

    page.get_by_role("link", name="Se connecter").first.click()
    page.get_by_label("Courriel").fill("focal@macra.test")
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    assert "/fr/dashboard/" in page.url
    expect(page.locator("main")).to_contain_text("Thoko Phiri", use_inner_text=True)
