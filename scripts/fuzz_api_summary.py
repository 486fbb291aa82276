"""One line per persona of a scripts/fuzz_api database run, from the JSON reports of its
schemathesis runs (listed in runs.tsv: persona, part, seconds, report, exit status), appended
to summary.tsv too; exits 1 when any run found a failure or an error, or did not finish.

    python scripts/fuzz_api_summary.py DATABASE RUNS_TSV SUMMARY_TSV
"""

import json
import sys
from collections import defaultdict
from pathlib import Path

database, runs_path, summary_path = sys.argv[1:4]
totals = defaultdict(lambda: defaultdict(int))
for row in Path(runs_path).read_text().splitlines():
    persona, part, seconds, report_path, status = row.split("\t")
    total = totals[persona]
    total["seconds"] = max(total["seconds"], int(seconds))
    try:
        report = json.loads(Path(report_path).read_text())
    except (OSError, ValueError):
        print(f"   {persona} ({part}): no report (exit status {status})")
        total["errors"] += 1
        continue
    operations, cases = report["operations"], report["test_cases"]
    total["deep" if part.startswith("deep") else "rest"] += operations["tested"]
    total["selected"] += operations["selected"]
    total["cases"] += cases["generated"]
    total["failing"] += cases["with_failures"]
    total["failures"] += len(report["failures"])
    total["errors"] += len(report["errors"]) + cases["errored"] + operations["errored"]
    total["errors"] += 1 if report["exit_code"] and not report["failures"] else 0
    if not report.get("complete", True):
        total["errors"] += 1

failed = False
with Path(summary_path).open("a") as summary:
    for persona, t in totals.items():
        line = (
            f"{database}\t{persona}\t{t['deep']} deep + {t['rest']} short = "
            f"{t['deep'] + t['rest']}/{t['selected']} operations\t{t['cases']} cases\t"
            f"{t['failing']} failing\t{t['errors']} errors\t{t['seconds']} s"
        )
        print("   " + line.replace("\t", "  "))
        summary.write(line + "\n")
        failed = failed or bool(t["failing"] or t["failures"] or t["errors"])
sys.exit(1 if failed else 0)
