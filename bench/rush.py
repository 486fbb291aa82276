#!/usr/bin/env python
"""Deadline day: N applicants save their sections and submit within a minute.

`make bench-rush` (or `python bench/rush.py`) builds a fresh database with one open call
and N applicants (default 300), each with an organisation, a draft application and a
session of their own, starts gunicorn with production settings and lets every applicant,
on their own connection, save the three sections of their application (the centre twice:
the second save must win) and submit, all within `--seconds`. Then it checks, in the
database, that every submitted application has exactly one submission event and one
revision, that no draft lost its last save and that nothing was written twice.

`--deadline-mid` puts the call's deadline in the middle of the rush: a save answered
before the deadline must have been accepted, a save sent after it must have been refused
with the deadline message; the few in flight at that second may go either way (counted).

`--readers K` adds K readers who load signed-in pages throughout the rush: the secretariat
watching the call's applications come in, its staff call list and its inbox, and applicants
reloading their own application. Every save moves the database's version, so these reads
find no kept page (ADR 0030) and show what signed-in pages cost under writes.

The report goes to bench/results/rush-<database>[-deadline][-readers].md.
"""

import argparse
import http.client
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEADLINE_MESSAGE = "The deadline for this call was"
SECTIONS = ("centre", "initiatives", "resources")


def server_env(database_url: str) -> dict:
    from joserfc.jwk import OKPKey

    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "bench-" + "x" * 60,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SITE_URL": "https://bench.alliance.example",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "LOG_LEVEL": "WARNING",
        "REQUIRE_STAFF_MFA": "false",
        "CREDENTIAL_SIGNING_KEY": os.environ.get("CREDENTIAL_SIGNING_KEY")
        or json.dumps(OKPKey.generate_key("Ed25519").as_dict(private=True)),
    }


# -- inside Django (subprocesses) ----------------------------------------------------------


def setup(n: int, closes_in: float) -> dict:
    """The call, N applicants with a draft each, their session cookies (JSON-able)."""
    from datetime import timedelta

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.utils import timezone
    from django.utils.crypto import get_random_string

    from alliance.accounts.models import Membership, MembershipRole, Organisation, User
    from alliance.calls import services
    from alliance.calls.models import Call, WhoMayApply
    from alliance.calls.states import CallStatus
    from alliance.centres.models import CentreType
    from alliance.core.models import Country

    now = timezone.now()
    call = Call.objects.create(
        reference=f"rush-{now:%H%M%S}",
        title={"en": "Deadline-day call"},
        summary={"en": "Rush"},
        text={"en": "Rush"},
        scopes=["regional", "national"],
        status=CallStatus.OPEN,
        who_may_apply=WhoMayApply.ANY,
        opens_at=now - timedelta(days=30),
        closes_at=now + timedelta(seconds=closes_in),
        published_at=now - timedelta(days=30),
        target_reviews=3,
    )
    types = list(CentreType.objects.all())
    call.centre_types.set(types)
    country = Country.objects.first().code.code
    backend = settings.AUTHENTICATION_BACKENDS[0]
    applicants = []
    for i in range(n):
        user = User.objects.create_user(f"rush-{call.pk}-{i:04d}@bench.alliance.test")
        org = Organisation.objects.create(
            name=f"Rush {call.pk} org {i:04d}", country=country, kind="regulator"
        )
        Membership.objects.create(user=user, organisation=org, role=MembershipRole.FOCAL_POINT)
        application = services.application_start(call_id=call.pk, organisation=org, actor=user)
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = backend
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        csrf = get_random_string(32)
        applicants.append(
            {
                "application": application.pk,
                "cookie": f"{settings.SESSION_COOKIE_NAME}={session.session_key}; "
                f"{settings.CSRF_COOKIE_NAME}={csrf}",
                "csrf": csrf,
            }
        )
    from django.contrib.auth.models import Group

    from alliance.accounts.roles import StaffRole

    officer = User.objects.create_user(f"rush-{call.pk}-secretariat@bench.alliance.test")
    officer.groups.add(Group.objects.get(name=StaffRole.SECRETARIAT.value))
    session = SessionStore()
    session[SESSION_KEY] = str(officer.pk)
    session[BACKEND_SESSION_KEY] = backend
    session[HASH_SESSION_KEY] = officer.get_session_auth_hash()
    session.create()
    return {
        "call": call.pk,
        "secretariat_cookie": f"{settings.SESSION_COOKIE_NAME}={session.session_key}",
        "closes_at": call.closes_at.timestamp(),
        "centre_type": types[0].pk,
        "applicants": applicants,
    }


