"""What the cluster journey and the kill -9 test share: the addresses scripts/cluster
exported, Django set up on the cluster's database (to find objects and check what was
stored), and an HTTP session that counts which server answered each request."""

import logging
import os
import re
import sys
from collections import Counter
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
DEMO_PASSWORD = "alliance-demo-2026"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def env(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        sys.exit(f"{name} is not set: run this through scripts/cluster, which starts the servers")
    return value


FRONT, SERVER_A, SERVER_B = env("CLUSTER_FRONT"), env("CLUSTER_A"), env("CLUSTER_B")
SERVERS = {"a": SERVER_A, "b": SERVER_B}
S3_ENDPOINT = os.environ.get("S3_ENDPOINT_URL", "")


def django_setup():
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per request otherwise


class Failed(AssertionError):
    pass


def expect(condition, message: str):
    if not condition:
        raise Failed(message)


class Session:
    """One visitor (one cookie jar) talking to any of the three addresses. Counts requests
    per server: by address for direct requests, by HAProxy's X-Served-By through it."""

    counts: Counter = Counter()  # shared by every session of the run

    def __init__(self):
        # Every request carries the public Host, as HAProxy passes it on: the servers build
        # the same URLs and cache keys whichever address the journey talks to.
        self.http = httpx.Client(timeout=15, headers={"Host": FRONT.split("//")[1]})

    def request(self, method: str, base: str, path: str, **kwargs) -> httpx.Response:
        try:
            response = self.http.request(method, base + path, **kwargs)
        except httpx.HTTPError as exc:
            raise Failed(f"{method} {base}{path} failed: {exc!r}") from exc
        if base == FRONT:
            self.counts[f"via haproxy: {response.headers.get('X-Served-By', '?')}"] += 1
        else:
            self.counts[f"direct: {'a' if base == SERVER_A else 'b'}"] += 1
        return response

    def get(self, base: str, path: str, **kwargs) -> httpx.Response:
        return self.request("GET", base, path, **kwargs)

    def download(self, base: str, path: str) -> bytes:
        """A file through its access-checked view: streamed from the local store, or a
        redirect to a short-lived signed link on the S3 store (fetched without our Host
        header, which the signature does not cover)."""
        got = self.get(base, path)
        if (
            got.status_code == 302
            and S3_ENDPOINT
            and got.headers["Location"].startswith(S3_ENDPOINT)
        ):
            self.counts["signed S3 links followed"] += 1
            got = httpx.get(got.headers["Location"], timeout=15)
            expect(
                got.status_code == 200, f"the signed link from {base} answered {got.status_code}"
            )
        expect(got.status_code == 200, f"the download from {base}{path} answered {got.status_code}")
        return got.content

    def csrf(self, base: str, path: str) -> str:
        page = self.get(base, path)
        expect(page.status_code == 200, f"GET {base}{path} answered {page.status_code}")
        found = CSRF.search(page.text)
        expect(found, f"no form with a CSRF token on {base}{path}")
        return found.group(1)

    def post_form(self, base: str, path: str, data: dict, form_path: str | None = None, **kw):
        """GET the form's page for its token, then POST (from the same server unless the
        form lives elsewhere)."""
        token = self.csrf(base, form_path or path)
        return self.request("POST", base, path, data={"csrfmiddlewaretoken": token, **data}, **kw)

    def sign_in(self, base: str, email: str, password: str = DEMO_PASSWORD) -> httpx.Response:
        return self.post_form(base, "/en/accounts/login/", {"login": email, "password": password})


def server_name(base: str) -> str:
    return {FRONT: "haproxy", SERVER_A: "a", SERVER_B: "b"}[base]
