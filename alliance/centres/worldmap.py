"""The registry's world map: pygal_maps_world rendered to SVG on the server, no script."""

import re

from django.utils.translation import gettext as _
from pygal.style import Style
from pygal_maps_world.maps import World

from alliance.core.documents import CHART_FONTS, localise_svg

_DECIMALS = re.compile(r"(\d+\.\d)\d+")
# pygal always embeds its configuration as a script for its optional tooltips: drop it.
_SCRIPTS = re.compile(r"<script[^>]*>.*?</script>", re.DOTALL)


def world_map_svg(counts: dict[str, int]) -> str:
    style = Style(
        background="transparent",
        plot_background="transparent",
        colors=("#0b6a8f",),
        font_family=CHART_FONTS,
    )
    chart = World(
        js=[],
        style=style,
        show_legend=False,
        disable_xml_declaration=True,
        title=_("Acceleration centres per country"),
        tooltip_border_radius=0,
    )
    chart.add(_("Centres"), {code.lower(): n for code, n in counts.items()})
    svg = chart.render(is_unicode=True)
    # One decimal is plenty at this size and makes the file several times smaller.
    return localise_svg(_DECIMALS.sub(r"\1", _SCRIPTS.sub("", svg)))
