"""Demo indicator catalogue, centre indicators, reports in every state and lessons learned
(English and French). Idempotent: rows are found by code, centre and period, or title."""

from datetime import datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from alliance.core.models import StrategicObjective
from alliance.monitoring.models import (
    CentreIndicator,
    CentreReport,
    Indicator,
    IndicatorValue,
    InitiativeProgress,
    LessonLearned,
    ReportingSchedule,
)
from alliance.monitoring.services import open_due_reports
from alliance.monitoring.states import LessonStatus, ReportStatus

CATALOGUE = [
    # objective, code, EN, FR, unit, direction, definition EN, definition FR
    (
        "FORESIGHT",
        "foresight-studies",
        "Foresight studies published",
        "Études prospectives publiées",
        "count",
        "higher",
        "Trend and foresight studies the centre published in the period.",
        "Études de tendances et de prospective publiées par le centre pendant la période.",
    ),
    (
        "OPEN_TECH",
        "open-source-projects",
        "Open-source projects released",
        "Projets en source ouverte publiés",
        "count",
        "higher",
        "Projects released under an open licence with the centre's support.",
        "Projets publiés sous licence ouverte avec l'appui du centre.",
    ),
    (
        "ENTREPRENEURSHIP",
        "startups-supported",
        "Start-ups supported",
        "Jeunes pousses accompagnées",
        "count",
        "higher",
        "Start-ups that received mentoring, funding or services from the centre.",
        "Jeunes pousses ayant bénéficié de mentorat, de financement ou de services du centre.",
    ),
    (
        "ENTREPRENEURSHIP",
        "investment-raised",
        "Investment raised by start-ups",
        "Investissements levés par les jeunes pousses",
        "usd",
        "higher",
        "Investment the supported start-ups raised in the period, in US dollars.",
        "Investissements levés par les jeunes pousses accompagnées pendant la période, en dollars des États-Unis.",
    ),
    (
        "ENTREPRENEURSHIP",
        "women-founders",
        "Share of women-led start-ups",
        "Part des jeunes pousses dirigées par des femmes",
        "percent",
        "higher",
        "Women-led start-ups as a share of the start-ups supported.",
        "Jeunes pousses dirigées par des femmes, en pourcentage des jeunes pousses accompagnées.",
    ),
    (
        "POLICY",
        "sandbox-experiments",
        "Policy experiments in sandboxes",
        "Expérimentations de politiques en bac à sable",
        "count",
        "higher",
        "Policy or regulatory experiments run in a sandbox in the period.",
        "Expérimentations politiques ou réglementaires menées en bac à sable pendant la période.",
    ),
    (
        "POLICY",
        "policy-cycle-days",
        "Days from policy proposal to adoption",
        "Jours entre la proposition et l'adoption d'une politique",
        "number",
        "lower",
        "Median days from a digital policy proposal to its adoption.",
        "Nombre médian de jours entre la proposition d'une politique numérique et son adoption.",
    ),
    (
        "ECOSYSTEM",
        "partnerships",
        "Active partnerships",
        "Partenariats actifs",
        "count",
        "higher",
        "Partnerships with academia, government, private sector, funders and civil society.",
        "Partenariats avec le monde universitaire, les pouvoirs publics, le secteur privé, les bailleurs et la société civile.",
    ),
    (
        "ECOSYSTEM",
        "people-trained",
        "People trained",
        "Personnes formées",
        "count",
        "higher",
        "People who completed a training programme of the centre.",
        "Personnes ayant suivi un programme de formation du centre.",
    ),
]

CENTRES = {
    # centre name: (first period start, [(indicator code, baseline, target)], report scenario)
    "MACRA Digital Transformation Acceleration Centre": (
        (2023, 9, 1),
        [
            ("startups-supported", 12, 60),
            ("sandbox-experiments", 0, 6),
            ("people-trained", 150, 1200),
            ("women-founders", 18, 40),
        ],
        ["accepted_on_time", "accepted_late", "open"],
    ),
    "TCRA Innovation Hub": (
        (2024, 3, 1),
        [
            ("startups-supported", 20, 80),
            ("investment-raised", 250000, 2000000),
            ("partnerships", 5, 25),
        ],
        ["accepted_on_time", "submitted"],
    ),
    "Global Innovation Centre New Delhi": (
        (2024, 3, 4),
        [("foresight-studies", 1, 8), ("open-source-projects", 2, 12), ("partnerships", 10, 40)],
        ["accepted_on_time", "changes_requested"],
    ),
    "IDDA Regional Acceleration Centre": (
        (2025, 11, 10),
        [("startups-supported", 0, 50), ("policy-cycle-days", 240, 120)],
        [],
    ),
}

