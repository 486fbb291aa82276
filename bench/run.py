#!/usr/bin/env python
"""Load pages of a real server with wrk and report throughput relative to /healthz."""

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGES = [
    ("/healthz", "liveness (reference)"),
    ("/en/", "home"),
    ("/fr/", "home (French)"),
    ("/en/centre-types/", "centre types"),
    ("/en/key-dates/", "key dates"),
    ("/api/v1/centre-types", "API centre types"),
    ("/readyz", "readiness (database)"),
]
# Apps add their public pages here with a `BENCH_PAGES` list in alliance/<app>/bench.py.


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wrk(url: str, seconds: int, connections: int) -> tuple[float, float, int]:
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    factor = {"us": 0.001, "ms": 1.0, "s": 1000.0}[p99.group(2)]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rps, float(p99.group(1)) * factor, int(errors.group(1)) if errors else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", default=f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--worker-class", default="sync", help="gunicorn worker class")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--skip-seed", action="store_true")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install wrk")
    (ROOT / "var").mkdir(exist_ok=True)
    env = {
        **os.environ,
        "DATABASE_URL": args.database_url,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "bench-" + "x" * 60,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "DEBUG": "false",
        "LOG_LEVEL": "WARNING",
    }
    if not env.get("CREDENTIAL_SIGNING_KEY"):
        from joserfc.jwk import OKPKey

        env["CREDENTIAL_SIGNING_KEY"] = __import__("json").dumps(
            OKPKey.generate_key("Ed25519").as_dict(private=True)
        )
    manage = [sys.executable, str(ROOT / "manage.py")]
    if not args.skip_seed:
        for command in (
            ["migrate", "--no-input", "-v0"],
            ["load_reference_data"],
            ["seed_demo"],
            ["collectstatic", "--no-input", "-v0"],
        ):
            subprocess.run(
                [*manage, *command], env=env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL
            )
        started = time.monotonic()
        subprocess.run(
            [
                sys.executable,
                "-c",
                "import django; django.setup(); from bench.seed import seed; seed()",
            ],
            env=env,
            check=True,
            cwd=ROOT,
        )
        print(f"seeded in {time.monotonic() - started:.0f}s")
    else:
        subprocess.run(
            [*manage, "collectstatic", "--no-input", "-v0"], env=env, check=True, cwd=ROOT
        )

    pages = list(PAGES)
    extra = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from bench.pages import extra_pages; "
            "print('\\n'.join(f'{u}\\t{l}' for u, l in extra_pages()))",
        ],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    pages += [tuple(line.split("\t", 1)) for line in extra.splitlines() if line.strip()]

    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi",
            "--workers",
            str(args.workers),
            "--worker-class",
            args.worker_class,
            "--threads",
            str(args.threads),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
    )
    try:
        for _ in range(50):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.2)
        base = f"http://127.0.0.1:{port}"
        rows = []
        for path, label in pages:
            subprocess.run(
                ["wrk", "-t2", f"-c{args.connections}", "-d2s", base + path], capture_output=True
            )  # warm up
            rps, p99, errors = wrk(base + path, args.seconds, args.connections)
            rows.append((path, label, rps, p99, errors))
        healthz = rows[0][2]
        lines = [
            f"# Benchmark {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
            f"database: {args.database_url.split('@')[-1]}; {args.connections} connections, "
            f"{args.seconds}s per page, gunicorn {args.workers} workers, {os.cpu_count()} cores",
            "",
            "| page | what | req/s | p99 ms | ratio to /healthz | non-2xx |",
            "|---|---|---:|---:|---:|---:|",
        ]
        for path, label, rps, p99, errors in rows:
            lines.append(
                f"| `{path}` | {label} | {rps:.0f} | {p99:.1f} | {rps / healthz:.2f} | {errors} |"
            )
        report = "\n".join(lines)
        print(report)
        results = ROOT / "bench" / "results"
        results.mkdir(exist_ok=True)
        (results / "latest.md").write_text(report + "\n")
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
