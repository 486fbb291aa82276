"""The schemathesis runs of scripts/fuzz_api for one database: one line per run, tab-separated:
persona, part, phases, examples, anchored regex of operation ids.

Each persona fuzzes in depth ("deep") the operations its token can reach, and every other
operation in a short pass ("rest", a few cases each) that checks the refusal (401, 403 or
404) is documented: deep cases there would all stop at that same refusal. The coverage phase
(the schema's boundary values, answered by input validation alike for anyone let through)
runs once per set of operations: the visitor's on the public routes, the applicant's on the
members' routes, the secretariat's on the staff routes; the reviewer, the Director and the
secretariat on the members' routes run fuzzing and stateful only. The longest runs come
first, so that the parallel runs end together.

    python scripts/fuzz_api_scope.py openapi.json EXAMPLES REST_EXAMPLES PERSONA...
"""

import json
import re
import sys
from pathlib import Path

METHODS = {"get", "post", "put", "patch", "delete"}


def _staff(operation) -> bool:
    return any(tag.endswith(": staff") for tag in operation.get("tags", ()))


def _public(operation) -> bool:
    return not operation.get("security")


def _member(operation) -> bool:
    return not _public(operation) and not _staff(operation)


# persona -> its deep runs: (part, operations, whether the coverage phase runs there). The
# staff routers are tagged "<app>: staff" (docs/api-actions.md); the rest of the
# authenticated API is what members use, and the secretariat acts there too (join requests,
# membership checks). The secretariat's two parts run in parallel; links stay within a part.
SCOPES = {
    "anonymous": [("deep", _public, True)],
    "applicant": [("deep", _member, True)],
    "reviewer": [("deep", _member, False)],
    "secretariat": [("deep staff", _staff, True), ("deep members", _member, False)],
    "director": [("deep", _staff, False)],
}


def operations(document: dict):
    for methods in document["paths"].values():
        for method, operation in methods.items():
            if method in METHODS:
                yield operation


def runs(document: dict, examples: int, rest_examples: int, personas: list[str]):
    planned = []
    for persona in personas:
        reached = set()
        for part, wanted, coverage in SCOPES[persona]:
            ids = [op["operationId"] for op in operations(document) if wanted(op)]
            reached.update(ids)
            phases = (
                "examples,coverage,fuzzing,stateful" if coverage else "examples,fuzzing,stateful"
            )
            planned.append(
                (len(ids) * (3 if coverage else 1), persona, part, phases, examples, ids)
            )
        rest = [
            op["operationId"] for op in operations(document) if op["operationId"] not in reached
        ]
        if rest:
            planned.append((len(rest) / 10, persona, "rest", "fuzzing", rest_examples, rest))
    for _cost, persona, part, phases, count, ids in sorted(planned, reverse=True):
        regex = "^(" + "|".join(re.escape(i) for i in ids) + ")$"
        yield f"{persona}\t{part}\t{phases}\t{count}\t{regex}"


if __name__ == "__main__":
    document = json.loads(Path(sys.argv[1]).read_text())
    for line in runs(document, int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]):
        print(line)
