"""The CI fuzzing run (scripts/fuzz_api, ADR 0024) reaches every operation for every persona:
in depth where the persona's token gets through, in a short pass elsewhere."""

import importlib.util
import json
import re
from pathlib import Path

from config.api import api

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "fuzz_api_scope.py"
PERSONAS = ["anonymous", "applicant", "reviewer", "secretariat", "director"]


def _scope_module():
    spec = importlib.util.spec_from_file_location("fuzz_api_scope", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_persona_fuzzes_every_operation_once_and_the_staff_routes_in_depth():
    scope = _scope_module()
    document = json.loads(json.dumps(api.get_openapi_schema(path_prefix="")))
    every = sorted(op["operationId"] for op in scope.operations(document))
    staff = {op["operationId"] for op in scope.operations(document) if scope._staff(op)}
    public = {op["operationId"] for op in scope.operations(document) if scope._public(op)}
    seen = {persona: [] for persona in PERSONAS}
    deep = {persona: set() for persona in PERSONAS}
    for persona, part, _phases, _count, regex in (
        line.split("\t") for line in scope.runs(document, 25, 2, PERSONAS)
    ):
        matched = [i for i in every if re.match(regex, i)]
        seen[persona] += matched
        if part.startswith("deep"):
            deep[persona].update(matched)
    for persona in PERSONAS:
        assert sorted(seen[persona]) == every, persona  # each operation exactly once
    assert deep["anonymous"] == public
    assert staff and staff <= deep["secretariat"] and deep["director"] == staff
    assert not deep["applicant"] & (staff | public) and deep["reviewer"] == deep["applicant"]
