"""Freezes who reaches what today, before authorization moves to one policy: every URL
pattern (GET) and every API operation, as every persona of the demo, against the golden
file tests/access/matrix.json; plus invariants that hold whatever that file says.

A change of access is either a bug or intended: if intended, rewrite the file with
`UPDATE_ACCESS_MATRIX=1 pytest tests/access` and commit it with the change."""

import pytest

from . import api_targets, api_walk, golden, objects, page_targets, policy, walk

# One worker walks the demo world for all four tests (pytest-xdist, ADR 0024): it is built
# once per worker that runs any of them, and takes minutes.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("access-world")]


def _templates(matrix) -> dict[str, str]:
    return {
        key: row.template for section in matrix["rows"].values() for key, row in section.items()
    }


def test_every_url_pattern_and_api_operation_is_walked(matrix):
    unmapped = matrix["unmapped"]
    assert not unmapped["pages"], (
        "These URL patterns take parameters but the access matrix does not know which demo "
        "objects to open them with. Add an entry to TARGETS in tests/access/page_targets.py "
        "(objects by natural key in tests/access/objects.py), then run "
        f"`{golden.HOW_TO_UPDATE}`:\n  " + "\n  ".join(unmapped["pages"])
    )
    assert not unmapped["api"], (
        "These API operations take parameters the access matrix cannot fill. Add an entry to "
        "API_TARGETS in tests/access/api_targets.py, then run "
        f"`{golden.HOW_TO_UPDATE}`:\n  " + "\n  ".join(unmapped["api"])
    )
    pages = {row.name for row in matrix["rows"]["pages"].values()}
    api = {row.template for row in matrix["rows"]["api"].values()}
    api_names = {row.name for row in matrix["rows"]["api"].values()}
    not_walked = [
        f"{p.name or '(no name)'}  {p.template}"
        for p in matrix["patterns"]
        if not walk.skip_reason(p)
        and p.name not in pages
        and api_walk.schema_path(p.template) not in api
    ]
    assert not not_walked, "URL patterns the matrix does not walk:\n  " + "\n  ".join(not_walked)
    operations = {f"{method} {path}" for method, path, _op in api_walk.operations()}
    assert operations <= api_names, f"API operations not called: {sorted(operations - api_names)}"
    stale = sorted(set(page_targets.TARGETS) - pages) + sorted(set(api_targets.API_TARGETS) - api)
    assert not stale, f"TARGETS / API_TARGETS name URLs that no longer exist: {stale}"
    rows = [row for section in matrix["rows"].values() for row in section.values()]
    unused = sorted(set(objects.OBJECTS) - {key for row in rows for key in row.refs})
    assert not unused, f"tests/access/objects.py has objects no URL opens: {unused}"
    unknown = sorted(policy.PUBLIC_OBJECTS - set(objects.OBJECTS))
    assert not unknown, f"policy.PUBLIC_OBJECTS names objects that do not exist: {unknown}"


def test_access_matrix_matches_the_golden_file(matrix):
    observed = matrix["observed"]
    if golden.UPDATE:
        golden.save(observed)
        pytest.skip(f"rewrote {golden.PATH.name}")
    expected = golden.load()
    assert expected, f"{golden.PATH} is missing: run `{golden.HOW_TO_UPDATE}`"
    changes = golden.differences(expected, observed, _templates(matrix))
    assert not changes, (
        f"Access changed in {len(changes)} cell(s) (row (path template) persona: expected, "
        f"got). If the change is intended, run `{golden.HOW_TO_UPDATE}` and commit "
        "tests/access/matrix.json with it.\n  " + "\n  ".join(changes)
    )


@pytest.mark.parametrize("check", list(policy.CHECKS))
def test_invariant(matrix, check):
    broken = [
        f"{section}: {key}  ({matrix['rows'][section][key].template})  {persona}: {answer}"
        for section, key, persona, answer in policy.CHECKS[check](
            matrix["rows"], matrix["observed"]
        )
        if (check, key, persona) not in policy.KNOWN
    ]
    assert not broken, f"{check}: {len(broken)} cell(s) break it\n  " + "\n  ".join(broken)


def test_no_get_writes_to_the_database(matrix):
    writes = matrix["writes"]
    assert not writes, "These GETs wrote to the database (rolled back here): " + "; ".join(
        f"{key} as {persona}: {tables}"
        for key, cells in writes.items()
        for persona, tables in cells.items()
    )
