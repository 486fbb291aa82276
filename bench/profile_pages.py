#!/usr/bin/env python
"""What each signed-in page costs, in numbers that do not depend on the machine's load.

Wall-clock timings on a shared machine say more about the neighbours than about the page,
so this renders every signed-in page of the benchmark (bench/run.py's personas, floor,
everyday and staff pages, and the apps' `bench_signed_in_pages()`) in-process with the
Django test client, as a long-running worker would (warmed once: the process caches
filled), and reports per page:

- SQL queries of one request;
- Python function calls of one request (cProfile's total, primitive and recursive), a
  count that is the same on an idle and on a loaded machine;
- the functions with the largest cumulative share of those calls (`--top`).

    nice uv run --frozen python bench/profile_pages.py --database-url sqlite:////tmp/bench.sqlite3
    ... --only audit,ranking --top 15 --json before.json
    ... --compare before.json        # adds the "before" columns to the table

The database must be seeded already (bench/run.py without --skip-seed, or `--seed` here).
"""

import argparse
import cProfile
import io
import json
import os
import pstats
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Staff pages added after the benchmark's list, each with the persona that loads it.
NEWER_STAFF = [
    ("/en/staff/itu-list/", "accounts: ITU list", "secretariat"),
    ("/en/staff/waiting/", "accounts: waiting people", "secretariat"),
    ("/en/staff/security/", "accounts: security", "director"),
    ("/en/centres/manage/costs/", "centres: cost model", "secretariat"),
    ("/en/monitoring/lessons/desk/", "monitoring: lessons desk", "secretariat"),
    ("/en/lab/agreements/", "lab: agreements", "secretariat"),
]


def environment(database_url: str) -> dict:
    env = {
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "bench-" + "x" * 60,
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "SITE_URL": "https://bench.alliance.example",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "DEBUG": "false",
        "LOG_LEVEL": "WARNING",
        "REQUIRE_STAFF_MFA": "false",
    }
    if not os.environ.get("CREDENTIAL_SIGNING_KEY"):
        from joserfc.jwk import OKPKey

        env["CREDENTIAL_SIGNING_KEY"] = json.dumps(
            OKPKey.generate_key("Ed25519").as_dict(private=True)
        )
    return env


def seed(env: dict) -> None:
    manage = [sys.executable, str(ROOT / "manage.py")]
    full = {**os.environ, **env}
    for command in (["migrate", "--no-input", "-v0"], ["load_reference_data"], ["seed_demo"]):
        subprocess.run([*manage, *command], env=full, check=True, cwd=ROOT)
    code = "import django; django.setup(); from bench.seed import seed; seed()"
    subprocess.run([sys.executable, "-c", code], env=full, check=True, cwd=ROOT)


def pages() -> list[tuple[str, str, str]]:
    from bench.pages import signed_in_pages
    from bench.run import PERSONAS, signed_in_rows

    rows = signed_in_rows() + list(signed_in_pages())
    rows += [(path, f"{label} ({who})", PERSONAS[who]) for path, label, who in NEWER_STAFF]
    seen, unique = set(), []
    for row in rows:
        if (row[0], row[2]) not in seen:
            seen.add((row[0], row[2]))
            unique.append(row)
    return unique


def _name(key) -> str:
    filename, line, name = key
    where = filename.replace(str(ROOT) + "/", "")
    if "site-packages/" in where:
        where = where.split("site-packages/", 1)[1]
    return f"{where}:{line}({name})"


def _top(profile: cProfile.Profile, count: int) -> list[tuple[str, int, int]]:
    """(function, its calls, its share of the request's profiled time), largest share first.

    pstats keeps cumulative *time*, not the calls made under a function; shares of time
    are noisy on a loaded machine but their order is stable. The chain every request runs
    through (test client, handler, middleware: over 90 % each) is left out, so the list
    starts where the page's own work does."""
    stats = pstats.Stats(profile, stream=io.StringIO())
    total = sum(tt for _cc, _nc, tt, _ct, _callers in stats.stats.values()) or 1
    rows = []
    for key, (_cc, calls, _tt, cumtime, _callers) in stats.stats.items():
        share = 100 * cumtime / total
        if share < 90 and not key[0].startswith("~"):
            rows.append((share, _name(key), calls))
    rows.sort(reverse=True)
    return [(name, calls, round(share)) for share, name, calls in rows[:count]]