def move_deadline(call_id: int, timestamp: float) -> int:
    from datetime import datetime

    from alliance.calls.models import Call

    # A fixture of the benchmark, not a transition: the call stays open, its deadline moves.
    return Call.objects.filter(pk=call_id).update(
        closes_at=datetime.fromtimestamp(timestamp, tz=UTC)
    )


def check(call_id: int, expected: dict) -> dict:
    """The database after the rush, against what the clients were told."""
    from django.contrib.contenttypes.models import ContentType

    from alliance.calls.models import Application, ApplicationRevision
    from alliance.calls.states import ApplicationStatus
    from alliance.core.models import AuditEvent

    apps = {a.pk: a for a in Application.objects.filter(call_id=call_id)}
    kind = ContentType.objects.get_for_model(Application)
    events: dict[str, int] = {}
    for object_id in AuditEvent.objects.filter(
        content_type=kind, object_id__in=[str(pk) for pk in apps], verb="application.submitted"
    ).values_list("object_id", flat=True):
        events[object_id] = events.get(object_id, 0) + 1
    revisions: dict[int, int] = {}
    for pk in ApplicationRevision.objects.filter(application__call_id=call_id).values_list(
        "application_id", flat=True
    ):
        revisions[pk] = revisions.get(pk, 0) + 1
    problems = []
    submitted = 0
    for pk, a in apps.items():
        told = expected.get(str(pk), {})
        is_submitted = a.status == ApplicationStatus.SUBMITTED
        submitted += is_submitted
        if told.get("submitted") and not is_submitted:
            problems.append(f"{pk}: told submitted, is {a.status}")
        if is_submitted and (events.get(str(pk), 0) != 1 or revisions.get(pk, 0) != 1):
            problems.append(
                f"{pk}: {events.get(str(pk), 0)} submission events, {revisions.get(pk, 0)} revisions"
            )
        if not is_submitted and events.get(str(pk)):
            problems.append(f"{pk}: a submission event but status {a.status}")
        for field, value in told.get("saved", {}).items():
            if getattr(a, field) != value:
                problems.append(f"{pk}: {field} lost its last save")
    duplicates = len(apps) - len({a.organisation_id for a in apps.values()})
    return {
        "applications": len(apps),
        "submitted": submitted,
        "duplicates": duplicates,
        "problems": problems[:20],
        "problem_count": len(problems),
    }


def _in_django(code: str, env: dict, payload=None):
    out = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        input=json.dumps(payload) if payload is not None else None,
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


# -- the clients --------------------------------------------------------------------------


class Applicant(threading.Thread):
    def __init__(self, port, start_at, think, data, me, index, results, lock):
        super().__init__(daemon=True)
        self.port, self.start_at, self.think = port, start_at, think
        self.data, self.me, self.index = data, me, index
        self.results, self.lock = results, lock
        self.saved: dict[str, str] = {}
        self.submitted = False

    def post(self, path: str, fields: dict, kind: str):
        body = urlencode({"csrfmiddlewaretoken": self.me["csrf"], **fields})
        started = time.time()
        status, text = 0, ""
        try:
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            conn.request(
                "POST",
                path,
                body=body,
                headers={
                    "Cookie": self.me["cookie"],
                    "Content-Type": "application/x-www-form-urlencoded",
                },
            )
            response = conn.getresponse()
            status, text = response.status, response.read().decode("utf-8", "replace")
            conn.close()
        except OSError as exc:
            text = f"connection: {exc}"
        ended = time.time()
        with self.lock:
            self.results.append((kind, started, ended, status, DEADLINE_MESSAGE in text))
        return status, text

    def run(self):
        time.sleep(max(0.0, self.start_at - time.time()))
        pk = self.me["application"]
        base = f"/en/calls/applications/{pk}/"
        steps = [
            (
                "centre",
                {
                    "proposed_centre_type": self.data["centre_type"],
                    "proposed_scope": "national",
                    "host_institution": f"Host {self.index} first",
                },
            ),
            ("initiatives", {"flagship_initiatives": f"Initiatives of {self.index}"}),
            (
                "resources",
                {
                    "human_resources_plan": f"People of {self.index}",
                    "financial_resources_plan": f"Money of {self.index}",
                },
            ),
            (
                "centre",
                {
                    "proposed_centre_type": self.data["centre_type"],
                    "proposed_scope": "national",
                    "host_institution": f"Host {self.index} second",
                },
            ),
        ]
        for section, fields in steps:
            status, _text = self.post(f"{base}section/{section}/", fields, "save")
            if status == 302:
                self.saved.update(
                    {k: v for k, v in fields.items() if k not in ("proposed_centre_type",)}
                )
            time.sleep(self.think * random.random())
        status, _text = self.post(f"{base}check/", {}, "submit")
        self.submitted = status == 302


