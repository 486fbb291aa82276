"""Demo centres inspired by public facts (shared/DOMAIN.md) plus generated ones, in every
state the network knows. Idempotent: centres are found by name before anything is done."""

import random
from datetime import date, timedelta

from django.utils import timezone

from alliance.accounts.models import Organisation
from alliance.centres import services
from alliance.centres.models import Centre, CentreType, PartnerRecognition
from alliance.centres.states import RECOGNITION_CRITERIA
from alliance.core import kernel
from alliance.core.kernel import day_over
from alliance.core.models import Country, StrategicObjective

from .design import design_evidence, signed_agreement
from .monitoring import _seed_catalogue

REAL = [
    # key, name, type, scope, org key, country, start, description
    (
        "macra",
        "MACRA Digital Transformation Acceleration Centre",
        "DIGITAL_TRANSFORMATION",
        "national",
        "macra",
        "MW",
        date(2023, 9, 1),
        "Malawi's regulator hosts a national centre that speeds up digital transformation "
        "across government, start-ups and the private sector.",
    ),
    (
        "tcra",
        "TCRA Innovation Hub",
        "DIGITAL_TRANSFORMATION",
        "national",
        "tcra",
        "TZ",
        date(2024, 3, 1),
        "The Tanzania Communications Regulatory Authority's hub for digital entrepreneurship "
        "and policy experimentation.",
    ),
    (
        "idda",
        "IDDA Regional Acceleration Centre",
        "DIGITAL_TRANSFORMATION",
        "regional",
        "idda",
        "AZ",
        date(2025, 11, 10),
        "The first acceleration centre in the CIS region, hosted by Azerbaijan's Innovation "
        "and Digital Development Agency.",
    ),
    (
        "gic",
        "Global Innovation Centre New Delhi",
        "TECHNOLOGY",
        "global",
        "itu_delhi",
        "IN",
        date(2024, 3, 4),
        "Run by ITU at its Area Office in New Delhi, it coordinates the Network of "
        "Acceleration Centres.",
    ),
]

TYPES = ["RESEARCH_ENTREPRENEURSHIP", "DIGITAL_TRANSFORMATION", "INITIATIVES", "TECHNOLOGY"]
GENERATED_COUNTRIES = [
    "SN", "KE", "GH", "BR", "CO", "MX", "EG", "JO", "AE", "TH", "ID", "PK", "KZ", "UZ", "AL", "RS"
]  # fmt: skip


def _add_initiative(centre, actor, rng, index, start):
    objectives = list(centre.objectives.all()[:2]) or list(StrategicObjective.objects.all()[:1])
    services.initiative_create(
        centre_id=centre.pk,
        actor=actor,
        objectives=objectives,
        title={
            "en": f"Flagship initiative {index}: {centre.country.name} start-up acceleration",
            "fr": f"Initiative phare {index} : accélération de jeunes pousses",
        },
        summary={
            "en": "Cohorts of digital start-ups with mentoring, sandboxes and investor days.",
            "fr": "Des promotions de jeunes pousses numériques : mentorat, bacs à sable, "
            "journées investisseurs.",
        },
        partners="Universities, innovation hubs, investors",
        budget_usd=rng.choice([60_000, 120_000, 250_000]),
        start_date=start,
        end_date=None,
        status="running",
        outcomes="",
    )


def _make(ctx, *, name, type_code, scope, organisation, country, start, description, rng):
    existing = Centre.objects.filter(name=name).first()
    if existing:
        return existing, False
    secretariat, director = ctx.users["secretariat"], ctx.users["director"]
    centre_type = CentreType.objects.get(code=type_code)
    if scope not in centre_type.scopes:
        scope = centre_type.scopes[-1]
    centre = services.centre_create(
        actor=secretariat,
        centre_type=centre_type,
        scope=scope,
        host_organisation=organisation,
        country=Country.objects.get(code=country),
        name=name,
        description={"en": description},
        contact_email=f"centre@{country.lower()}.demo.alliance.test",
        contact_name="Centre manager",
    )
    if start is None:  # stays in design: its agreement is signed, the rest is to do
        signed_agreement(centre, timezone.localdate() - timedelta(days=20))
        return centre, True
    # The design phase's data, checked when the Director accredits.
    _add_initiative(centre, secretariat, rng, 1, start)
    design_evidence(centre, lab=ctx.users["lab"], signed_on=start - timedelta(days=60))
    services.accreditation_issue(centre_id=centre.pk, actor=director, start_date=start)
    return centre, True


