"""Demo calls: the 2023 first call with published results, a call open now (its dates
follow the real clock), a call in review with reviews in every state, a draft, and a
large call (300 applications, 900 reviews) that shows the ranking at scale."""

import random
from datetime import UTC, datetime, timedelta

from django.contrib.auth.models import Group
from django.utils import timezone

from alliance.accounts.models import Organisation
from alliance.accounts.roles import StaffRole
from alliance.calls.models import Application, Call, Criterion, Question, ReviewAssignment, Score
from alliance.calls.states import ApplicationStatus, AssignmentStatus, CallStatus
from alliance.centres.models import CentreType
from alliance.core.models import Region
from alliance.seeding.demo import demo_user

CRITERIA = [
    (
        "Relevance to the Alliance's strategic objectives",
        "Pertinence au regard des objectifs stratégiques de l'Alliance",
        30,
    ),
    ("Capacity of the host and its partners", "Capacité de l'hôte et de ses partenaires", 25),
    ("Human and financial resources", "Ressources humaines et financières", 25),
    ("Flagship initiatives and expected impact", "Initiatives phares et impact attendu", 20),
]

QUESTIONS = [
    (
        "long_text",
        "Describe your digital innovation ecosystem",
        "Décrivez votre écosystème d'innovation numérique",
        True,
        300,
        "",
        "",
    ),
    (
        "choice",
        "Have you completed a preliminary assessment?",
        "Avez-vous réalisé une évaluation préliminaire ?",
        True,
        None,
        "Yes\nNo, we request technical assistance",
        "Oui\nNon, nous demandons une assistance technique",
    ),
    (
        "number",
        "Staff you can assign to the centre (full-time equivalents)",
        "Personnel que vous pouvez affecter au centre (équivalents temps plein)",
        True,
        None,
        "",
        "",
    ),
    (
        "file",
        "Letter of support from the host institution",
        "Lettre de soutien de l'institution hôte",
        False,
        None,
        "",
        "",
    ),
]

TEXT_EN = (
    "The Telecommunication Development Bureau invites ITU members to apply to host an "
    "acceleration centre of the Innovation and Entrepreneurship Alliance for Digital "
    "Development. Country-owned regional centres are chosen through this open and "
    "transparent call. Applicants first assess their own human and financial resources and "
    "may request technical assistance for the preliminary assessment. A selected centre is "
    "accredited for three years, renewable after evaluation and requalification."
)
TEXT_FR = (
    "Le Bureau de développement des télécommunications invite les membres de l'UIT à "
    "présenter leur candidature pour accueillir un centre d'accélération de l'Alliance de "
    "l'innovation et de l'entrepreneuriat au service du développement du numérique. Les "
    "centres régionaux appartenant aux pays sont choisis au moyen de cet appel à candidatures "
    "ouvert et transparent. Un centre sélectionné reçoit un agrément de trois ans, "
    "renouvelable après évaluation et requalification."
)


def _call(reference, en, fr, status, opens_at, closes_at, creator, **extra):
    call, _ = Call.objects.update_or_create(
        reference=reference,
        defaults={
            "title": {"en": en, "fr": fr},
            "summary": {
                "en": "Host a regional or national acceleration centre of the Alliance.",
                "fr": "Accueillir un centre d'accélération régional ou national de l'Alliance.",
            },
            "text": {"en": TEXT_EN, "fr": TEXT_FR},
            "required_documents": {
                "en": "A letter of support from the host institution (PDF).",
                "fr": "Une lettre de soutien de l'institution hôte (PDF).",
            },
            "scopes": ["regional", "national"],
            "status": status,
            "opens_at": opens_at,
            "closes_at": closes_at,
            "created_by": creator,
            **extra,
        },
    )
    call.centre_types.set(CentreType.objects.exclude(code="TECHNOLOGY"))
    if not call.criteria.exists():
        for i, (en, fr, weight) in enumerate(CRITERIA, start=1):
            Criterion.objects.create(call=call, order=i, title={"en": en, "fr": fr}, weight=weight)
    if not call.questions.exists():
        for i, (kind, en, fr, required, limit, en_choices, fr_choices) in enumerate(
            QUESTIONS, start=1
        ):
            Question.objects.create(
                call=call,
                order=i,
                kind=kind,
                label={"en": en, "fr": fr},
                required=required,
                word_limit=limit,
                choices={"en": en_choices, "fr": fr_choices},
            )
    return call


