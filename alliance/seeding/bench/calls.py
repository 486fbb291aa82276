"""Benchmark volume: ten years of calls (about 40 calls, 20,000 applications, 60,000
submitted reviews with a score per criterion), and the public pages to load.

Rows are written with bulk_create straight into the tables, as the demo's large call
does: the services would record an audit event and send mail for every one of them.
"""

import random
from datetime import timedelta

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.utils import timezone

from alliance.accounts.models import Organisation, User
from alliance.accounts.roles import StaffRole
from alliance.calls.models import Application, Call, Criterion, Question, ReviewAssignment, Score
from alliance.calls.states import ApplicationStatus, AssignmentStatus, CallStatus
from alliance.centres.models import CentreType

PREFIX = "bench-call-"
CALLS = 40
APPLICATIONS = 20_000
REVIEWS = 60_000
REVIEWERS = 80
CRITERIA = [("Relevance", 30), ("Capacity", 25), ("Resources", 25), ("Impact", 20)]


def _calls(rng: random.Random, n_calls: int) -> list[Call]:
    now = timezone.now()
    types = list(CentreType.objects.all())
    rows = []
    for i in range(n_calls):
        # Four calls a year over ten years; the last three are in review, open and upcoming.
        opens = now - timedelta(days=3650) + timedelta(days=int(i * 3650 / n_calls))
        closes = opens + timedelta(days=50)
        if i == n_calls - 1:
            status, opens, closes = CallStatus.OPEN, now + timedelta(days=30), now + timedelta(80)
        elif i == n_calls - 2:
            status, opens, closes = CallStatus.OPEN, now - timedelta(days=10), now + timedelta(40)
        elif i == n_calls - 3:
            status = CallStatus.IN_REVIEW
        elif i % 13 == 5:
            status = CallStatus.CANCELLED
        else:
            status = CallStatus.RESULTS_PUBLISHED
        rows.append(
            Call(
                reference=f"{PREFIX}{i:03d}",
                title={
                    "en": f"Call for acceleration centres no. {i + 1}",
                    "fr": f"Appel à candidatures pour des centres d'accélération no {i + 1}",
                },
                summary={
                    "en": "Host a regional or national acceleration centre of the Alliance.",
                    "fr": "Accueillir un centre d'accélération de l'Alliance.",
                },
                text={
                    "en": "The full text of the call. " * 40,
                    "fr": "Le texte complet de l'appel. " * 40,
                },
                scopes=["regional", "national"],
                status=status,
                opens_at=opens,
                closes_at=closes,
                target_reviews=3,
                published_at=opens,
                closed_at=closes if closes < now else None,
                results_published_at=closes + timedelta(days=120)
                if status == CallStatus.RESULTS_PUBLISHED
                else None,
            )
        )
    Call.objects.bulk_create(rows)
    calls = list(Call.objects.filter(reference__startswith=PREFIX).order_by("reference"))
    Criterion.objects.bulk_create(
        [
            Criterion(call=c, order=n, title={"en": t, "fr": t}, weight=w)
            for c in calls
            for n, (t, w) in enumerate(CRITERIA, start=1)
        ]
    )
    Question.objects.bulk_create(
        [
            Question(call=c, order=n, kind=k, label={"en": label, "fr": label})
            for c in calls
            for n, (k, label) in enumerate(
                [("long_text", "Describe your ecosystem"), ("number", "Staff (FTE)")], start=1
            )
        ]
    )
    through = Call.centre_types.through
    through.objects.bulk_create(
        [through(call_id=c.pk, centretype_id=t.pk) for c in calls for t in types]
    )
    return calls


def _reviewers(n: int) -> list[User]:
    password = make_password(None)
    User.objects.bulk_create(
        [
            User(
                email=f"bench-reviewer-{i:03d}@bench.alliance.test",
                full_name=f"Bench reviewer {i:03d}",
                password=password,
            )
            for i in range(n)
        ],
        ignore_conflicts=True,
    )
    reviewers = list(User.objects.filter(email__startswith="bench-reviewer-").order_by("email"))
    Group.objects.get(name=StaffRole.REVIEWER).user_set.add(*reviewers)
    return reviewers


def _outcome(rng: random.Random, call: Call) -> str:
    if call.status == CallStatus.OPEN:
        return rng.choice([ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED])
    if call.status == CallStatus.CANCELLED:
        return ApplicationStatus.SUBMITTED
    roll = rng.random()
    if roll < 0.05:
        return ApplicationStatus.INELIGIBLE
    if roll < 0.08:
        return ApplicationStatus.WITHDRAWN
    if call.status == CallStatus.IN_REVIEW:
        return ApplicationStatus.IN_REVIEW
    return ApplicationStatus.SELECTED if roll < 0.13 else ApplicationStatus.NOT_SELECTED