LESSONS = [
    (
        "POLICY",
        "en",
        "Sandboxes need a sunset clause",
        "Time-boxed regulatory sandboxes attracted twice as many applicants.",
        "## What we tried\n\nOur first sandbox had **no end date**; firms hesitated.\n\n"
        "## What worked\n\n- a 12-month window\n- a public exit report\n- a single contact at the regulator\n",
    ),
    (
        "ENTREPRENEURSHIP",
        "en",
        "Mentors matter more than grants",
        "Start-ups with a sector mentor survived longer than those with a grant alone.",
        "Pair every start-up with a mentor from its sector **before** money changes hands.\n\n"
        "| Cohort | Survival after 2 years |\n|---|---|\n| Grant only | 41 % |\n| Grant and mentor | 68 % |\n",
    ),
    (
        "ECOSYSTEM",
        "fr",
        "Cartographier l'écosystème avant de lancer des programmes",
        "Un atelier de co-création a évité de dupliquer trois programmes existants.",
        "## Constat\n\nAvant l'atelier, trois acteurs préparaient un programme d'incubation identique.\n\n"
        "## Leçon\n\nRéunir *toutes* les parties prenantes autour du Profil d'innovation numérique.\n",
    ),
    (
        "FORESIGHT",
        "fr",
        "La prospective se partage en format court",
        "Des notes de deux pages ont été lues par les décideurs, les rapports longs non.",
        "Les décideurs lisent des notes courtes : **deux pages**, trois recommandations, une échéance.\n",
    ),
    (
        "OPEN_TECH",
        "en",
        "Publish the code from day one",
        "Open repositories drew contributors from five countries in the region.",
        "Publishing under an open licence at the start, not the end, built trust with partners.\n",
    ),
]


def _seed_catalogue():
    objectives = {o.code: o for o in StrategicObjective.objects.all()}
    for objective, code, en, fr, unit, direction, en_definition, fr_definition in CATALOGUE:
        Indicator.objects.update_or_create(
            code=code,
            defaults={
                "objective": objectives[objective],
                "name": {"en": en, "fr": fr},
                "definition": {"en": en_definition, "fr": fr_definition},
                "unit": unit,
                "direction": direction,
            },
        )


def _value(baseline, target, step, steps, unit):
    value = Decimal(baseline) + (Decimal(target) - Decimal(baseline)) * step / (steps + 1)
    return value.quantize(Decimal("1")) if unit != "percent" else value.quantize(Decimal("0.1"))


def _at(day, offset_days):
    return timezone.make_aware(datetime.combine(day + timedelta(days=offset_days), time(10)))


def _seed_reports(ctx):
    from alliance.centres.models import Centre

    lab = ctx.users["lab"]
    manager = ctx.users.get("macra_focal")
    indicators = {i.code: i for i in Indicator.objects.all()}
    for name, (start, chosen, scenario) in CENTRES.items():
        centre = Centre.objects.filter(name=name).first()
        if centre is None:
            continue
        ReportingSchedule.objects.update_or_create(
            centre=centre,
            defaults={
                "period_months": 12,
                "first_period_start": timezone.datetime(*start).date(),
                "due_days": 60,
            },
        )
        rows = []
        for code, baseline, target in chosen:
            ci, _new = CentreIndicator.objects.update_or_create(
                centre=centre,
                indicator=indicators[code],
                defaults={
                    "baseline": baseline,
                    "baseline_year": start[0],
                    "target": target,
                    "target_year": start[0] + 3,
                },
            )
            rows.append(ci)
        centre.refresh_from_db()
        open_due_reports(today=timezone.localdate())
        reports = list(
            CentreReport.objects.filter(centre=centre)
            .select_related("period")
            .order_by("period__start")
        )
        for step, (report, state) in enumerate(zip(reports, scenario, strict=False), start=1):
            if state == "open":
                continue
            for ci in rows:
                IndicatorValue.objects.update_or_create(
                    report=report,
                    centre_indicator=ci,
                    defaults={
                        "value": _value(
                            ci.baseline, ci.target, step, len(scenario), ci.indicator.unit
                        )
                    },
                )
            for initiative in centre.initiatives.all():
                InitiativeProgress.objects.update_or_create(
                    report=report,
                    initiative=initiative,
                    defaults={"progress": "Second cohort selected; investor day held."},
                )
            submitted = _at(report.due_date, 12 if state == "accepted_late" else -10)
            status = {
                "accepted_on_time": ReportStatus.ACCEPTED,
                "accepted_late": ReportStatus.ACCEPTED,
                "submitted": ReportStatus.SUBMITTED,
                "changes_requested": ReportStatus.CHANGES_REQUESTED,
            }[state]
            decided = status != ReportStatus.SUBMITTED
            CentreReport.objects.filter(pk=report.pk).update(
                status=status,
                narrative="The centre ran two start-up cohorts, a sandbox and a regional forum.",
                first_submitted_at=submitted,
                submitted_at=submitted,
                submitted_by=manager
                if centre.host_organisation_id
                == getattr(ctx.organisations.get("macra"), "pk", None)
                else None,
                decided_at=submitted + timedelta(days=14) if decided else None,
                decided_by=lab if decided else None,
                lab_comments="Explain the drop in partnerships and add the forum's attendance list."
                if status == ReportStatus.CHANGES_REQUESTED
                else ("Thank you: a clear report." if decided else ""),
            )


def _seed_lessons(ctx):
    from alliance.centres.models import Centre

    objectives = {o.code: o for o in StrategicObjective.objects.all()}
    centres = list(Centre.objects.filter(name__in=CENTRES).select_related("country__region"))
    for n, (objective, language, title, summary, body) in enumerate(LESSONS):
        centre = centres[n % len(centres)] if centres and n % 2 == 0 else None
        LessonLearned.objects.update_or_create(
            title=title,
            defaults={
                "summary": summary,
                "body": body,
                "objective": objectives[objective],
                "language": language,
                "centre": centre,
                "region": centre.country.region if centre else None,
                "status": LessonStatus.PUBLISHED,
                "author": ctx.users["lab"],
                "published_at": timezone.now() - timedelta(days=30 * (n + 1)),
            },
        )


def seed(ctx):
    _seed_catalogue()
    _seed_reports(ctx)
    _seed_lessons(ctx)
