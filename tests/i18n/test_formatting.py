"""Dates, numbers, amounts and country names read the way the reader's language writes
them (CLDR), times in the reader's zone."""

import datetime
import zoneinfo

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from alliance.accounts.tests.factories import UserFactory

DEADLINE = datetime.datetime(2027, 1, 8, 22, 30, tzinfo=datetime.UTC)


def render(text, language, **context):
    with translation.override(language):
        return Template("{% load core_tags %}" + text).render(Context(context))


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "USD\xa0150,000"),
        ("fr", "150\u202f000\xa0USD"),
        ("es", "150.000\xa0USD"),
        ("ru", "150\xa0000\xa0USD"),
        ("zh-hans", "USD\xa0150,000"),
    ],
)
def test_amounts_carry_the_currency_code_in_the_languages_own_way(language, expected):
    assert render('{{ a|money:"USD" }}', language, a=150000) == expected


def test_cents_are_shown_only_when_there_are_some():
    assert render('{{ a|money:"USD" }}', "fr", a="1234.5") == "1\u202f234,50\xa0USD"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "January 8, 2027"),
        ("fr", "8 janvier 2027"),
        ("es", "8 de enero de 2027"),
        ("ru", "8 января 2027\u202fг."),
        ("zh-hans", "2027年1月8日"),
        ("ar", "8 يناير 2027"),
    ],
)
def test_dates_are_written_in_the_readers_language(language, expected):
    assert render("{{ d|ldate }}", language, d=datetime.date(2027, 1, 8)) == expected


def test_a_deadline_is_shown_on_the_readers_own_day_and_hour():
    with timezone.override(zoneinfo.ZoneInfo("Africa/Nairobi")):
        assert render("{{ t|ldate }}", "fr", t=DEADLINE) == "9 janvier 2027"
        text = render('{{ t|ldatetime:"zone" }}', "fr", t=DEADLINE)
    assert text == "9 janvier 2027, 01:30 (Africa/Nairobi)"


def test_numbers_group_digits_the_languages_way():
    assert render("{{ n|number }}", "fr", n=1234567) == "1\u202f234\u202f567"
    assert render("{{ n|number }}", "en", n=1234567) == "1,234,567"


def test_missing_values_show_nothing_rather_than_an_error():
    assert render('{{ n|money:"USD" }}{{ d|ldate }}{{ t|ldatetime }}', "fr", n=None) == ""


@pytest.mark.django_db
def test_the_expert_network_form_lists_countries_in_french_sorted_by_french_name(client):
    client.force_login(UserFactory())
    page = client.get("/fr/board/experts/apply/").content.decode()
    assert '<option value="DE">Allemagne</option>' in page
    assert page.index(">Afrique du Sud<") < page.index(">Allemagne<") < page.index(">Zambie<")
    english = client.get("/en/board/experts/apply/").content.decode()
    assert '<option value="DE">Germany</option>' in english


@pytest.mark.django_db
def test_the_expert_network_form_lists_countries_in_russian(client):
    client.force_login(UserFactory())
    page = client.get("/ru/board/experts/apply/").content.decode()
    assert '<option value="DE">Германия</option>' in page
