"""Server-side SVG charts (pygal, no script): each chart also exists as a table and CSV."""

import re
from itertools import chain

import pygal
from django.http import HttpResponse
from pygal.style import Style

from alliance.core import spreadsheets
from alliance.core.documents import CHART_FONTS, localise_svg

STYLE = Style(
    background="white",
    plot_background="white",
    foreground="#1d1d1b",
    foreground_strong="#1d1d1b",
    foreground_subtle="#6f777b",
    colors=("#005a9c", "#d4351c", "#00703c", "#f47738", "#4c2c92", "#b58840"),
    font_family=CHART_FONTS,
)
COMMON = {
    "js": [],  # no external or inline script: the pages load nothing from another host
    "style": STYLE,
    "width": 640,
    "height": 320,
    "explicit_size": True,
    "legend_at_bottom": True,
    "print_values": False,
    "show_minor_x_labels": True,
}


def indicator_chart(item: dict) -> bytes:
    """Values over time against the target (and the baseline) for one centre indicator."""
    chart = pygal.Line(title=str(item["indicator"].name), dots_size=4, **COMMON)
    labels = [str(item["baseline_year"])] + [f"{end:%Y-%m}" for end, _v in item["points"]]
    chart.x_labels = labels
    values = [float(item["baseline"])] + [float(v) for _e, v in item["points"]]
    chart.add(str(_label("Values")), values)
    chart.add(str(_label("Target")), [float(item["target"])] * len(labels), show_dots=False)
    return _render(chart)


def bar_chart(title: str, rows: list[tuple[str, float]]) -> bytes:
    chart = pygal.HorizontalBar(title=title, show_legend=False, **COMMON)
    chart.y_labels = integer_ticks([v for _l, v in rows])
    chart.x_labels = [str(label) for label, _v in rows]
    chart.add(title, [float(v) for _l, v in rows])
    return _render(chart)


SCRIPT = re.compile(rb"<script.*?</script>", re.S)
# pygal gives each axis guide a <title> holding its raw position ("0.0714285…"): noise for
# screen readers and tooltips.
NUMBER_TITLE = re.compile(rb"<title>-?[\d.]+(?:e-?\d+)?</title>")


def _render(chart) -> bytes:
    # Even with js=[] pygal writes an inline config script; the chart needs none of it.
    svg = NUMBER_TITLE.sub(b"", SCRIPT.sub(b"", chart.render()))
    return localise_svg(svg.decode()).encode()


def integer_ticks(values) -> list[int] | None:
    """Whole-number ticks (0, 1, 2… or 0, 5, 10…) when every value is a count; None lets
    pygal choose for measures such as days or scores."""
    values = [float(v) for v in values]
    if not values or any(v != int(v) or v < 0 for v in values):
        return None
    top = max(int(max(values)), 1)
    steps = [m * 10**e for e in range(12) for m in (1, 2, 5)]
    step = next(s for s in steps if top / s <= 10)
    last = -(-top // step) * step
    return list(range(0, last + 1, step))


def svg_response(svg: bytes) -> HttpResponse:
    response = HttpResponse(svg, content_type="image/svg+xml")
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    return response


def csv_response(filename: str, header: list[str], rows) -> HttpResponse:
    """A chart's figures as CSV, through alliance/core/spreadsheets.py (BOM, translated
    header, formula-like cells neutralised)."""
    return spreadsheets.csv_response(filename, chain([header], rows))


def _label(text: str):
    from django.utils.translation import gettext

    return {"Values": gettext("Values"), "Target": gettext("Target")}[text]


def stacked_chart(title: str, labels: list[str], series: list[tuple[str, list[float]]]) -> bytes:
    # One legend row per series, never truncated ("Innovation and entrepreneurship centre"
    # in full), the chart taller by as many rows.
    options = {**COMMON, "height": COMMON["height"] + 22 * len(series)}
    chart = pygal.HorizontalStackedBar(
        title=title, truncate_legend=-1, legend_at_bottom_columns=1, **options
    )
    totals = [sum(values[i] or 0 for _n, values in series) for i in range(len(labels))]
    chart.y_labels = integer_ticks(totals)
    chart.x_labels = labels
    for name, values in series:
        chart.add(name, values)
    return _render(chart)
