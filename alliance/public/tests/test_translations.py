"""Translated content as data: a language added to the settings shows up in staff forms and
the API with no other change, and a missing translation falls back to English, marked."""

import re
from datetime import date

import pytest
from django.template import Context, Template
from django.test import override_settings
from django.utils import translation

from alliance.core.i18n import Translations
from alliance.core.models import StrategicObjective
from alliance.public.models import Milestone

pytestmark = pytest.mark.django_db

WITH_SPANISH = [("en", "English"), ("fr", "French"), ("es", "Spanish")]


def _render(source: str, **context) -> str:
    return Template("{% load core_tags %}" + source).render(Context(context))


def test_missing_translation_falls_back_to_english_and_says_so():
    title = Translations({"en": "Launch", "fr": "Lancement"})
    assert title.text("fr") == "Lancement" and not title.text("fr").fallback
    spanish = title.text("es")
    assert spanish == "Launch" and spanish.lang == "en" and spanish.fallback
    with translation.override("fr"):
        assert str(title) == "Lancement"


def test_the_tag_marks_an_english_fallback_and_escapes_the_text():
    title = Translations({"en": "Fish & <chips>", "fr": "Poisson & <frites>"})
    with translation.override("fr"):
        assert _render("{% tr t %}", t=title) == "Poisson &amp; &lt;frites&gt;"
    with translation.override("es"):
        assert _render("{% tr t %}", t=title) == (
            '<span lang="en" dir="ltr">Fish &amp; &lt;chips&gt;</span>'
        )
        # In a <title> or an attribute, the plain variable prints text, never markup.
        assert _render("{{ t }}", t=title) == "Fish &amp; &lt;chips&gt;"
        assert _render("<p{{ t|lang_attrs }}>", t=title) == '<p lang="en" dir="ltr">'


def test_reference_data_holds_both_languages_in_one_field():
    objective = StrategicObjective.objects.get(code="POLICY")
    assert objective.name == {
        "en": "Policy experimentation",
        "fr": "Expérimentation des politiques",
    }
    assert list(StrategicObjective.objects.order_by("name__en").values_list("code", flat=True))[
        0
    ] == ("ECOSYSTEM")


def test_staff_form_has_one_input_per_language_english_required(client, secretariat_officer):
    client.force_login(secretariat_officer)
    with override_settings(LANGUAGES=WITH_SPANISH[:2]):
        page = client.get("/en/staff/key-dates/new/").content.decode()
    assert 'name="title-en"' in page and 'lang="fr"' in page and 'name="title-es"' not in page
    with override_settings(LANGUAGES=WITH_SPANISH):
        page = client.get("/en/staff/key-dates/new/").content.decode()
        assert 'name="title-es"' in page and 'lang="es"' in page and ">Spanish" in page
        # Only French and Spanish typed: English is missing, the typed texts stay.
        answer = client.post(
            "/en/staff/key-dates/new/",
            {"title-fr": "Lancement", "title-es": "Lanzamiento", "date": "2027-01-25"},
        )
        page = answer.content.decode()
        assert answer.status_code == 200
        assert "Enter the text in English" in page
        assert 'value="Lanzamiento"' in page and 'value="Lancement"' in page
        assert page.count('aria-invalid="true"') == 1
        english = re.search(r'<input[^>]*name="title-en"[^>]*>', page).group()
        assert 'aria-invalid="true"' in english, english
        client.post(
            "/en/staff/key-dates/new/",
            {"title-en": "Launch", "title-es": "Lanzamiento", "date": "2027-01-25"},
        )
    assert Milestone.objects.get().title == {"en": "Launch", "es": "Lanzamiento"}


def test_api_answers_in_the_language_asked_with_every_translation(client):
    Milestone.objects.create(
        title={"en": "Launch", "fr": "Lancement", "es": "Lanzamiento"},
        description={"en": "The Alliance starts."},
        date=date(2027, 1, 25),
    )
    with override_settings(LANGUAGES=WITH_SPANISH):
        row = client.get("/api/v1/milestones?lang=es").json()[0]
        assert row["title"] == "Lanzamiento"
        assert row["description"] == "The Alliance starts."
        assert row["languages"] == {"title": "es", "description": "en"}
        assert row["translations"]["title"] == {
            "en": "Launch",
            "fr": "Lancement",
            "es": "Lanzamiento",
        }
    # override: the request activates French in this thread; give the next test English.
    with translation.override("en"):
        row = client.get("/api/v1/milestones", headers={"accept-language": "fr"}).json()[0]
    assert row["title"] == "Lancement"
    assert not any(key.endswith(("_en", "_fr")) for key in row)


def test_language_switcher_follows_the_languages_setting(client, secretariat_officer):
    # The signed-in header is kept per process (alliance/core/layout.py): a change of the
    # languages must show in the next page, not the header drawn before it.
    client.force_login(secretariat_officer)
    with override_settings(LANGUAGES=WITH_SPANISH[:2]):
        page = client.get("/en/staff/key-dates/").content.decode()
    assert 'hreflang="es"' not in page and 'class="link-button" lang="es"' not in page
    assert 'hreflang="fr"' in page and 'class="link-button" lang="fr"' in page
    page = client.get("/en/staff/key-dates/").content.decode()
    for code in ("ar", "es", "fr", "ru", "zh-hans"):
        assert f'hreflang="{code}"' in page and f'class="link-button" lang="{code}"' in page
