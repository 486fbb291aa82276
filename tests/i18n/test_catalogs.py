"""Every language in settings.LANGUAGES is complete: each app's catalog exists and translates
every message, with no fuzzy entry and every plural form the language has."""

from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.core.management import call_command
from django.utils.translation import to_locale

# Languages listed before their translations landed. Their catalogs exist (empty msgstr);
# the tests below are expected to fail for them, strictly: once a language is translated
# its tests pass, pytest reports the unexpected pass as a failure, and the language must
# be taken out of this set.
NOT_YET_TRANSLATED: set[str] = set()

APPS_DIR = Path(settings.BASE_DIR, "alliance")
APPS_WITH_CATALOGS = sorted(path.parent.name for path in APPS_DIR.glob("*/locale"))
TRANSLATED = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def catalog_cases():
    for code in TRANSLATED:
        marks = []
        if code in NOT_YET_TRANSLATED:
            marks = [pytest.mark.xfail(strict=True, reason=f"{code}: translations not merged")]
        for app in APPS_WITH_CATALOGS:
            yield pytest.param(code, app, marks=marks, id=f"{code}-{app}")


def catalog_path(code: str, app: str) -> Path:
    return APPS_DIR / app / "locale" / to_locale(code) / "LC_MESSAGES" / "django.po"


def read(code: str, app: str):
    with catalog_path(code, app).open("rb") as handle:
        return read_po(handle, locale=to_locale(code))


def test_the_six_official_languages_are_listed():
    assert [code for code, _name in settings.LANGUAGES] == ["ar", "zh-hans", "en", "fr", "ru", "es"]


def test_not_yet_translated_names_only_listed_languages():
    assert set(TRANSLATED) >= NOT_YET_TRANSLATED


def test_apps_with_user_visible_strings_have_catalogs():
    assert {"core", "accounts", "public", "centres", "calls", "notifications"} <= set(
        APPS_WITH_CATALOGS
    )


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_app_has_a_catalog_for_every_language(code):
    missing = [app for app in APPS_WITH_CATALOGS if not catalog_path(code, app).exists()]
    assert not missing, f"run `make messages`: no {code} catalog in {missing}"


@pytest.mark.parametrize("code", TRANSLATED)
def test_plural_entries_have_every_form_of_the_language(code):
    for app in APPS_WITH_CATALOGS:
        catalog = read(code, app)
        short = [
            m.id
            for m in catalog
            if m.id and m.pluralizable and len(m.string) != catalog.num_plurals
        ]
        assert not short, f"{code}/{app}: plural forms not {catalog.num_plurals}: {short[:3]}"


@pytest.mark.parametrize(("code", "app"), list(catalog_cases()))
def test_catalog_is_complete(code, app):
    catalog = read(code, app)
    missing = [
        m.id
        for m in catalog
        if m.id and (not m.string or (isinstance(m.string, tuple) and not all(m.string)))
    ]
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert not missing, f"{len(missing)} untranslated in {code}/{app}: {missing[:5]}"
    assert not fuzzy, f"{len(fuzzy)} fuzzy in {code}/{app}: {fuzzy[:5]}"


def test_make_messages_extracts_every_translated_language(capsys):
    call_command("catalog_locales")
    assert capsys.readouterr().out.split() == [
        part for code in TRANSLATED for part in ("-l", to_locale(code))
    ]
