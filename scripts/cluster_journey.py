"""The journey across two app servers (run by scripts/cluster, which starts them):

1. sign in on server a, continue on server b with the same session cookie;
2. upload a document on a, download the same bytes from b;
3. publish a call on a: the anonymous public list served by b (cached in Redis) shows it;
4. queue an export on a: the task worker builds it, both servers serve the same file;
5. failed sign-ins on a and b add up: the sixth attempt gets a 429 with Retry-After;
6. HAProxy spreads requests over both servers.

Prints what it saw and the numbers; exits 1 with the step that failed.
"""

import hashlib
import html
import os
import re
import sys
import time

from cluster_common import (
    FRONT,
    SERVER_A,
    SERVER_B,
    Failed,
    Session,
    django_setup,
    expect,
)

django_setup()

from django.core.files.storage import default_storage  # noqa: E402

from alliance.calls.models import Application, Call  # noqa: E402
from alliance.calls.states import CallStatus  # noqa: E402

# After the cache invalidation of issue 12 point 2 is merged, a transition must refresh
# the public page on every server at once. Until then (CLUSTER_EXPECT_FRESH=0) the step
# reports a stale page instead of failing.
EXPECT_FRESH = os.environ.get("CLUSTER_EXPECT_FRESH", "1") != "0"
numbers = {"files moved": 0, "bytes moved": 0, "invalidations seen": 0, "stale pages": 0}


def step(title):
    print(f"-- {title}")


def sign_in_on_a_continue_on_b():
    step("sign in on a, continue on b")
    staff = Session()
    signed = staff.sign_in(SERVER_A, "secretariat@demo.alliance.test")
    expect(
        signed.status_code == 302 and "/dashboard/" in signed.headers.get("Location", ""),
        f"signing in on a answered {signed.status_code}, not the redirect to the dashboard",
    )
    page = staff.get(SERVER_B, "/en/dashboard/")
    expect(page.status_code == 200, f"b answered {page.status_code} for a's session")
    expect("Amina Diallo" in page.text, "b's dashboard does not show the signed-in person")
    page = staff.get(FRONT, "/en/calls/staff/")
    expect(page.status_code == 200, f"HAProxy answered {page.status_code} for the session")
    print("   b's dashboard shows Amina Diallo, signed in on a")
    return staff


def upload_on_a_download_on_b():
    step("upload on a, download on b")
    applicant = Session()
    signed = applicant.sign_in(SERVER_A, "focal@fmcide.demo.alliance.test")
    expect(signed.status_code == 302, f"the applicant could not sign in ({signed.status_code})")
    application = Application.objects.get(
        call__reference="regional-centres-open", organisation__acronym="FMCIDE"
    )
    path = f"/en/calls/applications/{application.pk}/documents/"
    content = b"%PDF-1.4\n% cluster journey " + os.urandom(2048).hex().encode() + b"\n%%EOF\n"
    token = applicant.csrf(SERVER_A, path)
    sent = applicant.request(
        "POST",
        SERVER_A,
        path,
        data={"csrfmiddlewaretoken": token, "title": "Letter of support (cluster)"},
        files={"file": ("letter-of-support.pdf", content, "application/pdf")},
    )
    expect(sent.status_code == 302, f"the upload on a answered {sent.status_code}")
    document = application.documents.order_by("-pk").first()
    expect(document and document.title == "Letter of support (cluster)", "no document stored")
    store = type(default_storage).__name__
    expect(default_storage.exists(document.file.name), f"{document.file.name} is not in {store}")
    print(f"   stored as {document.file.name} in {store}")
    for base in (SERVER_B, FRONT):
        got = applicant.download(base, f"{path}{document.pk}/")
        expect(got == content, f"{base} served other bytes than a received")
        numbers["files moved"] += 1
        numbers["bytes moved"] += len(got)
    digest = hashlib.sha256(content).hexdigest()[:16]
    print(f"   {len(content)} bytes up on a, same bytes (sha256 {digest}…) down from b and HAProxy")


