"""The registry's world map stays light (under 100 KB), keeps small island states visible
as dots, explains its shades in a legend and gives the same figures as a table."""

import gzip
import re

import pytest
from django.urls import reverse
from django.utils import translation

from alliance.centres.worldmap import world_map_svg

pytestmark = pytest.mark.django_db


def test_the_map_is_under_100_kb_with_a_legend_and_dots_for_small_island_states():
    svg = world_map_svg({"MW": 3, "MU": 1, "SG": 12, "MV": 2})
    assert len(svg.encode()) < 100_000
    assert '<g class="legend">' in svg
    for label in ["No centre", "2–3", "10 or more"]:
        assert f">{label}</text>" in svg
    # Mauritius, Singapore and the Maldives are too small to see as outlines: a titled dot each.
    for name in ["Mauritius: 1", "Singapore: 12", "Maldives: 2"]:
        assert re.search(rf'<circle class="b\d dot"[^>]*><title>{name}</title>', svg)
    assert '<path class="b1" d="M' in svg and "<title>Malawi: 3</title>" in svg
    assert "<script" not in svg


def test_the_map_page_lists_every_country_with_centres_beside_the_map(client, accredited):
    page = client.get(reverse("centres:map")).content.decode()
    assert 'class="map-layout"' in page
    assert re.search(r'<th scope="row"><a href="[^"]*country=MW">Malawi</a></th><td>1</td>', page)
    with translation.override("fr"):
        svg = client.get(reverse("centres:map_svg")).content.decode()
    assert "<title>Malawi : 1</title>" in svg
    assert ">Aucun centre</text>" in svg


def test_the_map_svg_is_sent_compressed_to_those_who_accept_it_and_plain_to_others(client):
    url = reverse("centres:map_svg")
    for _ in range(2):  # the second answer is the kept copy, in the same encoding
        gzipped = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate")
        assert gzipped["Content-Encoding"] == "gzip"
        assert gzip.decompress(gzipped.content).startswith(b"<svg")
        plain = client.get(url)
        assert "Content-Encoding" not in plain
        assert plain.content.startswith(b"<svg")
