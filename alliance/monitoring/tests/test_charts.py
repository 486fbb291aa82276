"""Charts read cleanly: whole-number ticks on counts, legends in full, no stray titles."""

import re

from alliance.monitoring.charts import bar_chart, stacked_chart

TICK = re.compile(r'<text x="[\d.]+" y="[\d.]+" class="[a-z]*">([\d.]+)</text>')


def test_a_count_chart_ticks_at_whole_numbers():
    bars = bar_chart("Requests by type", [("Policy", 1), ("Testing", 1)]).decode()
    assert TICK.findall(bars) == ["0", "1"]


def test_a_measure_chart_keeps_its_decimal_ticks():
    bars = bar_chart("Days to deliver", [("Policy", 1.5)]).decode()
    assert "0.5" in TICK.findall(bars)


def test_a_stacked_chart_shows_long_legends_in_full_and_no_number_titles():
    long_name = "Innovation and entrepreneurship centre"
    svg = stacked_chart("Centres", ["AFR", "EUR"], [(long_name, [1, 2]), ("Lab", [0, 3])]).decode()
    assert f">{long_name}</text>" in svg
    assert re.findall(r"<title>([^<]*)</title>", svg) == ["Centres"]
    assert TICK.findall(svg) == ["0", "1", "2", "3", "4", "5"]
