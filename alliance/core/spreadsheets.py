"""Every CSV and Excel file the platform hands out is written here, so that none of them
can carry a live formula into a reader's spreadsheet.

- A text cell that starts with = + - @, a tab or a carriage return is a formula to Excel,
  LibreOffice and Google Sheets (OWASP "CSV injection"): in CSV it gets a leading
  apostrophe; in XLSX it is written as a string cell (never a formula) marked quotePrefix.
  A real number ("-3.5", or an int) stays a number.
- CSVs start with a UTF-8 byte-order mark, so that spreadsheet programs read the accents.
- XLSX is written by openpyxl: numbers as numbers, dates and times as date cells (UTC).
- Headers are in the reader's language; `?header=keys` gives scripts the stable keys.
"""

import csv
import io
from datetime import UTC, date, datetime
from decimal import Decimal

from django.http import HttpResponse
from django.utils import timezone

BOM = "\ufeff"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def wants_keys(request) -> bool:
    return request is not None and request.GET.get("header") == "keys"


def header(keys, labels: dict, request=None) -> list[str]:
    """The first row: each key's label in the active language, or the keys themselves when
    the request asks for `?header=keys`."""
    if wants_keys(request):
        return [str(k) for k in keys]
    return [str(labels.get(key, key)) for key in keys]


def is_formula_like(text: str) -> bool:
    if not text.startswith(FORMULA_PREFIXES):
        return False
    try:
        float(text)
    except ValueError:
        return True
    return False  # "-3.5", "+2": a number, which a spreadsheet reads as such


def neutralise(text: str) -> str:
    """A text cell for CSV: an apostrophe before anything a spreadsheet would run."""
    return "'" + text if is_formula_like(text) else text


def _utc_naive(value: datetime) -> datetime:
    # Spreadsheets have no time zones; headers say "(UTC)".
    if timezone.is_aware(value):
        value = timezone.make_naive(value, UTC)
    return value


def _plain(value):
    """None, numbers, dates, or text (lists joined, lazy strings forced)."""
    if value is None or isinstance(value, bool):
        return "" if value is None else str(value)
    if isinstance(value, int | float | Decimal | date):
        return value
    if isinstance(value, list | tuple):
        return " ".join(str(v) for v in value)
    return str(value)


def csv_cell(value):
    value = _plain(value)
    if isinstance(value, datetime):
        return _utc_naive(value).isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return neutralise(value)
    return value


def write_csv(out, rows) -> None:
    out.write(BOM)
    writer = csv.writer(out)
    for row in rows:
        writer.writerow([csv_cell(v) for v in row])


def csv_bytes(rows) -> bytes:
    buffer = io.StringIO()
    write_csv(buffer, rows)
    return buffer.getvalue().encode("utf-8")


def csv_response(filename: str, rows) -> HttpResponse:
    """`rows`: the header row first, then the data rows (any iterable of sequences)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    write_csv(response, rows)
    return response


def dict_rows(columns, rows):
    """Rows given as dicts, in the order of `columns`."""
    for row in rows:
        yield [row.get(c) for c in columns]


def xlsx_bytes(rows, sheet_name: str = "Export") -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=False)
    sheet = book.active
    # Sheet names: at most 31 characters, none of []:*?/\
    sheet.title = "".join(c for c in str(sheet_name) if c not in "[]:*?/\\")[:31] or "Export"
    for r, row in enumerate(rows, start=1):
        for c, raw in enumerate(row, start=1):
            value = _plain(raw)
            cell = sheet.cell(row=r, column=c)
            if isinstance(value, str):
                cell.value = value
                # openpyxl makes any "=..." a formula; a string it must stay.
                cell.data_type = "s"
                if is_formula_like(value):
                    cell.quotePrefix = True
            elif isinstance(value, datetime):
                cell.value = _utc_naive(value)
                cell.number_format = "yyyy-mm-dd hh:mm"
            else:
                cell.value = value
                if isinstance(value, date):
                    cell.number_format = "yyyy-mm-dd"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def xlsx_response(filename: str, rows, sheet_name: str = "Export") -> HttpResponse:
    response = HttpResponse(xlsx_bytes(rows, sheet_name), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
