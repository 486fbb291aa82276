"""The registry's world map: an SVG drawn on the server from simplified outlines, no script.

The outlines (alliance/centres/data/world_paths.json) are built once from
pygal_maps_world's map by scripts/build_world_map.py and committed: ~40 KB instead of
pygal's ~780 KB (docs/decisions/0013-light-world-map.md). Small island states and city
states are drawn as dots so they stay visible; the legend explains the shades, and the map
page gives the same figures as a table.
"""

import json
from functools import cache
from pathlib import Path

from django.utils.html import escape
from django.utils.translation import gettext as _
from django_countries import countries

from alliance.core.documents import CHART_FONTS, localise_svg
from alliance.news.marks import PILOT_COUNTRY, map_title

PATHS = Path(__file__).with_name("data") / "world_paths.json"
FONT_FAMILY = CHART_FONTS
NONE_COLOUR = "#d5dde3"
PILOT_COLOUR = "#b3261e"  # pilot countries: a thick outline over their shade
# Upper bound of each shade (inclusive); the last has none. Darker is more centres.
BUCKETS = [(1, "#9ccbe0"), (3, "#4f9dbf"), (9, "#1a7aa3"), (None, "#084c66")]


@cache
def _outlines() -> dict:
    return json.loads(PATHS.read_text())


def _bucket(n: int) -> int:
    for index, (upper, _colour) in enumerate(BUCKETS):
        if upper is None or n <= upper:
            return index
    return len(BUCKETS) - 1


def _legend_labels() -> list[str]:
    labels, lower = [], 1
    for upper, _colour in BUCKETS:
        if upper is None:
            labels.append(_("%(n)s or more") % {"n": lower})
        else:
            labels.append(str(lower) if upper == lower else f"{lower}–{upper}")
            lower = upper + 1
    return labels


def world_map_svg(counts: dict[str, int], pilots: frozenset[str] | set[str] = frozenset()) -> str:
    data = _outlines()
    width, height = data["viewBox"]
    empty, shaded, dots, marked = [], [], [], []
    for code, shape in data["countries"].items():
        n = counts.get(code, 0)
        if code in pilots:
            label = escape(map_title(countries.name(code) or code, n))
            if shape["d"]:
                marked.append(f'<path class="p" d="{shape["d"]}"><title>{label}</title></path>')
            if "dot" in shape:
                x, y = shape["dot"]
                marked.append(
                    f'<circle class="p" cx="{x}" cy="{y}" r="6"><title>{label}</title></circle>'
                )
        if n:
            name = countries.name(code) or code
            label = escape(_("%(country)s: %(count)s") % {"country": name, "count": n})
            cls = f"b{_bucket(n)}"
            if shape["d"]:
                shaded.append(f'<path class="{cls}" d="{shape["d"]}"><title>{label}</title></path>')
            if "dot" in shape:
                x, y = shape["dot"]
                dots.append(
                    f'<circle class="{cls} dot" cx="{x}" cy="{y}" r="5"><title>{label}</title></circle>'
                )
        else:
            empty.append(shape["d"])
            if "dot" in shape:
                x, y = shape["dot"]
                dots.append(f'<circle class="n" cx="{x}" cy="{y}" r="2.5"/>')
    styles = [f".n{{fill:{NONE_COLOUR}}}", "path{stroke:#fff;stroke-width:.5}"]
    styles += [f".b{i}{{fill:{colour}}}" for i, (_u, colour) in enumerate(BUCKETS)]
    styles += [".dot{stroke:#1d1d1b;stroke-width:1}", f"text{{font:14px {FONT_FAMILY}}}"]
    styles.append(f".p{{fill:none;stroke:{PILOT_COLOUR};stroke-width:2.5}}")
    title = escape(_("Acceleration centres per country"))
    styles.append("text{unicode-bidi:plaintext}")  # Arabic labels read right to left
    return localise_svg(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height + 40}" '
        f'role="img" aria-labelledby="map-title"><title id="map-title">{title}</title>'
        f"<style>{''.join(styles)}</style>"
        f'<path class="n" d="{"".join(empty)}"/>{"".join(shaded)}{"".join(dots)}'
        f"{''.join(marked)}{_legend(height, bool(pilots))}</svg>"
    )


def _legend(top: int, with_pilots: bool = False) -> str:
    """Shades and their ranges along the bottom edge, "no centre" first."""
    items = [("n", _("No centre"))] + [(f"b{i}", label) for i, label in enumerate(_legend_labels())]
    if with_pilots:
        items.append(("p", str(PILOT_COUNTRY)))
    parts, x = [f'<text x="10" y="{top + 26}">{escape(_("Centres"))}:</text>'], 90
    for cls, label in items:
        parts.append(f'<rect class="{cls}" x="{x}" y="{top + 12}" width="18" height="18"/>')
        parts.append(f'<text x="{x + 24}" y="{top + 26}">{escape(label)}</text>')
        x += 40 + 8 * len(label)
    return f'<g class="legend">{"".join(parts)}</g>'