class Reader(threading.Thread):
    """Loads its pages in turn, with a short pause, until `stop_at`."""

    def __init__(self, port, start_at, stop_at, pages, cookie, results, lock):
        super().__init__(daemon=True)
        self.port, self.start_at, self.stop_at = port, start_at, stop_at
        self.pages, self.cookie = pages, cookie
        self.results, self.lock = results, lock

    def run(self):
        time.sleep(max(0.0, self.start_at - time.time()))
        turn = 0
        while time.time() < self.stop_at:
            label, path = self.pages[turn % len(self.pages)]
            turn += 1
            started, status = time.time(), 0
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
                conn.request("GET", path, headers={"Cookie": self.cookie})
                response = conn.getresponse()
                response.read()
                status = response.status
                conn.close()
            except OSError:
                pass
            with self.lock:
                self.results.append((f"read: {label}", started, time.time(), status, False))
            time.sleep(0.5 * random.random())


def readers_for(data: dict, count: int, port, begin, stop_at, results, lock) -> list:
    call = data["call"]
    staff_pages = [
        ("secretariat: the call's applications", f"/en/calls/staff/{call}/applications/"),
        ("secretariat: staff call list", "/en/calls/staff/"),
        ("secretariat: inbox", "/en/notifications/"),
    ]
    readers = []
    for i in range(count):
        if i % 2 == 0:
            pages, cookie = staff_pages, data["secretariat_cookie"]
        else:
            me = data["applicants"][-(i + 1)]
            pages = [("applicant: own application", f"/en/calls/applications/{me['application']}/")]
            cookie = me["cookie"]
        readers.append(Reader(port, begin, stop_at, pages, cookie, results, lock))
    return readers