def _application(call, organisation, status, creator, type_code="DIGITAL_TRANSFORMATION", **extra):
    questions = {q.kind: q for q in call.questions.all()}
    application, _ = Application.objects.update_or_create(
        call=call,
        organisation=organisation,
        defaults={
            "status": status,
            "created_by": creator,
            "proposed_centre_type": CentreType.objects.get(code=type_code),
            "proposed_scope": "regional",
            "host_institution": str(organisation),
            "flagship_initiatives": "A regulatory sandbox for digital financial services; a "
            "start-up acceleration programme with the national universities.",
            "human_resources_plan": "A centre director, four programme officers and two "
            "researchers seconded by the host.",
            "financial_resources_plan": "USD 450,000 a year for three years from the host's "
            "operating budget, with matching funds from partners.",
            "answers": {
                questions["long_text"].key: "Three technology hubs, two universities with "
                "incubators and an active regulator.",
                questions["choice"].key: "Yes",
                questions["number"].key: "6",
            },
            "submitted_at": None
            if status == ApplicationStatus.DRAFT
            else call.closes_at - timedelta(days=3),
            **extra,
        },
    )
    return application


def _review(application, reviewer, status, scores=None, due_at=None):
    assignment, _ = ReviewAssignment.objects.update_or_create(
        application=application,
        reviewer=reviewer,
        defaults={
            "status": status,
            "due_at": due_at or application.call.closes_at + timedelta(days=30),
            "declared_at": None
            if status == AssignmentStatus.ASSIGNED
            else application.call.closes_at,
            "submitted_at": application.call.closes_at + timedelta(days=20)
            if status == AssignmentStatus.SUBMITTED
            else None,
            "shared_comment": "Solid plan; the budget needs detail per year." if scores else "",
            "conflict_note": "I worked for this organisation until last year."
            if status == AssignmentStatus.RECUSED
            else "",
        },
    )
    if scores:
        for criterion, value in zip(application.call.criteria.all(), scores, strict=False):
            Score.objects.update_or_create(
                assignment=assignment, criterion=criterion, defaults={"value": value, "comment": ""}
            )
    return assignment


def seed(ctx):
    group = Group.objects.get(name=StaffRole.REVIEWER)
    reviewers = [ctx.users["reviewer"]]
    for key, email, name in (
        ("reviewer2", "reviewer2@demo.alliance.test", "Mei Lin"),
        ("reviewer3", "reviewer3@demo.alliance.test", "Kwame Mensah"),
    ):
        user = demo_user(ctx, key, email, name, "Reviewer")
        user.groups.add(group)
        reviewers.append(user)
    secretariat, director = ctx.users["secretariat"], ctx.users["director"]
    orgs = ctx.organisations
    now = timezone.now()

    # 1. The 2023 first call: results published.
    first = _call(
        "first-call-2023",
        "First call for acceleration centres (2023)",
        "Premier appel à candidatures pour les centres d'accélération (2023)",
        CallStatus.RESULTS_PUBLISHED,
        datetime(2023, 1, 25, 8, 0, tzinfo=UTC),
        datetime(2023, 3, 15, 16, 0, tzinfo=UTC),
        secretariat,
        published_at=datetime(2023, 1, 25, 8, 0, tzinfo=UTC),
        closed_at=datetime(2023, 3, 15, 16, 0, tzinfo=UTC),
        results_published_at=datetime(2023, 9, 1, 8, 0, tzinfo=UTC),
    )
    outcomes = [
        ("macra", ApplicationStatus.SELECTED, [5, 4, 4, 5], [4, 4, 5, 4]),
        ("tcra", ApplicationStatus.SELECTED, [4, 4, 4, 4], [4, 5, 3, 4]),
        ("uni_nairobi", ApplicationStatus.SELECTED, [4, 5, 3, 4], [4, 4, 4, 3]),
        ("ng_ministry", ApplicationStatus.SELECTED, [4, 3, 4, 4], [3, 4, 4, 4]),
        ("arcep_bj", ApplicationStatus.NOT_SELECTED, [3, 3, 2, 3], [2, 3, 3, 2]),
        ("tih", ApplicationStatus.NOT_SELECTED, [3, 2, 3, 2], [3, 3, 2, 3]),
    ]
    for key, status, s1, s2 in outcomes:
        app = _application(
            first,
            orgs[key],
            status,
            None,
            type_code="RESEARCH_ENTREPRENEURSHIP"
            if key == "uni_nairobi"
            else "DIGITAL_TRANSFORMATION",
            decided_by=director,
            decided_at=datetime(2023, 8, 25, 8, 0, tzinfo=UTC),
            decision_rationale="Strong national commitment and a credible three-year plan."
            if status == ApplicationStatus.SELECTED
            else "The resources plan is not yet sufficient; consider technical assistance first.",
        )
        _review(app, reviewers[0], AssignmentStatus.SUBMITTED, s1)
        _review(app, reviewers[1], AssignmentStatus.SUBMITTED, s2)
    _application(
        first,
        orgs["ucad"],
        ApplicationStatus.INELIGIBLE,
        None,
        type_code="RESEARCH_ENTREPRENEURSHIP",
        screening_reason="The application arrived without the host institution's letter of support.",
    )

    # 2. A call open now (its dates follow the real clock, so it stays open in the demo).
    current = _call(
        "regional-centres-open",
        "Call for regional acceleration centres",
        "Appel à candidatures pour des centres d'accélération régionaux",
        CallStatus.OPEN,
        now - timedelta(days=20),
        (now + timedelta(days=30)).replace(hour=16, minute=0, second=0, microsecond=0),
        secretariat,
        published_at=now - timedelta(days=20),
    )
    _application(
        current,
        orgs["ng_ministry"],
        ApplicationStatus.DRAFT,
        ctx.users["ministry"],
        host_institution="",
        financial_resources_plan="",
    )
    _application(
        current,
        orgs["uni_nairobi"],
        ApplicationStatus.SUBMITTED,
        ctx.users["university"],
        type_code="RESEARCH_ENTREPRENEURSHIP",
    )

    # 3. A call in review, reviews in every state (one late, one recusal).
    review_call = _call(
        "europe-cis-2026",
        "Call for acceleration centres in Europe and the CIS (2026)",
        "Appel à candidatures pour des centres d'accélération en Europe et dans la CEI (2026)",
        CallStatus.IN_REVIEW,
        now - timedelta(days=120),
        now - timedelta(days=40),
        secretariat,
        published_at=now - timedelta(days=120),
        closed_at=now - timedelta(days=40),
    )
    review_call.regions.set(Region.objects.filter(code__in=["EUR", "CIS"]))
    idda = _application(review_call, orgs["idda"], ApplicationStatus.IN_REVIEW, None)
    _review(idda, reviewers[0], AssignmentStatus.ACCEPTED, due_at=now - timedelta(days=2))
    _review(idda, reviewers[1], AssignmentStatus.SUBMITTED, [5, 4, 4, 4])
    _review(idda, reviewers[2], AssignmentStatus.RECUSED)
    extra_org = (
        Organisation.objects.filter(name__startswith="Demo Member State").order_by("name").first()
    )
    if extra_org:
        other = _application(
            review_call,
            extra_org,
            ApplicationStatus.MORE_INFO_REQUESTED,
            None,
            more_info_request="Please give the operating budget per year.",
            more_info_due_at=now + timedelta(days=10),
        )
        _review(other, reviewers[0], AssignmentStatus.ASSIGNED, due_at=now + timedelta(days=12))

    # 4. A draft the secretariat is preparing.
    _call(
        "innovation-hubs-draft",
        "Call for initiatives acceleration centres (draft)",
        "Appel à candidatures pour des centres d'accélération des initiatives (projet)",
        CallStatus.DRAFT,
        now + timedelta(days=60),
        now + timedelta(days=120),
        secretariat,
    )

    _large_call(now, reviewers, secretariat)


