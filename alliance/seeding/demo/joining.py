"""Demo records of the joining journey: MACRA (Malawi) all the way to a joint declaration in
force, the University of Nairobi half-way through its assessment, and expressions of
interest waiting, drafted or declined. Idempotent: an organisation that already has an
expression of interest is left as it is."""

from alliance.centres.models import CentreType
from alliance.core import kernel
from alliance.core.models import StrategicObjective
from alliance.joining import services
from alliance.joining.models import ExpressionOfInterest
from alliance.lab import services as lab_services

MACRA_SECTIONS = {
    "ecosystem": {
        "pillars": {
            "vision": {"rating": "adequate", "evidence": "Malawi Digital Economy Strategy."},
            "talent": {"rating": "some", "evidence": "ICT graduates; few start-up mentors."},
            "infrastructure": {"rating": "some", "evidence": "Two hubs in Lilongwe and Blantyre."},
            "capital": {"rating": "inadequate", "evidence": "Little early-stage capital."},
            "market": {"rating": "some", "evidence": "Regional links through SADC."},
            "culture": {"rating": "adequate", "evidence": "Active tech communities."},
            "policy": {"rating": "adequate", "evidence": "Regulatory sandbox being drafted."},
        }
    },
    "human": {
        "human_resources": [
            {"role": "Centre manager", "fte": 1.0},
            {"role": "Policy analysts", "fte": 2.0},
            {"role": "Programme officers", "fte": 3.0},
        ]
    },
    "financial": {
        "annual_budget_usd": 450_000,
        "funding_sources": ["regulator", "government"],
        "years_secured": 3,
    },
    "profile": {
        "objectives": ["ENTREPRENEURSHIP", "POLICY", "ECOSYSTEM"],
        "scope": "national",
        "ownership": "country",
        "sponsor": "host_country",
        "flagship_initiatives": 2,
    },
}


def _expression(ctx, org_key, user_key, objectives, scope, motivation, types=()):
    organisation = ctx.organisations[org_key]
    user = ctx.users[user_key]
    return services.expression_create(
        organisation=organisation,
        actor=user,
        data={
            "instruments": ["host_centre", "lab_support"],
            "objectives": list(StrategicObjective.objects.filter(code__in=objectives)),
            "centre_types": list(CentreType.objects.filter(code__in=types)),
            "scope": scope,
            "motivation": motivation,
            "contact_name": user.full_name,
            "contact_email": user.email,
        },
    )


def _fresh(ctx, org_key) -> bool:
    return not ExpressionOfInterest.objects.filter(organisation=ctx.organisations[org_key]).exists()


def seed(ctx):
    secretariat, director, lab = ctx.users["secretariat"], ctx.users["director"], ctx.users["lab"]

    if _fresh(ctx, "macra"):
        focal = ctx.users["macra_focal"]
        expression = _expression(
            ctx,
            "macra",
            "macra_focal",
            ["ENTREPRENEURSHIP", "POLICY", "ECOSYSTEM"],
            "national",
            "MACRA wants a national centre that speeds up digital policy and supports SMEs.",
            ["DIGITAL_TRANSFORMATION"],
        )
        services.expression_submit(expression_id=expression.pk, actor=focal)
        services.expression_acknowledge(expression_id=expression.pk, actor=secretariat)
        assessment = services.assessment_start(expression_id=expression.pk, actor=focal)
        for section, data in MACRA_SECTIONS.items():
            services.assessment_save_section(
                assessment_id=assessment.pk, actor=focal, section=section, data=data
            )
        services.assessment_submit(assessment_id=assessment.pk, actor=focal)
        services.assessment_start_review(assessment_id=assessment.pk, actor=lab)
        services.assessment_complete(
            assessment_id=assessment.pk,
            actor=secretariat,
            findings="A strong policy base and committed resources for three years. "
            "Capital & Resources needs a flagship initiative on early-stage funding.",
        )
        declaration = services.declaration_draft(
            assessment_id=assessment.pk,
            actor=secretariat,
            centre_type=CentreType.objects.get(code="DIGITAL_TRANSFORMATION"),
            scope="national",
            commitments="MACRA hosts the centre in Blantyre and opens it to other regulators "
            "of the region for peer learning.",
        )
        services.declaration_sign(
            declaration_id=declaration.pk,
            actor=ctx.users["macra_signatory"],
            signatory_name=ctx.users["macra_signatory"].full_name,
        )
        services.declaration_countersign(declaration_id=declaration.pk, actor=director)

    if _fresh(ctx, "uni_nairobi"):
        focal = ctx.users["university"]
        expression = _expression(
            ctx,
            "uni_nairobi",
            "university",
            ["FORESIGHT", "OPEN_TECH", "ENTREPRENEURSHIP"],
            "regional",
            "The University of Nairobi wants to become an entrepreneurial university for "
            "East Africa.",
            ["RESEARCH_ENTREPRENEURSHIP"],
        )
        services.expression_submit(expression_id=expression.pk, actor=focal)
        services.expression_acknowledge(expression_id=expression.pk, actor=secretariat)
        assessment = services.assessment_start(expression_id=expression.pk, actor=focal)
        services.assessment_save_section(
            assessment_id=assessment.pk,
            actor=focal,
            section="ecosystem",
            data={
                "pillars": {
                    "vision": {"rating": "some", "evidence": "University strategy 2024-2030."},
                    "talent": {"rating": "adequate", "evidence": "Strong research faculty."},
                    "infrastructure": {"rating": "some", "evidence": "A campus incubator."},
                }
            },
        )
        services.assessment_save_section(
            assessment_id=assessment.pk,
            actor=focal,
            section="human",
            data={"human_resources": [{"role": "Research leads", "fte": 2.5}]},
        )
        lab_services.request_submit(
            organisation=ctx.organisations["uni_nairobi"],
            actor=focal,
            kind="preliminary_review",
            description="We would like help to rate the Capital & Resources and Market & "
            "Networks pillars with evidence.",
            urgency="normal",
            preferred_language="en",
            assessment=assessment,
        )

    if _fresh(ctx, "ng_ministry"):
        expression = _expression(
            ctx,
            "ng_ministry",
            "ministry",
            ["POLICY", "ECOSYSTEM", "ENTREPRENEURSHIP"],
            "regional",
            "Nigeria proposes a regional centre for West Africa on policy experimentation.",
        )
        services.expression_submit(expression_id=expression.pk, actor=ctx.users["ministry"])

    if _fresh(ctx, "ucad"):
        _expression(
            ctx,
            "ucad",
            "ucad",
            ["OPEN_TECH"],
            "national",
            "L'UCAD souhaite accueillir un centre sur l'innovation ouverte.",
        )

    if _fresh(ctx, "arcep_bj"):
        # A declined expression, made directly: no demo person belongs to ARCEP Benin.
        expression = ExpressionOfInterest.objects.create(
            organisation=ctx.organisations["arcep_bj"],
            status="declined",
            instruments=["join_board"],
            motivation="Rejoindre le Conseil de l'innovation numérique.",
            decline_reason="Board members are nominated by their country and approved by the "
            "BDT Director: ask your administration to nominate a candidate.",
        )
        # A record made straight in its final state: its history is one kernel event.
        kernel.record(
            expression,
            actor=secretariat,
            verb="expression.declined",
            before="submitted",
            after="declined",
            notify=False,
        )
