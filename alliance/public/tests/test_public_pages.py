import html
import re

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("lang", "text"),
    [("en", "How to join the Alliance"), ("fr", "Comment rejoindre l'Alliance")],
)
def test_home_in_both_languages(client, lang, text):
    response = client.get(f"/{lang}/")
    assert response.status_code == 200
    assert text in html.unescape(response.content.decode())
    assert f'<html lang="{lang}"' in response.content.decode()


def test_home_references_no_other_host_and_is_small(client):
    body = client.get("/en/").content.decode()
    assert not re.search(r'(src|href)="(https?:)?//', body)
    assert len(body.encode()) < 100_000


def test_centre_types_page_renders_the_guidance_table(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        body = client.get(reverse("public:centre_types")).content.decode()
    for name in [
        "Technology Acceleration Centre",
        "Research and Entrepreneurship Acceleration Centre",
        "Digital Transformation Acceleration Centre",
        "Initiatives Acceleration Centre",
    ]:
        assert name in body
    assert "Owned and run by ITU." in body


def test_centre_types_page_in_french(client):
    with translation.override("fr"):
        url = reverse("public:centre_types")
    body = html.unescape(client.get(url).content.decode())
    assert "Centre d'accélération des initiatives" in body
    assert "Expérimentation des politiques" in body


def test_public_page_answers_conditional_get(client):
    first = client.get("/en/centre-types/")
    etag = first["ETag"]
    second = client.get("/en/centre-types/", HTTP_IF_NONE_MATCH=etag)
    assert second.status_code == 304