def _large_call(now, reviewers, secretariat):
    """300 applications and 900 reviews: the ranking and the review queue at scale."""
    call = _call(
        "load-demonstration",
        "Demonstration call with 300 applications",
        "Appel de démonstration avec 300 candidatures",
        CallStatus.IN_REVIEW,
        now - timedelta(days=200),
        now - timedelta(days=150),
        secretariat,
        target_reviews=3,
    )
    if call.applications.count() >= 300:
        return
    rng = random.Random(300)
    countries = ["KE", "GH", "BR", "IN", "VN", "EG", "PE", "PH", "MA", "RW"]
    organisations = []
    for i in range(1, 301):
        org, _ = Organisation.objects.get_or_create(
            name=f"Load demo applicant {i:03d}",
            country=countries[i % len(countries)],
            defaults={"kind": "academia", "itu_membership": "academia"},
        )
        organisations.append(org)
    dt = CentreType.objects.get(code="DIGITAL_TRANSFORMATION")
    existing = set(call.applications.values_list("organisation_id", flat=True))
    Application.objects.bulk_create(
        [
            Application(
                call=call,
                organisation=o,
                status=ApplicationStatus.IN_REVIEW,
                proposed_centre_type=dt,
                proposed_scope="national",
                host_institution=o.name,
                flagship_initiatives="Demo",
                human_resources_plan="Demo",
                financial_resources_plan="Demo",
                submitted_at=call.closes_at - timedelta(days=1),
            )
            for o in organisations
            if o.pk not in existing
        ]
    )
    criteria = list(call.criteria.all())
    assignments = []
    for application in call.applications.all():
        for reviewer in reviewers:
            assignments.append(
                ReviewAssignment(
                    application=application,
                    reviewer=reviewer,
                    status=AssignmentStatus.SUBMITTED,
                    due_at=call.closes_at + timedelta(days=30),
                    declared_at=call.closes_at,
                    submitted_at=call.closes_at + timedelta(days=20),
                )
            )
    ReviewAssignment.objects.bulk_create(assignments, ignore_conflicts=True)
    bias = {r.pk: b for r, b in zip(reviewers, (0, -1, 1), strict=False)}
    Score.objects.bulk_create(
        [
            Score(
                assignment=a,
                criterion=c,
                value=max(0, min(5, rng.randint(1, 4) + bias.get(a.reviewer_id, 0))),
            )
            for a in ReviewAssignment.objects.filter(application__call=call)
            for c in criteria
        ],
        ignore_conflicts=True,
    )