def transition_on_a_refreshes_b(staff):
    step("publish a call on a, read the public list on b")
    call = Call.objects.get(reference="innovation-hubs-draft")
    titles = {
        "en": html.escape(call.title["en"]),
        "fr": html.escape(call.title.get("fr") or call.title["en"]),
    }
    lists = [f"/{lang}/calls/?show={show}" for lang in titles for show in ("open", "upcoming")]
    anonymous = Session()

    def shows_the_call(base):
        seen = {}
        for url in lists:
            page = anonymous.get(base, url)
            expect(page.status_code == 200, f"{base}{url} answered {page.status_code}")
            seen[url] = titles[url[1:3]] in page.text
        return seen

    before = shows_the_call(SERVER_B)  # b renders and caches each list (shared cache)
    expect(not any(before.values()), "the draft call is already on the public list")
    done = staff.post_form(
        SERVER_A, f"/en/calls/staff/{call.pk}/do/publish/", {}, f"/en/calls/staff/{call.pk}/"
    )
    expect(done.status_code == 302, f"publishing on a answered {done.status_code}")
    call.refresh_from_db()
    expect(call.status == CallStatus.OPEN, f"the call is {call.status} after publishing")
    languages = {url[1:3] for url in lists}
    for base, name in ((SERVER_B, "b"), (SERVER_A, "a")):
        after = shows_the_call(base)
        fresh = {url[1:3] for url, shown in after.items() if shown}
        numbers["invalidations seen"] += len(fresh)
        numbers["stale pages"] += len(languages - fresh)
        if fresh == languages:
            print(f"   {name}: the public list shows the call at once in {sorted(fresh)}")
        elif EXPECT_FRESH:
            raise Failed(
                f"{name} still serves the list without the published call in "
                f"{sorted(languages - fresh)}: the cached page was not invalidated"
            )
        else:
            print(
                f"   {name}: STALE in {sorted(languages - fresh)} (served from the shared "
                "cache until PUBLIC_CACHE_SECONDS pass; CLUSTER_EXPECT_FRESH=0)"
            )


def export_by_worker(staff):
    step("queue an export on a, the worker builds it, download from a and b")
    call = Call.objects.get(reference="europe-cis-2026")
    done = staff.post_form(
        SERVER_A,
        f"/en/calls/staff/{call.pk}/exports/",
        {"kind": "applications", "format": "csv"},
        f"/en/calls/staff/{call.pk}/",
    )
    expect(done.status_code == 302, f"queueing the export on a answered {done.status_code}")
    link = re.compile(rf"/en/calls/staff/{call.pk}/exports/(\d+)/")
    deadline, found = time.monotonic() + 60, None
    while not found:
        expect(time.monotonic() < deadline, "the worker did not finish the export within 60 s")
        time.sleep(0.5)
        found = link.search(staff.get(SERVER_B, f"/en/calls/staff/{call.pk}/").text)
    files = []
    for base in (SERVER_A, SERVER_B):
        got = staff.download(base, found.group(0))
        expect(got.startswith("\ufeff".encode()), "the export is not the CSV file")
        files.append(got)
        numbers["files moved"] += 1
        numbers["bytes moved"] += len(got)
    expect(files[0] == files[1], "a and b serve different export files")
    print(f"   export {found.group(1)}: {len(files[0])} bytes, the same from a and b")


def throttle_across_servers():
    step("failed sign-ins on a and b add up")
    guesser = Session()
    email = "reviewer3@demo.alliance.test"
    for i, base in enumerate((SERVER_A, SERVER_B, SERVER_A, SERVER_B, SERVER_A), 1):
        answer = guesser.sign_in(base, email, "not-the-password")
        expect(
            answer.status_code == 200, f"failed attempt {i} answered {answer.status_code}, not 200"
        )
    refused = guesser.sign_in(SERVER_B, email)
    expect(
        refused.status_code == 429,
        f"the sixth attempt (on b, after 3 failures on a and 2 on b) answered "
        f"{refused.status_code}, not 429: the servers do not share the counters",
    )
    retry = refused.headers.get("Retry-After", "")
    expect(retry.isdigit() and int(retry) > 0, f"the 429 has no usable Retry-After ({retry!r})")
    print(f"   3 failures on a + 2 on b: the sixth attempt on b gets 429, Retry-After {retry} s")


def haproxy_spreads():
    step("HAProxy sends requests to both servers")
    visitor = Session()
    served = [visitor.get(FRONT, "/healthz").headers.get("X-Served-By") for _ in range(10)]
    expect(set(served) == {"a", "b"}, f"HAProxy served 10 requests from {set(served)} only")
    print(f"   10 requests: a {served.count('a')}, b {served.count('b')}")


def main():
    started = time.monotonic()
    try:
        staff = sign_in_on_a_continue_on_b()
        upload_on_a_download_on_b()
        transition_on_a_refreshes_b(staff)
        export_by_worker(staff)
        throttle_across_servers()
        haproxy_spreads()
    except Failed as failure:
        print(f"JOURNEY FAILED: {failure}", file=sys.stderr)
        return 1
    counts = Session.counts
    print(f"journey passed in {time.monotonic() - started:.1f} s")
    print("   requests: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    print("   " + ", ".join(f"{k} {v}" for k, v in numbers.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
