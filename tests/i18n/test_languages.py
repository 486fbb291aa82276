"""The six official languages answer, and the switcher names each in its own language."""

import pytest
from django.conf import settings


@pytest.mark.django_db
@pytest.mark.parametrize("code", [code for code, _name in settings.LANGUAGES])
def test_home_page_answers_in_every_language(client, code):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    assert f'<html lang="{code}"' in response.content.decode()


@pytest.mark.django_db
def test_switcher_names_each_language_in_its_own_language(client):
    page = client.get("/en/").content.decode()
    for code, name in [
        ("ar", "العربيّة"),
        ("zh-hans", "简体中文"),
        ("fr", "Français"),
        ("ru", "Русский"),
        ("es", "Español"),
    ]:
        assert f'lang="{code}">{name}<' in page, code
