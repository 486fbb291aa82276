"""The one writer of CSV and XLSX files: nothing a spreadsheet would run gets through."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from alliance.core import spreadsheets

from .spreadsheet_checks import EVIL, assert_csv_neutralised, assert_xlsx_neutralised, csv_rows


@pytest.mark.parametrize("prefix", ["=", "+", "-", "@", "\t", "\r"])
def test_every_formula_prefix_is_neutralised_in_csv(prefix):
    assert (
        spreadsheets.neutralise(prefix + "cmd|' /C calc'!A0") == "'" + prefix + "cmd|' /C calc'!A0"
    )


def test_numbers_stay_numbers_and_plain_text_is_untouched():
    assert [spreadsheets.csv_cell(v) for v in ("-3.5", -2, Decimal("4.50"), "Dakar", None)] == [
        "-3.5",
        -2,
        Decimal("4.50"),
        "Dakar",
        "",
    ]
    assert spreadsheets.neutralise("+41 22 730 5111") == "'+41 22 730 5111"


def test_csv_has_a_bom_and_neutralised_cells():
    rows = assert_csv_neutralised(spreadsheets.csv_bytes([["name"], [EVIL], ["Université"]]))
    assert rows[2] == ["Université"]


def test_xlsx_writes_strings_never_formulas_dates_as_dates_numbers_as_numbers():
    content = spreadsheets.xlsx_bytes(
        [
            ["name", "when", "day", "score"],
            [EVIL, datetime(2026, 3, 1, 9, 30, tzinfo=UTC), date(2026, 3, 2), 4.25],
            ["-12", None, None, -3],
        ],
        "ranking",
    )
    cells = assert_xlsx_neutralised(content)
    by_ref = {c.coordinate: c for c in cells}
    assert by_ref["A2"].quotePrefix
    assert by_ref["B2"].is_date and by_ref["B2"].value == datetime(
        2026, 3, 1, 9, 30, tzinfo=UTC
    ).replace(tzinfo=None)
    assert by_ref["C2"].is_date
    assert by_ref["D2"].data_type == "n" and by_ref["D2"].value == 4.25
    assert by_ref["D3"].value == -3
    # A number typed as text stays text: no apostrophe needed, nothing runs.
    assert by_ref["A3"].value == "-12" and by_ref["A3"].data_type == "s"


def test_header_is_translated_unless_the_keys_are_asked_for(rf):
    labels = {"name": "Nom"}
    assert spreadsheets.header(["name"], labels, rf.get("/x")) == ["Nom"]
    assert spreadsheets.header(["name"], labels, rf.get("/x?header=keys")) == ["name"]
    assert csv_rows(spreadsheets.csv_bytes([["a"]])) == [["a"]]
