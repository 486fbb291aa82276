"""The API half of the matrix: every operation of the OpenAPI schema, called without a
token and with each persona's personal access token. Writes carry an empty body and run
in a transaction that is rolled back, so none of them can change anything."""

import json
import re

from config.api import api

from .api_targets import API_TARGETS
from .walk import (
    BOOKKEEPING,
    MISSING_PERSONAS,
    Persona,
    Row,
    case_label,
    resolve_kwargs,
    with_missing,
)


def schema_path(route: str) -> str:
    """ "api/v1/centres/<centre_id>" (a URL pattern) -> "/api/v1/centres/{centre_id}"."""
    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route)


def operations() -> list[tuple[str, str, dict]]:
    """(METHOD, path, operation) for every operation of the schema."""
    paths = api.get_openapi_schema()["paths"]
    return [(method.upper(), path, op) for path, ops in paths.items() for method, op in ops.items()]


def api_rows() -> tuple[dict[str, Row], list[str]]:
    rows, unmapped = {}, []
    for method, path, op in operations():
        params = [p for p in op.get("parameters", []) if p["in"] == "path"]
        ints = {p["name"] for p in params if p["schema"].get("type") == "integer"}
        name = f"{method} {path}"
        cases = API_TARGETS.get(path) if params else [{}]
        if not cases:
            unmapped.append(f"{name}  (operation {op['operationId']})")
            continue
        for case in cases:
            key = f"{name} [{case_label(case)}]" if case else name
            rows[key] = Row(name, path, case)
        if ints:
            absent = with_missing(cases[0], ints)
            rows[f"{name} [{case_label(absent)}]"] = Row(name, path, absent, missing=True)
    return rows, unmapped


def api_path(row: Row) -> str:
    values = resolve_kwargs(row.kwargs)
    return re.sub(r"{(\w+)}", lambda m: str(values[m.group(1)]), row.template)


def api_outcome(response, content: bytes) -> str:
    """The status, with the error code the API gives or, for a list, how many items."""
    words = str(response.status_code)
    try:
        body = json.loads(content) if content else None
    except ValueError:
        return words
    if isinstance(body, dict) and isinstance(body.get("code"), str):
        words += f" {body['code']}"
    elif response.status_code == 200 and isinstance(body, list):
        words += f" n={len(body)}"
    elif response.status_code == 200 and isinstance(body, dict) and "items" in body:
        words += f" n={body.get('count', len(body['items']))}"
    return words


def call(persona: Persona, row: Row) -> str:
    method, _path = row.name.split(" ", 1)
    extra = {"HTTP_AUTHORIZATION": f"Bearer {persona.token}"} if persona.token else {}
    if method != "GET":
        extra.update(data="{}", content_type="application/json")
    response, content = persona.ask(method.lower(), api_path(row), **extra)
    return api_outcome(response, content)


def walk_api(rows: dict[str, Row], personas: dict[str, Persona], writes: dict) -> dict:
    """{row key: {persona: answer}}; GET operations that wrote something land in `writes`."""
    observed = {}
    for key, row in rows.items():
        asked = MISSING_PERSONAS if row.missing else personas
        observed[key] = {}
        for p in asked:
            observed[key][p] = call(personas[p], row)
            if row.name.startswith("GET ") and personas[p].writes - BOOKKEEPING:
                writes.setdefault(key, {})[p] = sorted(personas[p].writes - BOOKKEEPING)
    return observed
