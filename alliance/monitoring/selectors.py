"""Reads for monitoring: indicator history, punctuality, the late list, network figures."""

from collections import defaultdict
from datetime import date
from decimal import Decimal

from django.db.models import Case, Count, Q, QuerySet, When
from django.utils import timezone

from alliance.centres.models import Centre
from alliance.lab.models import AssistanceKind, TechnicalAssistanceRequest
from alliance.lab.states import RequestStatus

from .models import CentreIndicator, CentreReport, Indicator, IndicatorValue, LessonLearned
from .states import EDITABLE_STATES, LessonStatus, ReportStatus


def centre_indicators(centre) -> QuerySet[CentreIndicator]:
    return centre.monitored_indicators.select_related("indicator__objective")


def indicator_history(centre) -> list[dict]:
    """Per centre indicator: baseline, target and the values of accepted reports by period."""
    rows = list(centre_indicators(centre))
    values = IndicatorValue.objects.filter(
        report__centre=centre, report__status=ReportStatus.ACCEPTED
    ).select_related("report__period")
    by_ci: dict[int, list] = defaultdict(list)
    for v in values:
        by_ci[v.centre_indicator_id].append((v.report.period.end, v.value))
    history = []
    for ci in rows:
        points = sorted(by_ci.get(ci.pk, []))
        latest = points[-1][1] if points else None
        history.append(
            {
                "centre_indicator": ci,
                "indicator": ci.indicator,
                "baseline": ci.baseline,
                "baseline_year": ci.baseline_year,
                "target": ci.target,
                "target_year": ci.target_year,
                "points": points,
                "latest": latest,
                "on_track": _on_track(ci, latest),
            }
        )
    return history


def _on_track(ci: CentreIndicator, latest: Decimal | None) -> bool | None:
    if latest is None:
        return None
    if ci.indicator.direction == "lower":
        return latest <= ci.target
    return latest >= ci.target


def punctuality(centre, today: date | None = None) -> dict:
    """On time: first submitted by the due date. Late: after it. Missing: never submitted
    and past due. Reports not yet due are not counted."""
    today = today or timezone.localdate()
    counts = {"on_time": 0, "late": 0, "missing": 0, "not_yet_due": 0}
    for report in CentreReport.objects.filter(centre=centre).only("due_date", "first_submitted_at"):
        counts[_punctuality_of(report, today)] += 1
    return counts


def _punctuality_of(report: CentreReport, today: date) -> str:
    if report.first_submitted_at is not None:
        submitted = timezone.localdate(report.first_submitted_at)
        return "on_time" if submitted <= report.due_date else "late"
    return "missing" if report.due_date < today else "not_yet_due"


def centre_monitoring_summary(centre) -> dict:
    """Input for the renewal evaluation: indicator history against targets and punctuality."""
    history = indicator_history(centre)
    return {
        "indicators": [
            {
                "code": h["indicator"].code,
                "name": h["indicator"].name,
                "unit": h["indicator"].unit,
                "direction": h["indicator"].direction,
                "baseline": h["baseline"],
                "target": h["target"],
                "target_year": h["target_year"],
                "history": [{"period_end": end, "value": value} for end, value in h["points"]],
                "latest": h["latest"],
                "on_track": h["on_track"],
            }
            for h in history
        ],
        "punctuality": punctuality(centre),
    }


def late_reports(today: date | None = None) -> QuerySet[CentreReport]:
    """Reports past their due date that the centre has still to submit."""
    today = today or timezone.localdate()
    return (
        CentreReport.objects.filter(status__in=EDITABLE_STATES, due_date__lt=today)
        .select_related("centre__country", "period")
        .order_by("due_date", "id")
    )


def review_queue() -> QuerySet[CentreReport]:
    return (
        CentreReport.objects.filter(status=ReportStatus.SUBMITTED)
        .select_related("centre", "period")
        .order_by("submitted_at", "id")
    )


def network_punctuality(today: date | None = None) -> dict:
    today = today or timezone.localdate()
    counts = {"on_time": 0, "late": 0, "missing": 0, "not_yet_due": 0}
    for report in CentreReport.objects.only("due_date", "first_submitted_at"):
        counts[_punctuality_of(report, today)] += 1
    return counts