def percentile(values, p):
    if not values:
        return 0.0
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", default=f"sqlite:///{ROOT / 'var' / 'rush.sqlite3'}")
    parser.add_argument("--applicants", type=int, default=300)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--deadline-mid", action="store_true")
    parser.add_argument("--readers", type=int, default=0)
    args = parser.parse_args()
    (ROOT / "var").mkdir(exist_ok=True)
    env = server_env(args.database_url)
    manage = [sys.executable, str(ROOT / "manage.py")]
    # Production settings serve hashed static files: a page drawn (a refused save, a
    # reader's page) needs the manifest, which a fresh checkout does not have.
    for command in (
        ["migrate", "--no-input", "-v0"],
        ["load_reference_data"],
        ["collectstatic", "--no-input", "-v0"],
    ):
        subprocess.run(
            [*manage, *command], env=env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL
        )
    data = _in_django(
        "from bench.rush import setup; import json; "
        f"print(json.dumps(setup({args.applicants}, 7200)))",
        env,
    )
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    # Deadline day meets a server that has been running: wait until every worker has
    # loaded (and warmed, config/wsgi.py) the application before the first applicant.
    ready = ROOT / "var" / f"rush-ready-{port}"
    ready.unlink(missing_ok=True)
    hook = ROOT / "var" / "rush_gunicorn_conf.py"
    hook.write_text(
        "def post_worker_init(worker):\n"
        f"    with open({str(ready)!r}, 'a') as f:\n"
        "        f.write('ready\\n')\n"
    )
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi",
            "--config",
            str(hook),
            "--workers",
            str(args.workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            "--timeout",
            "120",
        ],
        env=env,
        cwd=ROOT,
    )
    results: list[tuple] = []
    lock = threading.Lock()
    try:
        for _ in range(600):
            if ready.exists() and len(ready.read_text().split()) >= args.workers:
                break
            time.sleep(0.2)
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.2)
        time.sleep(1)
        begin = time.time() + 2
        deadline = data["closes_at"]
        if args.deadline_mid:  # the deadline moves to the middle of the window
            deadline = begin + args.seconds / 2
            _in_django(
                "from bench.rush import move_deadline; "
                f"print(move_deadline({data['call']}, {deadline}))",
                env,
            )
        # Everyone starts within the first 70% of the window; four saves with up to
        # 2 s to think between them, then the submission.
        clients = [
            Applicant(
                port, begin + random.random() * args.seconds * 0.7, 2.0, data, me, i, results, lock
            )
            for i, me in enumerate(data["applicants"])
        ]
        readers = readers_for(data, args.readers, port, begin, begin + args.seconds, results, lock)
        time.sleep(max(0.0, begin - time.time()))
        for c in [*clients, *readers]:
            c.start()
        for c in [*clients, *readers]:
            c.join(timeout=args.seconds + 180)
        wall = max(r[2] for r in results) - min(r[1] for r in results)
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    expected = {
        str(c.me["application"]): {"submitted": c.submitted, "saved": c.saved} for c in clients
    }
    consistency = _in_django(
        f"from bench.rush import check; import json, sys; "
        f"print(json.dumps(check({data['call']}, json.load(sys.stdin))))",
        env,
        expected,
    )

    def ms(kind, accepted=None):
        rows = [r for r in results if r[0] == kind]
        if accepted is not None:
            rows = [r for r in rows if (r[3] == 302) == accepted]
        return [(r[2] - r[1]) * 1000 for r in rows]

    errors = [r for r in results if r[3] >= 500 or r[3] == 0 or r[3] in (403, 404)]
    early_refused = late_accepted = in_flight = unclear = 0
    for kind, started, ended, status, deadline_said in results:
        if kind.startswith("read") or status not in (200, 302):
            continue
        if ended < deadline:
            # Answered before the deadline: must be accepted (a submission too).
            early_refused += status != 302
        elif started >= deadline:
            late_accepted += status == 302
            unclear += status == 200 and not deadline_said
        else:
            in_flight += 1
    saves, submits = ms("save"), ms("submit")
    db = "sqlite" if args.database_url.startswith("sqlite") else "postgres"
    name = (
        f"rush-{db}{'-deadline' if args.deadline_mid else ''}"
        f"{'-readers' if args.readers else ''}.md"
    )
    lines = [
        f"# Deadline-day rush {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        f"database: {args.database_url.split('@')[-1]}; {args.applicants} applicants, "
        f"{args.seconds}s window, {args.readers} readers, gunicorn {args.workers} workers, "
        f"{os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.1f} at the end",
        "",
        f"- requests: {len(results)} in {wall:.1f}s = {len(results) / wall:.1f} req/s",
        f"- saves: {len(saves)}, p50 {statistics.median(saves):.0f} ms, "
        f"p99 {percentile(saves, 99):.0f} ms, max {max(saves):.0f} ms",
        f"- submits: {len(submits)}, p50 {statistics.median(submits):.0f} ms, "
        f"p99 {percentile(submits, 99):.0f} ms, max {max(submits):.0f} ms",
        f"- errors (5xx, 403, 404, connection): **{len(errors)}** "
        f"(by status, 0 = no answer in 60 s: "
        f"{dict(sorted(__import__('collections').Counter(r[3] for r in errors).items()))})",
        f"- refused although answered before the deadline: **{early_refused}**",
    ]
    if args.deadline_mid:
        lines += [
            f"- accepted although sent after the deadline: **{late_accepted}**",
            f"- refused after the deadline without the deadline message: **{unclear}**",
            f"- in flight at the deadline (either answer is right): {in_flight}",
            f"- saves refused after the deadline: {len(ms('save', False))}, submissions "
            f"refused: {len(ms('submit', False))}",
        ]
    read_kinds = sorted({r[0] for r in results if r[0].startswith("read")})
    if read_kinds:
        lines += ["", "| signed-in page read during the rush | reads | p50 ms | p99 ms | not 200 |"]
        lines += ["|---|---:|---:|---:|---:|"]
    for kind in read_kinds:
        rows = [r for r in results if r[0] == kind]
        took = [(r[2] - r[1]) * 1000 for r in rows]
        lines.append(
            f"| {kind[6:]} | {len(rows)} | {statistics.median(took):.0f} | "
            f"{percentile(took, 99):.0f} | {sum(r[3] != 200 for r in rows)} |"
        )
    if read_kinds:
        lines.append("")
    lines += [
        f"- consistency: {consistency['applications']} applications, "
        f"{consistency['submitted']} submitted, duplicates **{consistency['duplicates']}**, "
        f"problems (lost save, not exactly one submission event and revision) "
        f"**{consistency['problem_count']}**",
    ]
    lines += [f"  - {p}" for p in consistency["problems"]]
    # The raw timings, for a look at the slow ones (start, end, status per request).
    (ROOT / "var" / f"{name[:-3]}.json").write_text(json.dumps(results))
    report = "\n".join(lines)
    print(report)
    (ROOT / "bench" / "results" / name).write_text(report + "\n")
    unread = sum(r[3] != 200 for r in results if r[0].startswith("read"))
    ok = not errors and not unread and not early_refused and not late_accepted and not unclear
    return 0 if ok and not consistency["problem_count"] and not consistency["duplicates"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