def measure(rows, top: int) -> list[dict]:
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.cold import forget_kept

    clients = {}
    results = []
    for path, label, email in rows:
        if email not in clients:
            clients[email] = Client(HTTP_HOST="127.0.0.1")
            clients[email].force_login(get_user_model().objects.get(email=email))
        client = clients[email]
        client.get(path)  # warm: imports, catalogs, the process caches a worker keeps
        forget_kept()  # the page as drawn, not a copy kept by ADR 0030
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(path)
        # Read now: the next request may drop the connection and its query log.
        queries = len(ctx.captured_queries)
        forget_kept()
        profile = cProfile.Profile()
        profile.enable()
        client.get(path)
        profile.disable()
        stats = pstats.Stats(profile, stream=io.StringIO())
        results.append(
            {
                "path": path,
                "label": label,
                "status": response.status_code,
                "queries": queries,
                "calls": stats.total_calls,
                "kb": round(len(response.content) / 1024),
                "top": _top(profile, top),
            }
        )
        print(
            f"{results[-1]['queries']:>4} q {stats.total_calls:>9,} calls  {label}",
            file=sys.stderr,
        )
    return results


def report(results: list[dict], before: dict | None, top: int) -> str:
    def key(r):
        return f"{r['path']}|{r['label']}"

    head = "| page | what | HTTP | KB | queries | calls |"
    rule = "|---|---|---:|---:|---:|---:|"
    if before:
        head = "| page | what | HTTP | KB | queries before | queries | calls before | calls |"
        rule = "|---|---|---:|---:|---:|---:|---:|---:|"
    lines = [head, rule]
    for r in results:
        flag = " **> 15 queries**" if r["queries"] > 15 else ""
        if before and key(r) in before:
            b = before[key(r)]
            lines.append(
                f"| `{r['path']}` | {r['label']}{flag} | {r['status']} | {r['kb']} "
                f"| {b['queries']} | {r['queries']} | {b['calls']:,} | {r['calls']:,} |"
            )
        elif before:
            lines.append(
                f"| `{r['path']}` | {r['label']}{flag} | {r['status']} | {r['kb']} "
                f"| – | {r['queries']} | – | {r['calls']:,} |"
            )
        else:
            lines.append(
                f"| `{r['path']}` | {r['label']}{flag} | {r['status']} | {r['kb']} "
                f"| {r['queries']} | {r['calls']:,} |"
            )
    if top:
        lines += ["", "## Largest cumulative costs per page", ""]
        for r in results:
            lines += [f"### {r['label']} `{r['path']}` ({r['calls']:,} calls)", ""]
            lines += [f"- {pct}% {name} ({calls:,} calls)" for name, calls, pct in r["top"]]
            lines.append("")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}")
    parser.add_argument("--seed", action="store_true", help="seed the database first")
    parser.add_argument("--only", help="comma-separated words the page's label must contain")
    parser.add_argument("--top", type=int, default=8, help="cumulative costs shown per page")
    parser.add_argument("--json", help="also write the raw results to this file")
    parser.add_argument("--compare", help="a --json file of an earlier run: before/after")
    parser.add_argument("--output", help="write the report to this file")
    args = parser.parse_args()
    os.environ.update(environment(args.database_url))
    if args.seed:
        seed(os.environ)
    # Production settings draw pages with the hashed static names of the manifest.
    manage = [sys.executable, str(ROOT / "manage.py"), "collectstatic", "--no-input", "-v0"]
    subprocess.run(manage, env=os.environ, check=True, cwd=ROOT)
    import django

    django.setup()
    rows = pages()
    if args.only:
        words = [w.strip() for w in args.only.split(",") if w.strip()]
        rows = [r for r in rows if any(w in r[1] or w in r[0] for w in words)]
    results = measure(rows, args.top)
    before = None
    if args.compare:
        before = {
            f"{r['path']}|{r['label']}": r for r in json.loads(Path(args.compare).read_text())
        }
    text = report(results, before, args.top)
    print(text)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))
    if args.output:
        Path(args.output).write_text(text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
