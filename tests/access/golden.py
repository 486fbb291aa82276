"""The golden file: tests/access/matrix.json, one line per row (a URL with its objects),
each line the answers of every persona asked. Diff-friendly: a change of access shows
as a changed line, and the test prints it cell by cell."""

import json
import os
from pathlib import Path

PATH = Path(__file__).with_name("matrix.json")
UPDATE = os.environ.get("UPDATE_ACCESS_MATRIX") == "1"
HOW_TO_UPDATE = "UPDATE_ACCESS_MATRIX=1 pytest tests/access"


def dumps(matrix: dict[str, dict[str, dict[str, str]]]) -> str:
    lines = ["{"]
    for s, section in enumerate(sorted(matrix)):
        lines.append(f"  {json.dumps(section)}: {{")
        rows = sorted(matrix[section])
        for r, row in enumerate(rows):
            cells = json.dumps(matrix[section][row], sort_keys=True, ensure_ascii=False)
            comma = "," if r < len(rows) - 1 else ""
            lines.append(f"    {json.dumps(row, ensure_ascii=False)}: {cells}{comma}")
        lines.append("  }," if s < len(matrix) - 1 else "  }")
    lines.append("}")
    return "\n".join(lines) + "\n"


def load() -> dict:
    if not PATH.exists():
        return {}
    return json.loads(PATH.read_text(encoding="utf-8"))


def save(matrix: dict) -> None:
    PATH.write_text(dumps(matrix), encoding="utf-8")


def differences(expected: dict, observed: dict, templates: dict[str, str]) -> list[str]:
    """One readable line per cell that changed: row, path template, persona, was -> now."""
    lines = []
    for section in sorted(set(expected) | set(observed)):
        was, now = expected.get(section, {}), observed.get(section, {})
        for row in sorted(set(was) | set(now)):
            where = f"{section}: {row}  ({templates.get(row, '?')})"
            if row not in was:
                lines.append(f"{where}: new row {now[row]}")
                continue
            if row not in now:
                lines.append(f"{where}: row gone (was {was[row]})")
                continue
            for persona in sorted(set(was[row]) | set(now[row])):
                before, after = was[row].get(persona, "-"), now[row].get(persona, "-")
                if before != after:
                    lines.append(f"{where}  {persona}: expected {before!r}, got {after!r}")
    return lines
