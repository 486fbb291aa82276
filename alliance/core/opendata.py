"""Open-data files: CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the
accents; formula-like cells neutralised) and JSON, each with its licence
(settings.OPEN_DATA_LICENCE) and date. docs/decisions/0014-open-data.md."""

import json
from datetime import date, datetime
from itertools import chain

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse

from . import spreadsheets


def licence() -> dict:
    return settings.OPEN_DATA_LICENCE


def csv_response(filename: str, columns: list[str], rows, *, header=None) -> HttpResponse:
    """`rows`: dicts; `header`: the first row people read (translated labels), the columns'
    keys if None. Written by alliance/core/spreadsheets.py (BOM, formulas neutralised)."""
    return spreadsheets.csv_response(
        filename, chain([header or columns], spreadsheets.dict_rows(columns, rows))
    )


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
