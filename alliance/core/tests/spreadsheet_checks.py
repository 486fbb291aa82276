"""Read a downloaded CSV or XLSX back the way a spreadsheet program would, for the
formula-injection tests of every export (alliance/core/spreadsheets.py)."""

import csv
import io

from openpyxl import load_workbook

EVIL = '=HYPERLINK("http://evil.test","click")'


def csv_rows(content: bytes) -> list[list[str]]:
    text = content.decode("utf-8")
    assert text.startswith("\ufeff"), "a CSV starts with a UTF-8 byte-order mark"
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


def xlsx_cells(content: bytes) -> list:
    sheet = load_workbook(io.BytesIO(content)).active
    return [cell for row in sheet.iter_rows() for cell in row]


def assert_csv_neutralised(content: bytes, evil: str = EVIL) -> list[list[str]]:
    rows = csv_rows(content)
    cells = [c for row in rows for c in row]
    assert "'" + evil in cells, "the formula-like cell is there, behind an apostrophe"
    assert evil not in cells, "no cell starts with the formula"
    return rows


def assert_xlsx_neutralised(content: bytes, evil: str = EVIL) -> list:
    cells = xlsx_cells(content)
    hits = [c for c in cells if c.value == evil]
    assert hits, "the name is there, as typed"
    assert all(c.data_type == "s" for c in hits), "a string cell, never a formula"
    assert not [c for c in cells if c.data_type == "f"], "no formula anywhere in the sheet"
    return cells
