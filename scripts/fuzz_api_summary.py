"""One line per schemathesis run of scripts/fuzz_api, from its JSON report, appended to
var/fuzz/summary.tsv too; exits 1 when the run found a failure or an error."""

import json
import sys
from pathlib import Path

database, persona, report_path, seconds, summary_path = sys.argv[1:6]
report = json.loads(Path(report_path).read_text())
operations = report["operations"]
cases = report["test_cases"]
failures = len(report["failures"]) + cases["with_failures"]
errors = len(report["errors"]) + cases["errored"] + operations["errored"]
line = (
    f"{database}\t{persona}\t{operations['tested']}/{operations['total']} operations\t"
    f"{cases['generated']} cases\t{cases['with_failures']} failing\t{errors} errors\t{seconds} s"
)
print("   " + line.replace("\t", "  "))
with Path(summary_path).open("a") as summary:
    summary.write(line + "\n")
sys.exit(1 if failures or errors or report["exit_code"] else 0)
