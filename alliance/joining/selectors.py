"""Reads of the joining journey. `organisation_has_declaration_in_force` is a contract
used by other apps (calls): keep its name and signature."""

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery

from alliance.centres.models import CentreType
from alliance.centres.recommender import Fit, Profile, recommend
from alliance.centres.selectors import cost_version_on
from alliance.core.policy import can

from .models import ExpressionOfInterest, JointDeclaration, PreliminaryAssessment
from .states import AssessmentStatus, DeclarationStatus, ExpressionStatus


def is_joining_staff(user) -> bool:
    return can(user, "joining.staff")


def organisation_has_declaration_in_force(organisation) -> bool:
    return JointDeclaration.objects.filter(
        organisation=organisation, status=DeclarationStatus.IN_FORCE
    ).exists()


def _for_user(queryset: QuerySet, user) -> QuerySet:
    if is_joining_staff(user):
        return queryset
    if not getattr(user, "is_authenticated", False):
        return queryset.none()
    return queryset.filter(organisation__memberships__user=user).distinct()


def expressions_visible_to(user) -> QuerySet[ExpressionOfInterest]:
    rows = ExpressionOfInterest.objects.select_related("organisation").prefetch_related(
        "objectives", "centre_types"
    )
    if is_joining_staff(user):
        # A draft is the organisation's own until it is submitted.
        return rows.filter(
            ~Q(status=ExpressionStatus.DRAFT) | Q(organisation__memberships__user=user)
        ).distinct()
    return _for_user(rows, user)


def assessments_visible_to(user) -> QuerySet[PreliminaryAssessment]:
    return _for_user(
        PreliminaryAssessment.objects.select_related("organisation", "expression", "reviewer"),
        user,
    )


def declarations_visible_to(user) -> QuerySet[JointDeclaration]:
    return _for_user(
        JointDeclaration.objects.select_related(
            "organisation", "centre_type", "signed_by", "countersigned_by", "assessment"
        ),
        user,
    )


def manages(user, organisation) -> bool:
    return can(user, "accounts.organisation.manage", organisation)


# --- Work queues -----------------------------------------------------------------------


def expression_queue(*, status: str = "") -> QuerySet[ExpressionOfInterest]:
    rows = ExpressionOfInterest.objects.select_related("organisation")
    rows = rows.filter(status=status) if status else rows.filter(status=ExpressionStatus.SUBMITTED)
    return rows.order_by("submitted_at", "id")


def assessment_queue(*, status: str = "") -> QuerySet[PreliminaryAssessment]:
    rows = PreliminaryAssessment.objects.select_related("organisation", "reviewer")
    if status:
        rows = rows.filter(status=status)
    else:
        rows = rows.filter(status__in=[AssessmentStatus.SUBMITTED, AssessmentStatus.IN_REVIEW])
    return rows.order_by("submitted_at", "id")


def declaration_queue(*, status: str = "") -> QuerySet[JointDeclaration]:
    rows = JointDeclaration.objects.select_related("organisation", "centre_type", "signed_by")
    if status:
        rows = rows.filter(status=status)
    else:
        rows = rows.filter(status__in=[DeclarationStatus.DRAFTED, DeclarationStatus.SIGNED])
    return rows.order_by("drafted_at", "id")


def queue_counts() -> dict[str, int]:
    counts = {
        "expressions": ExpressionOfInterest.objects.filter(
            status=ExpressionStatus.SUBMITTED
        ).count(),
    }
    counts.update(
        PreliminaryAssessment.objects.aggregate(
            assessments=Count(
                "id", filter=Q(status__in=[AssessmentStatus.SUBMITTED, AssessmentStatus.IN_REVIEW])
            )
        )
    )
    counts.update(
        JointDeclaration.objects.aggregate(
            to_countersign=Count("id", filter=Q(status=DeclarationStatus.SIGNED)),
        )
    )
    return counts


def organisation_journey(organisation) -> dict:
    """Where an organisation stands in the three steps (dashboard, organisation page)."""
    return {
        "organisation": organisation,
        "expression": organisation.expressions_of_interest.order_by("-created_at").first(),
        "assessment": organisation.preliminary_assessments.order_by("-created_at").first(),
        "declaration": organisation.joint_declarations.select_related("centre_type")
        .order_by("-drafted_at")
        .first(),
    }


# --- Recommendation --------------------------------------------------------------------


def centre_types() -> list[CentreType]:
    return list(CentreType.objects.prefetch_related(Prefetch("objectives")).order_by("order"))


def profile_for(assessment: PreliminaryAssessment) -> Profile:
    return Profile(
        objectives=frozenset(assessment.objectives),
        scope=assessment.scope or None,
        ownership=assessment.ownership or None,
        sponsor=assessment.sponsor or None,
        annual_budget_usd=assessment.annual_budget_usd,
        flagship_initiatives=assessment.flagship_initiatives
        if assessment.flagship_initiatives is not None
        else 1,
        assessment={
            code: entry["rating"]
            for code, entry in assessment.pillars.items()
            if entry.get("rating")
        },
    )


def recommendation_for(assessment: PreliminaryAssessment) -> list[Fit]:
    """Costs with the version recorded at submission (a draft: the one in effect today)."""
    figures = assessment.cost_model or cost_version_on()
    return recommend(profile_for(assessment), centre_types(), figures)


# --- Profile averages ------------------------------------------------------------------

# An average is shown only when at least this many organisations feed it: with fewer, a
# reader who knows the region could work out another organisation's ratings.
MIN_ORGANISATIONS_FOR_AVERAGE = 5
RATING_SCORE = {"adequate": 3, "some": 2, "inadequate": 1}


def _mean_scores(rows: list[dict]) -> dict[str, float]:
    sums: dict[str, list[int]] = {}
    for pillars in rows:
        for code, entry in pillars.items():
            score = RATING_SCORE.get((entry or {}).get("rating", ""))
            if score:
                sums.setdefault(code, []).append(score)
    return {code: round(sum(v) / len(v), 2) for code, v in sums.items()}


def pillar_averages(assessment: PreliminaryAssessment) -> dict:
    """Average pillar scores of the assessment's ITU-D region and of every submitted one.

    Two queries: the organisation's region, then each organisation's latest submitted
    assessment with its country's region (a subquery). Each average counts organisations,
    not assessments, and is hidden below MIN_ORGANISATIONS_FOR_AVERAGE.
    """
    from alliance.core.models import Country

    own = (
        Country.objects.select_related("region")
        .filter(code=assessment.organisation.country)
        .first()
    )
    region = Country.objects.filter(code=OuterRef("organisation__country")).values("region_id")
    rows = (
        PreliminaryAssessment.objects.exclude(status=AssessmentStatus.DRAFT)
        .annotate(region_id=Subquery(region[:1]))
        .order_by("organisation_id", "submitted_at", "id")
        .values("organisation_id", "pillars", "region_id")
    )
    latest = list({row["organisation_id"]: row for row in rows}.values())
    peers = [r for r in latest if own and r["region_id"] == own.region_id]
    return {
        "all": _average(latest),
        "region": _average(peers) if own else None,
        "region_name": own.region.name if own else "",
    }


def _average(rows: list[dict]) -> dict:
    count = len(rows)
    shown = count >= MIN_ORGANISATIONS_FOR_AVERAGE
    return {
        "count": count,
        "shown": shown,
        "scores": _mean_scores([r["pillars"] for r in rows]) if shown else {},
    }