def latest_accepted_values() -> list[IndicatorValue]:
    """The latest accepted value of each centre indicator, with what grouping needs."""
    values = (
        IndicatorValue.objects.filter(report__status=ReportStatus.ACCEPTED)
        .select_related(
            "report__period",
            "centre_indicator__indicator__objective",
            "report__centre__country__region",
            "report__centre__centre_type",
        )
        .order_by("centre_indicator_id", "report__period__end")
    )
    latest: dict[int, IndicatorValue] = {}
    for v in values:
        latest[v.centre_indicator_id] = v
    return list(latest.values())


def indicator_totals(by: str, latest: list[IndicatorValue] | None = None) -> dict:
    """Totals of the latest accepted values of summable indicators, grouped by `by`
    ("objective", "region" or "type"): {"columns": [...], "rows": [(indicator, [..])]}.
    A page that shows several groupings reads `latest_accepted_values()` once for all."""
    if latest is None:
        latest = latest_accepted_values()
    values = [v for v in latest if v.centre_indicator.indicator.summable]

    def key(v):
        centre = v.report.centre
        if by == "region":
            return centre.country.region
        if by == "type":
            return centre.centre_type
        return v.centre_indicator.indicator.objective

    columns = sorted({key(v) for v in values}, key=lambda c: (getattr(c, "order", 0), c.pk))
    table: dict[Indicator, dict] = defaultdict(lambda: defaultdict(Decimal))
    for v in values:
        table[v.centre_indicator.indicator][key(v)] += v.value
    rows = [
        (indicator, [table[indicator].get(c, Decimal(0)) for c in columns])
        for indicator in sorted(table, key=lambda i: (i.objective.order, i.code))
    ]
    return {"columns": columns, "rows": rows}


def assistance_figures() -> dict:
    """Technical assistance volumes by status and kind, and delivery times in days."""
    by_status = dict(
        TechnicalAssistanceRequest.objects.values_list("status").annotate(n=Count("id"))
    )
    by_kind = dict(TechnicalAssistanceRequest.objects.values_list("kind").annotate(n=Count("id")))
    delivered = TechnicalAssistanceRequest.objects.filter(delivered_at__isnull=False).values_list(
        "created_at", "delivered_at"
    )
    days = sorted((d - c).days for c, d in delivered)
    ratings = list(
        TechnicalAssistanceRequest.objects.filter(satisfaction__isnull=False).values_list(
            "satisfaction", flat=True
        )
    )
    return {
        "by_status": [(label, by_status.get(value, 0)) for value, label in RequestStatus.choices],
        "by_kind": [(label, by_kind.get(value, 0)) for value, label in AssistanceKind.choices],
        "total": sum(by_status.values()),
        "delivered": len(days),
        "mean_days": round(sum(days) / len(days), 1) if days else None,
        "median_days": days[len(days) // 2] if days else None,
        "mean_rating": round(sum(ratings) / len(ratings), 1) if ratings else None,
    }


def public_figures() -> dict:
    assistance = assistance_figures()
    return {
        "centres": Centre.objects.filter(listed_since__isnull=False).count(),
        "reports_accepted": CentreReport.objects.filter(status=ReportStatus.ACCEPTED).count(),
        "assistance_delivered": assistance["delivered"],
        "assistance_mean_days": assistance["mean_days"],
        "lessons": LessonLearned.objects.filter(status=LessonStatus.PUBLISHED).count(),
        "by_kind": assistance["by_kind"],
    }


def lessons_library(filters: dict) -> QuerySet[LessonLearned]:
    rows = LessonLearned.objects.filter(status=LessonStatus.PUBLISHED).select_related(
        "objective", "region", "centre"
    )
    if filters.get("objective"):
        rows = rows.filter(objective=filters["objective"])
    if filters.get("region"):
        rows = rows.filter(region=filters["region"])
    if filters.get("language"):
        rows = rows.filter(language=filters["language"])
    if filters.get("q"):
        q = filters["q"]
        rows = rows.filter(Q(title__icontains=q) | Q(summary__icontains=q) | Q(body__icontains=q))
    return rows.order_by("-published_at", "-id")


def lessons_desk(user, *, moderator: bool) -> QuerySet[LessonLearned]:
    """The Lab: lessons waiting for review, oldest first. Others: their own lessons that
    are not (or no longer) in the library, the ones sent back first."""
    rows = LessonLearned.objects.select_related("objective", "centre", "author")
    if moderator:
        return rows.filter(status=LessonStatus.SUBMITTED).order_by("submitted_at", "id")
    return (
        rows.filter(author=user)
        .exclude(status=LessonStatus.PUBLISHED)
        .order_by(
            Case(When(status=LessonStatus.CHANGES_REQUESTED, then=0), default=1),
            "-created_at",
            "-id",
        )
    )
