"""Take a call from draft to published results through the JSON API only, no browser.

    ALLIANCE_API=http://127.0.0.1:8000/api/v1 \\
    ALLIANCE_SECRETARIAT_TOKEN=ah_… ALLIANCE_DIRECTOR_TOKEN=ah_… \\
    ALLIANCE_APPLICANTS=ah_…:<organisation id>,ah_…:<organisation id> \\
    ALLIANCE_REVIEWERS=ah_…,ah_… \\
    python scripts/api_call_lifecycle.py

Steps: the secretariat creates a call, sets its criteria and publishes it; each applicant
starts an application, fills it in and submits it; the secretariat closes the call,
starts the review, screens every application in and assigns the reviewers; each reviewer
declares no conflict and scores; the Director selects the best-scored application,
declines the others, marks the call decided and publishes the results, which the public
API then shows. Every write carries an `Idempotency-Key`. Standard library only; the same
`run()` is driven by tests/api/test_call_lifecycle.py through Django's test client.
"""

import json
import os
import sys
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

# (method, path, token, body) -> (status, decoded JSON)
Send = Callable[[str, str, str | None, dict | None], tuple[int, dict]]


class Step(RuntimeError):
    pass


def http_transport(base: str) -> Send:
    def send(method, path, token, body):
        headers = {"Accept": "application/json"}
        data = None
        if token:
            headers["Authorization"] = f"Bearer {token}"
        if method == "POST":
            headers["Content-Type"] = "application/json"
            headers["Idempotency-Key"] = str(uuid.uuid4())
            data = json.dumps(body or {}).encode()
        request = urllib.request.Request(base + path, data=data, headers=headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
                return response.status, json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"{}")

    return send


def run(send: Send, *, secretariat, director, applicants, reviewers, log=print) -> dict:
    """`applicants`: [(token, organisation id)]; `reviewers`: [token]. Returns the results."""

    def call(method, path, token, body=None, expect=200):
        status, data = send(method, path, token, body)
        if status != expect:
            raise Step(f"{method} {path}: {status} {data}")
        return data

    now = datetime.now(UTC)
    types = call("GET", "/centre-types", None)
    centre_type, scope = types[0]["code"], types[0]["scopes"][0]
    reference = f"api-lifecycle-{uuid.uuid4().hex[:8]}"
    created = call(
        "POST",
        "/staff/calls",
        secretariat,
        {
            "reference": reference,
            "title": {"en": "Call run through the API"},
            "summary": "A call from draft to results without a browser.",
            "text": "Full text of the call.",
            "centre_types": [centre_type],
            "scopes": [scope],
            "opens_at": (now - timedelta(minutes=1)).isoformat(),
            "closes_at": (now + timedelta(days=30)).isoformat(),
            "target_reviews": len(reviewers),
        },
    )
    cid = created["id"]
    log(f"created call {reference} (#{cid}), actions {created['actions']}")
    criteria = [{"title": "Relevance", "weight": 60}, {"title": "Capacity", "weight": 40}]
    call("POST", f"/staff/calls/{cid}/actions/set_criteria", secretariat, {"criteria": criteria})
    opened = call("POST", f"/staff/calls/{cid}/actions/publish", secretariat)
    log(f"published: {opened['status']}")

    applications = []
    for token, organisation_id in applicants:
        app = call(
            "POST", f"/my/calls/{cid}/applications", token, {"organisation_id": organisation_id}
        )
        call(
            "POST",
            f"/my/applications/{app['id']}/actions/edit",
            token,
            {
                "proposed_centre_type": centre_type,
                "proposed_scope": scope,
                "host_institution": "Host institution",
                "flagship_initiatives": "Two flagship initiatives.",
                "human_resources_plan": "Six staff.",
                "financial_resources_plan": "Funded by the host.",
            },
        )
        submitted = call("POST", f"/my/applications/{app['id']}/submit", token)
        applications.append(submitted["id"])
        log(f"application #{app['id']}: {submitted['status']}")

    call("POST", f"/staff/calls/{cid}/actions/close_now", secretariat)
    call("POST", f"/staff/calls/{cid}/actions/start_review", secretariat)
    for pk in applications:
        call("POST", f"/staff/applications/{pk}/actions/screen_in", secretariat, {"reason": ""})
    pool = call("GET", "/staff/reviewers?limit=100", secretariat)["items"]
    me = {r: call("GET", "/me", r)["email"] for r in reviewers}
    ids = [p["id"] for p in pool if p["email"] in me.values()]
    due = (now + timedelta(days=14)).isoformat()
    call(
        "POST",
        f"/staff/calls/{cid}/actions/assign_reviewers",
        secretariat,
        {"reviewer_ids": ids, "due_at": due},
    )
    log(f"screened {len(applications)} application(s), assigned {len(ids)} reviewer(s)")

    # The first application gets the best scores: the Director follows the ranking.
    for token in reviewers:
        for assignment in call("GET", "/my/reviews?limit=100", token)["items"]:
            if assignment["application_id"] not in applications:
                continue
            aid = assignment["id"]
            detail = call("GET", f"/my/reviews/{aid}", token)
            call("POST", f"/my/reviews/{aid}/declaration", token, {"has_conflict": False})
            value = 5 if assignment["application_id"] == applications[0] else 2
            scores = [{"criterion_id": c["id"], "value": value} for c in detail["criteria"]]
            call("POST", f"/my/reviews/{aid}/scores", token, {"scores": scores, "submit": True})
    log("reviews submitted")

    for i, pk in enumerate(applications):
        action = "select" if i == 0 else "decline"
        body = {"rationale": "Follows the reviewers' ranking."}
        decided = call("POST", f"/staff/applications/{pk}/actions/{action}", director, body)
        log(f"application #{pk}: {decided['status']}")
    call("POST", f"/staff/calls/{cid}/actions/mark_decided", director)
    final = call("POST", f"/staff/calls/{cid}/actions/publish_results", director)
    results = call("GET", f"/calls/{cid}/results", None)
    log(f"call {final['status']}: {len(results['selected'])} selected")
    return {"call": final, "results": results}


def main() -> int:
    env = os.environ
    try:
        applicants = [
            (token, int(org))
            for token, org in (a.rsplit(":", 1) for a in env["ALLIANCE_APPLICANTS"].split(","))
        ]
        run(
            http_transport(env.get("ALLIANCE_API", "http://127.0.0.1:8000/api/v1")),
            secretariat=env["ALLIANCE_SECRETARIAT_TOKEN"],
            director=env["ALLIANCE_DIRECTOR_TOKEN"],
            applicants=applicants,
            reviewers=env["ALLIANCE_REVIEWERS"].split(","),
        )
    except KeyError as missing:
        print(f"Set {missing}: see the docstring of this script.", file=sys.stderr)
        return 2
    except Step as failed:
        print(f"Failed: {failed}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
