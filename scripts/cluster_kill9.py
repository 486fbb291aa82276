"""Kill -9 one app server under load (run by scripts/cluster, which starts the servers).

N clients go through HAProxy with API tokens of the demo focal points, each a loop of
reads (public call list, own assistance requests), writes through the kernel (a technical
assistance request: one row, one audit event) and writes outside it (marking a message
read). Part-way through, server a's gunicorn master and workers get SIGKILL together (its
process group). Then it checks:

- the load went on: requests answered after the kill, all of them by server b;
- no write answered 2xx is missing: every acknowledged request exists with its text, every
  acknowledged "read" is read;
- every assistance request made during the run has exactly one audit event, and every
  such audit event has its request (including writes whose answer was lost in the kill:
  they either happened whole or not at all).

Prints the numbers; exits 1 on the first broken promise.
"""

import argparse
import os
import random
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

import httpx
from cluster_common import FRONT, SERVER_A, Failed, django_setup, env, expect

django_setup()

from django.contrib.contenttypes.models import ContentType  # noqa: E402

from alliance.accounts.models import Membership  # noqa: E402
from alliance.accounts.tokens import token_create  # noqa: E402
from alliance.core.models import AuditEvent  # noqa: E402
from alliance.lab.models import TechnicalAssistanceRequest  # noqa: E402
from alliance.notifications.models import Notification  # noqa: E402

FOCAL_POINTS = [
    "focal@fmcide.demo.alliance.test",
    "focal@macra.demo.alliance.test",
    "focal@uon.demo.alliance.test",
    "focal@ucad.demo.alliance.test",
]
SUBMITTED = "assistance_request.submitted"


class Client(threading.Thread):
    def __init__(self, number, token, organisation_id, unread, run, stop):
        super().__init__(daemon=True)
        self.number, self.run_id, self.stop = number, run, stop
        self.organisation_id, self.unread = organisation_id, unread
        self.http = httpx.Client(
            base_url=FRONT, timeout=10, headers={"Authorization": f"Bearer {token}"}
        )
        self.rng = random.Random(number)
        self.results = []  # (time, kind, status or None, served by, key)

    def one(self, kind, method, path, key=None, **kwargs):
        started = time.monotonic()
        try:
            answer = self.http.request(method, path, **kwargs)
        except httpx.HTTPError as exc:
            self.results.append((started, kind, None, type(exc).__name__, key))
            return None
        served = answer.headers.get("X-Served-By", "-")
        self.results.append((started, kind, answer.status_code, served, key))
        return answer

    def run(self):
        sequence = 0
        while not self.stop.is_set():
            roll = self.rng.random()
            if roll < 0.40:
                sequence += 1
                text = f"{self.run_id} client {self.number} request {sequence}"
                answer = self.one(
                    "create",
                    "POST",
                    "/api/v1/lab/requests",
                    key=text,
                    json={
                        "organisation_id": self.organisation_id,
                        "kind": "sandbox",
                        "description": text,
                    },
                )
                if answer is not None and answer.status_code == 201:
                    self.results[-1] = (*self.results[-1][:4], (text, answer.json()["id"]))
            elif roll < 0.55 and self.unread:
                pk = self.unread.pop()
                self.one("read-mark", "POST", f"/api/v1/me/notifications/{pk}/read", key=pk)
            elif roll < 0.80:
                self.one("read", "GET", "/en/calls/", headers={"Authorization": ""})
            else:
                self.one("read", "GET", "/api/v1/lab/requests")