def seed(ctx):
    _seed_catalogue()  # the indicators a centre's design chooses from
    rng = random.Random(2023)
    today = timezone.localdate()
    director, secretariat = ctx.users["director"], ctx.users["secretariat"]
    orgs = dict(ctx.organisations)
    orgs["itu_delhi"], _ = Organisation.objects.get_or_create(
        name="ITU Area Office and Innovation Centre, New Delhi",
        country="IN",
        defaults={"acronym": "ITU-AO", "kind": "un_agency", "itu_membership": "none"},
    )
    made = {}
    for key, name, type_code, scope, org_key, country, start, description in REAL:
        made[key], created = _make(
            ctx,
            name=name,
            type_code=type_code,
            scope=scope,
            organisation=orgs[org_key],
            country=country,
            start=start,
            description=description,
            rng=rng,
        )
        if created and key == "macra":
            # MACRA's first term ended on 31 August 2026: renewed after evaluation, which
            # began before the term ended (the kernel reads the term as running then).
            accreditation = made[key].accreditations.get()
            with kernel.as_of(day_over(accreditation.end_date) - timedelta(days=30)):
                evaluation = services.renewal_open(
                    accreditation_id=accreditation.pk, actor=secretariat
                )
                services.renewal_self_report(
                    evaluation_id=evaluation.pk,
                    actor=ctx.users["macra_focal"],
                    self_report="Three cohorts of start-ups, a regulatory sandbox for mobile money, "
                    "and a national digital skills programme.",
                )
                services.renewal_evaluate(
                    evaluation_id=evaluation.pk,
                    actor=ctx.users["lab"],
                    scores={
                        "objectives": 3,
                        "flagships": 4,
                        "resources": 3,
                        "reporting": 3,
                        "network": 4,
                    },  # fmt: skip
                    note="Strong delivery; reporting on time.",
                )
                services.renewal_decide(
                    evaluation_id=evaluation.pk, actor=director, renew=True, note="Requalified."
                )
    # The Innovation Hub (Pretoria) joined through partner recognition in March 2026.
    if not PartnerRecognition.objects.filter(organisation=orgs["tih"]).exists():
        recognition = services.recognition_request(
            organisation=orgs["tih"],
            actor=_tih_focal(ctx, orgs["tih"]),
            centre_name="African Digital Transformation Centre",
            centre_type=CentreType.objects.get(code="DIGITAL_TRANSFORMATION"),
            scope="regional",
            country=Country.objects.get(code="ZA"),
            description="A regional centre at The Innovation Hub, Pretoria, for digital "
            "transformation across Africa.",
            track_record="Fifteen years of incubation: over 300 start-ups supported.",
            resources="A team of twelve, a building and an annual budget from the province.",
        )
        lab = ctx.users["lab"]
        recognition = services.recognition_start_design(recognition_id=recognition.pk, actor=lab)
        _add_initiative(recognition.centre, secretariat, random.Random(2026), 1, date(2026, 1, 15))
        design_evidence(recognition.centre, lab=lab, signed_on=date(2026, 1, 10))
        services.recognition_complete_design(recognition_id=recognition.pk, actor=lab)
        services.recognition_evaluate(
            recognition_id=recognition.pk,
            actor=lab,
            scores={code: 3 for code, _label in RECOGNITION_CRITERIA},
            note="Meets the guidance.",
        )
        services.recognition_decide(
            recognition_id=recognition.pk,
            actor=director,
            approve=True,
            note="Welcome to the network.",
            start_date=date(2026, 3, 12),
        )
    # Generated centres over every region and type, at every stage of their term.
    organisations = list(Organisation.objects.filter(name__startswith="Demo ").order_by("name"))
    for i, country in enumerate(GENERATED_COUNTRIES):
        type_code = TYPES[i % len(TYPES)]
        days_ago = [200, 500, 900, 1000, 1150, 60, 1300, 30][i % 8]
        start = None if i == 5 else today - timedelta(days=days_ago)
        centre, created = _make(
            ctx,
            name=f"Acceleration Centre {Country.objects.get(code=country).name}",
            type_code=type_code,
            scope=rng.choice(["national", "regional"]),
            organisation=organisations[i % len(organisations)],
            country=country,
            start=start,
            description="A demo centre generated for the registry.",
            rng=rng,
        )
        if not created or start is None:
            continue
        accreditation = centre.accreditations.get()
        if i == 3:
            services.accreditation_suspend(
                accreditation_id=accreditation.pk,
                actor=director,
                reason="Annual report overdue by six months.",
            )
        if i == 9:
            services.accreditation_revoke(
                accreditation_id=accreditation.pk,
                actor=director,
                reason="The host organisation ended its cooperation agreement.",
            )
        if i == 8:
            services.category_change_request(
                centre_id=centre.pk,
                actor=secretariat,
                to_type=CentreType.objects.get(code="DIGITAL_TRANSFORMATION"),
                justification="The host now funds a national team of eight and runs two "
                "flagship initiatives with the ministry.",
                annual_budget_usd=450_000,
            )
    services.send_due_reminders(today)
    services.expire_ended(today)
    # The Global Innovation Centre's renewal is under evaluation.
    gic = made["gic"].accreditations.filter(status="renewal_due").first()
    if gic is not None:
        services.renewal_open(accreditation_id=gic.pk, actor=secretariat)
    # A Senegalese university asks to become a partner ITU acceleration centre.
    if not PartnerRecognition.objects.filter(organisation=orgs["ucad"]).exists():
        services.recognition_request(
            organisation=orgs["ucad"],
            actor=ctx.users["ucad"],
            centre_name="Centre d'innovation numérique de l'UCAD",
            centre_type=CentreType.objects.get(code="RESEARCH_ENTREPRENEURSHIP"),
            scope="national",
            country=Country.objects.get(code="SN"),
            description="Un incubateur universitaire pour les jeunes pousses du numérique.",
            track_record="Six promotions de jeunes pousses depuis 2019.",
            resources="Huit personnes et un budget annuel de l'université.",
        )


def _tih_focal(ctx, organisation):
    from alliance.accounts.models import Membership
    from alliance.seeding.demo import demo_user

    user = demo_user(
        ctx, "tih_focal", "focal@tih.demo.alliance.test", "Naledi Dlamini",
        "Centre manager (The Innovation Hub, South Africa)",
    )  # fmt: skip
    Membership.objects.get_or_create(
        user=user, organisation=organisation, defaults={"role": "focal_point"}
    )
    return user
