"""Centre reports and indicator values (centre manager's token), public figures."""

from datetime import date, datetime
from decimal import Decimal

from django.conf import settings
from django.views.decorators.cache import cache_page
from ninja import Field, Query, Router, Schema
from ninja.decorators import decorate_view

from alliance.accounts.auth import TokenAuth
from alliance.core import kernel
from alliance.core.api_actions import window, window_query
from alliance.core.schemas import Choice

from . import services
from .models import CentreReport, Indicator
from .permissions import get_report_for, reports_visible_to
from .selectors import public_figures

router = Router(tags=["monitoring"], auth=TokenAuth())


class ValueOut(Schema):
    centre_indicator_id: int
    indicator: str
    unit: Choice(Indicator, "unit")
    target: Decimal
    # The column keeps 14 digits; past that the value is a 422 on every database.
    value: Decimal | None = Field(..., ge=-(10**12), le=10**12)
    note: str


class ReportOut(Schema):
    id: int
    centre_id: int
    centre: str
    period_start: date
    period_end: date
    due_date: date
    status: Choice(CentreReport, "status")
    narrative: str
    lab_comments: str
    submitted_at: datetime | None
    values: list[ValueOut]
    # What the token's owner may do next (the transition table and the policy).
    actions: list[str]


class ValueIn(Schema):
    centre_indicator_id: int
    # The column keeps 14 digits; past that the value is a 422 on every database.
    value: Decimal | None = Field(..., ge=-(10**12), le=10**12)
    note: str = ""


class DraftIn(Schema):
    narrative: str | None = None
    values: list[ValueIn] = []


class FiguresOut(Schema):
    centres: int
    reports_accepted: int
    assistance_delivered: int
    assistance_mean_days: float | None
    lessons: int


def _out(report, user) -> dict:
    values = {v.centre_indicator_id: v for v in report.values.all()}
    return {
        "id": report.pk,
        "centre_id": report.centre_id,
        "centre": report.centre.name,
        "period_start": report.period.start,
        "period_end": report.period.end,
        "due_date": report.due_date,
        "status": report.status,
        "narrative": report.narrative,
        "lab_comments": report.lab_comments,
        "submitted_at": report.submitted_at,
        "values": [
            {
                "centre_indicator_id": ci.pk,
                "indicator": ci.indicator.code,
                "unit": ci.indicator.unit,
                "target": ci.target,
                "value": values[ci.pk].value if ci.pk in values else None,
                "note": values[ci.pk].note if ci.pk in values else "",
            }
            for ci in report.centre.monitored_indicators.select_related("indicator")
        ],
        "actions": sorted(kernel.allowed_actions(report, user)),
    }


@router.get("/monitoring/reports", response=list[ReportOut])
def report_list(request, paging: Query[window_query(100)]):
    """The reports the caller may see, latest due date first (`limit` up to 200, `offset`)."""
    rows = reports_visible_to(request.auth).prefetch_related("values").order_by("-due_date", "-pk")
    return [_out(r, request.auth) for r in window(rows, paging)]


@router.get("/monitoring/reports/{report_id}", response=ReportOut)
def report_get(request, report_id: int):
    return _out(get_report_for(request.auth, report_id), request.auth)


@router.put("/monitoring/reports/{report_id}", response=ReportOut)
def report_save(request, report_id: int, payload: DraftIn):
    report = get_report_for(request.auth, report_id)
    services.report_save_draft(
        report_id=report.pk,
        actor=request.auth,
        narrative=payload.narrative,
        values={v.centre_indicator_id: (v.value, v.note) for v in payload.values},
    )
    return _out(get_report_for(request.auth, report_id), request.auth)


@router.post("/monitoring/reports/{report_id}/submit", response=ReportOut)
def report_submit(request, report_id: int):
    report = get_report_for(request.auth, report_id)
    services.report_submit(report_id=report.pk, actor=request.auth)
    return _out(get_report_for(request.auth, report_id), request.auth)


@router.get("/monitoring/figures", response=FiguresOut, auth=None)
@decorate_view(cache_page(settings.PUBLIC_CACHE_SECONDS, key_prefix="api"))
def figures(request):
    return public_figures()
