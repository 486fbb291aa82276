"""Open-data files: CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the
accents; formula-like cells neutralised) and JSON, each with its licence
(settings.OPEN_DATA_LICENCE) and date. docs/decisions/0014-open-data.md."""

import csv
import json
from datetime import date, datetime

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse

BOM = "\ufeff"


def licence() -> dict:
    return settings.OPEN_DATA_LICENCE


def safe_cell(value) -> str:
    """A spreadsheet runs a cell starting with = + - @ as a formula: prefix an apostrophe,
    unless the cell is a number ("-3.5")."""
    if isinstance(value, list | tuple):
        value = " ".join(str(v) for v in value)
    text = "" if value is None else str(value)
    if text[:1] in ("=", "+", "-", "@"):
        try:
            float(text)
        except ValueError:
            return "'" + text
    return text


def csv_response(filename: str, columns: list[str], rows, *, header=None) -> HttpResponse:
    """`header`: the first row people read (translated labels); the columns' keys if None."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write(BOM)
    writer = csv.writer(response)
    writer.writerow(header or columns)
    for row in rows:
        writer.writerow([safe_cell(row.get(c)) for c in columns])
    return response


def json_response(
    filename: str, key: str, rows, *, updated: date | datetime | None = None, **extra
) -> HttpResponse:
    body = {"licence": licence(), "updated": updated, **extra, key: list(rows)}
    response = HttpResponse(
        json.dumps(body, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