def prepare(clients):
    """Tokens and organisations of the focal points; their unread messages, dealt out."""
    people = []
    for email in FOCAL_POINTS:
        membership = Membership.objects.select_related("user").get(user__email=email)
        _token, raw = token_create(
            actor=membership.user, name="cluster kill -9 test", scope="write"
        )
        unread = list(
            Notification.objects.filter(recipient=membership.user, read_at__isnull=True)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        people.append((raw, membership.organisation_id, unread))
    dealt = []
    for number in range(clients):
        raw, organisation_id, unread = people[number % len(people)]
        share = unread[number // len(people) :: max(1, clients // len(people))]
        dealt.append((raw, organisation_id, share))
    return dealt


def kill_server_a():
    """SIGKILL to server a's process group: the gunicorn master and its workers at once."""
    master = int(Path(env("CLUSTER_RUN"), "a.pid").read_text())
    children = subprocess.run(["pgrep", "-P", str(master)], capture_output=True, text=True)
    workers = [int(p) for p in children.stdout.split()]
    os.killpg(os.getpgid(master), signal.SIGKILL)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            httpx.get(f"{SERVER_A}/healthz", timeout=1)
        except httpx.HTTPError:
            return master, workers
        time.sleep(0.1)
    raise Failed("server a still answers after kill -9")


def check(results, killed_at, run, started_at):
    served_before = {r[3] for r in results if r[0] < killed_at and r[2] is not None}
    expect({"a", "b"} <= served_before, f"before the kill only {served_before} answered")
    after = [r for r in results if r[0] >= killed_at]
    settled = [r for r in after if r[0] >= killed_at + 3]
    expect(after, "no request was made after the kill")
    ok_after = [r for r in after if r[2] is not None and r[2] < 400]
    expect(ok_after, "no request succeeded after server a was killed: the load stopped")
    by_a = [r for r in settled if r[3] == "a"]
    expect(not by_a, f"{len(by_a)} requests were answered by a, which is dead")
    failed_settled = [r for r in settled if r[2] is None or r[2] >= 500]
    expect(
        not failed_settled,
        f"{len(failed_settled)} requests failed more than 3 s after the kill "
        f"(first: {failed_settled[:1]}): HAProxy did not take a out",
    )

    acknowledged = {r[4][0]: r[4][1] for r in results if r[1] == "create" and r[2] == 201}
    stored = dict(
        TechnicalAssistanceRequest.objects.filter(description__startswith=run).values_list(
            "description", "pk"
        )
    )
    missing = [text for text, pk in acknowledged.items() if stored.get(text) != pk]
    expect(not missing, f"{len(missing)} acknowledged requests are not stored: {missing[:3]}")
    unanswered = {r[4] for r in results if r[1] == "create" and r[2] != 201}
    committed_unanswered = len(unanswered & set(stored))

    content_type = ContentType.objects.get_for_model(TechnicalAssistanceRequest)
    events = Counter(
        AuditEvent.objects.filter(
            content_type=content_type, verb=SUBMITTED, at__gte=started_at
        ).values_list("object_id", flat=True)
    )
    ids = {str(pk) for pk in stored.values()}
    wrong = {pk: events.get(pk, 0) for pk in ids if events.get(pk, 0) != 1}
    expect(not wrong, f"requests without exactly one audit event: {dict(list(wrong.items())[:5])}")
    orphans = set(events) - ids
    expect(not orphans, f"audit events for requests that do not exist: {sorted(orphans)[:5]}")

    marked = [r[4] for r in results if r[1] == "read-mark" and r[2] == 200]
    still_unread = Notification.objects.filter(pk__in=marked, read_at__isnull=True).count()
    expect(not still_unread, f"{still_unread} messages acknowledged as read are unread")
    return {
        "objects": len(stored),
        "acknowledged": len(acknowledged),
        "committed_unanswered": committed_unanswered,
        "unanswered": len(unanswered),
        "audit_events": sum(events.values()),
        "marked": len(marked),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--clients", type=int, default=8)
    args = parser.parse_args()
    run = f"kill9-{uuid.uuid4().hex[:8]}"
    from django.utils import timezone

    started_at = timezone.now()
    stop = threading.Event()
    clients = [
        Client(n, raw, org, unread, run, stop)
        for n, (raw, org, unread) in enumerate(prepare(args.clients))
    ]
    began = time.monotonic()
    for client in clients:
        client.start()
    time.sleep(args.seconds * 0.4)
    killed_at = time.monotonic()
    master, workers = kill_server_a()
    print(f"   kill -9 server a (master {master}, workers {workers}) at {killed_at - began:.1f} s")
    time.sleep(args.seconds * 0.6)
    stop.set()
    for client in clients:
        client.join(timeout=15)
    results = sorted(r for client in clients for r in client.results)
    try:
        found = check(results, killed_at, run, started_at)
    except Failed as failure:
        print(f"KILL -9 TEST FAILED: {failure}", file=sys.stderr)
        return 1

    def share(rows):
        served = Counter(r[3] for r in rows if r[2] is not None)
        return ", ".join(f"{k} {v}" for k, v in sorted(served.items()))

    before = [r for r in results if r[0] < killed_at]
    after = [r for r in results if r[0] >= killed_at]
    failed = [r for r in results if r[2] is None or r[2] >= 500]
    elapsed = time.monotonic() - began
    print(
        f"kill -9 test passed: {len(results)} requests by {args.clients} clients in "
        f"{elapsed:.1f} s ({len(results) / elapsed:.0f}/s)"
    )
    print(f"   before the kill: {len(before)} requests (served by {share(before)})")
    print(f"   after the kill:  {len(after)} requests (served by {share(after)})")
    print(
        f"   failed: {len(failed)} (in flight on a when it died; "
        + ", ".join(f"{k} {v}" for k, v in Counter(str(r[2] or r[3]) for r in failed).items())
        + ")"
    )
    print(
        f"   assistance requests: {found['acknowledged']} acknowledged (201), "
        f"{found['objects']} stored, {found['audit_events']} audit events (one each); "
        f"{found['unanswered']} unanswered, of which {found['committed_unanswered']} committed"
    )
    print(f"   messages marked read: {found['marked']} acknowledged, all read")
    return 0


if __name__ == "__main__":
    sys.exit(main())