def bench_seed(rng: random.Random, scale: float = 1.0) -> None:
    n_calls = max(4, int(CALLS * scale))
    reviewers = _reviewers(REVIEWERS)
    if Call.objects.filter(reference__startswith=PREFIX).count() >= n_calls:
        return
    per_call = int(APPLICATIONS * scale) // n_calls
    organisations = list(
        Organisation.objects.filter(name__startswith="Bench org").values_list("pk", flat=True)
    )
    types = list(CentreType.objects.all())
    calls = _calls(rng, n_calls)
    reviewed = {
        ApplicationStatus.IN_REVIEW,
        ApplicationStatus.SELECTED,
        ApplicationStatus.NOT_SELECTED,
    }
    # 60,000 reviews over the reviewed applications: three each, a fourth for some.
    fourth = 0.17
    for call in calls:
        applications = [
            Application(
                call=call,
                organisation_id=org,
                status=(status := _outcome(rng, call)),
                proposed_centre_type=rng.choice(types),
                proposed_scope=rng.choice(["regional", "national"]),
                host_institution=f"Host institute {org}",
                flagship_initiatives="A regulatory sandbox and a start-up programme.",
                human_resources_plan="A director, four officers, two researchers.",
                financial_resources_plan="USD 450,000 a year for three years.",
                submitted_at=None if status == ApplicationStatus.DRAFT else call.closes_at,
                decided_at=call.closes_at + timedelta(days=100)
                if status in (ApplicationStatus.SELECTED, ApplicationStatus.NOT_SELECTED)
                else None,
            )
            for org in rng.sample(organisations, min(per_call, len(organisations)))
        ]
        Application.objects.bulk_create(applications, batch_size=1000)
        applications = list(
            call.applications.filter(status__in=reviewed).values_list("pk", flat=True)
        )
        assignments = []
        for app_id in applications:
            for reviewer in rng.sample(reviewers, 4 if rng.random() < fourth else 3):
                assignments.append(
                    ReviewAssignment(
                        application_id=app_id,
                        reviewer=reviewer,
                        status=AssignmentStatus.SUBMITTED,
                        due_at=call.closes_at + timedelta(days=30),
                        declared_at=call.closes_at + timedelta(days=2),
                        submitted_at=call.closes_at + timedelta(days=20),
                        shared_comment="Credible plan; the budget needs detail per year.",
                    )
                )
        ReviewAssignment.objects.bulk_create(assignments, batch_size=1000)
        criteria = list(call.criteria.all())
        bias = {r.pk: rng.choice([-1, 0, 0, 1]) for r in reviewers}
        Score.objects.bulk_create(
            [
                Score(
                    assignment_id=a_id,
                    criterion=c,
                    value=max(0, min(5, rng.randint(1, 4) + bias[reviewer_id])),
                )
                for a_id, reviewer_id in ReviewAssignment.objects.filter(
                    application__call=call
                ).values_list("pk", "reviewer_id")
                for c in criteria
            ],
            batch_size=2000,
        )


def bench_pages() -> list[tuple[str, str]]:
    published = (
        Call.objects.filter(reference__startswith=PREFIX, status=CallStatus.RESULTS_PUBLISHED)
        .order_by("-closes_at")
        .first()
    )
    if published is None:
        return []
    return [
        ("/en/calls/", "calls: open"),
        ("/en/calls/?show=past", "calls: past (40 calls)"),
        (f"/en/calls/{published.pk}/", "calls: a call"),
        (f"/en/calls/{published.pk}/results/", "calls: results (500 applications)"),
    ]


def bench_signed_in_pages() -> list[tuple[str, str, str]]:
    """Staff and reviewer pages at volume: (path, label, email of the user signed in)."""
    call = (
        Call.objects.filter(reference__startswith=PREFIX, status=CallStatus.RESULTS_PUBLISHED)
        .order_by("-closes_at")
        .first()
    )
    if call is None:
        return []
    secretariat, director = "secretariat@demo.alliance.test", "director@demo.alliance.test"
    return [
        ("/en/calls/staff/", "calls: staff list", secretariat),
        (f"/en/calls/staff/{call.pk}/", "calls: staff call page", secretariat),
        (f"/en/calls/staff/{call.pk}/applications/", "calls: 500 applications", secretariat),
        (f"/en/calls/staff/{call.pk}/ranking/", "calls: ranking (500)", director),
        (
            "/en/calls/reviews/",
            "calls: a reviewer's queue (750)",
            "bench-reviewer-000@bench.alliance.test",
        ),
        (
            "/en/calls/applications/",
            "calls: an applicant's applications",
            "focal@fmcide.demo.alliance.test",
        ),
    ]
