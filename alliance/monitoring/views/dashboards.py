"""Dashboards: per centre (indicators against targets), the network (staff), public figures.
Every chart is an SVG image beside a table with the same figures and a CSV download."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alliance.centres.permissions import get_centre_for
from alliance.core import opendata
from alliance.core.access import get_visible_or_404, require_can
from alliance.core.cache import public_page
from alliance.core.policy import can
from alliance.core.states import TransitionRefused

from .. import services
from ..cache import FIGURES
from ..charts import bar_chart, csv_response, indicator_chart, stacked_chart, svg_response
from ..forms import CentreIndicatorForm, ScheduleForm
from ..models import CentreReport, Unit
from ..selectors import (
    assistance_figures,
    indicator_history,
    indicator_totals,
    latest_accepted_values,
    network_punctuality,
    public_figures,
    punctuality,
)
from ..services.schedule import DEFAULT_DUE_DAYS, DEFAULT_MONTHS


def _centre_context(request, centre, **overrides):
    may_set = can(request.user, "monitoring.centre_indicator.set", centre)
    may_schedule = can(request.user, "monitoring.schedule.set", centre)
    schedule = getattr(centre, "reporting_schedule", None)
    context = {
        "centre": centre,
        "history": indicator_history(centre),
        "punctuality": punctuality(centre),
        "reports": CentreReport.objects.filter(centre=centre)
        .select_related("period")
        .order_by("-due_date")[:20],
        "schedule": schedule,
        "default_months": DEFAULT_MONTHS,
        "default_due_days": DEFAULT_DUE_DAYS,
        "can_set_indicators": may_set,
        "indicator_form": CentreIndicatorForm(
            initial={
                "baseline_year": timezone.localdate().year - 1,
                "target_year": timezone.localdate().year + 2,
            }
        )
        if may_set
        else None,
        "schedule_form": ScheduleForm(
            instance=schedule,
            initial={"first_period_start": centre.listed_since, "due_days": DEFAULT_DUE_DAYS},
        )
        if may_schedule
        else None,
    }
    context.update(overrides)
    return context


@login_required
def centre_dashboard(request, centre_pk):
    centre = get_centre_for(request.user, centre_pk, manage=True)
    return render(request, "monitoring/centre_dashboard.html", _centre_context(request, centre))


@login_required
@require_POST
def centre_indicator_set(request, centre_pk):
    centre = get_centre_for(request.user, centre_pk, manage=True)
    form = CentreIndicatorForm(request.POST)
    if form.is_valid():
        try:
            services.centre_indicator_set(actor=request.user, centre=centre, **form.cleaned_data)
        except TransitionRefused as refused:
            form.add_error(None, refused.reason)
        else:
            messages.success(request, _("The indicator, its baseline and target are saved."))
            return redirect("monitoring:centre_dashboard", centre_pk=centre.pk)
    return render(
        request,
        "monitoring/centre_dashboard.html",
        _centre_context(request, centre, indicator_form=form, form=form),
        status=400,
    )


@login_required
@require_POST
def centre_indicator_remove(request, centre_pk, ci_pk):
    centre = get_centre_for(request.user, centre_pk, manage=True)
    row = get_visible_or_404(centre.monitored_indicators.all(), pk=ci_pk)
    try:
        services.centre_indicator_remove(actor=request.user, centre_indicator_id=row.pk)
    except TransitionRefused as refused:
        messages.error(request, refused.reason)
    else:
        messages.success(request, _("The indicator is removed from the centre."))
    return redirect("monitoring:centre_dashboard", centre_pk=centre.pk)


@login_required
@require_POST
def schedule_set(request, centre_pk):
    centre = get_centre_for(request.user, centre_pk, manage=True)
    require_can(request.user, "monitoring.schedule.set", centre)
    form = ScheduleForm(request.POST)
    if form.is_valid():
        try:
            services.schedule_set(actor=request.user, centre=centre, **form.cleaned_data)
        except TransitionRefused as refused:
            form.add_error(None, refused.reason)
        else:
            messages.success(request, _("The reporting schedule is saved."))
            return redirect("monitoring:centre_dashboard", centre_pk=centre.pk)
    return render(
        request,
        "monitoring/centre_dashboard.html",
        _centre_context(request, centre, schedule_form=form, form=form),
        status=400,
    )


def _history_item(centre, ci_pk):
    for item in indicator_history(centre):
        if item["centre_indicator"].pk == ci_pk:
            return item
    raise Http404


@login_required
def centre_indicator_svg(request, centre_pk, ci_pk):
    centre = get_centre_for(request.user, centre_pk, manage=True)
    return svg_response(indicator_chart(_history_item(centre, ci_pk)))


@login_required
def centre_csv(request, centre_pk):
    centre = get_centre_for(request.user, centre_pk, manage=True)
    rows = []
    for item in indicator_history(centre):
        ind = item["indicator"]
        rows.append(
            [ind.code, ind.name, ind.unit, _("Baseline"), item["baseline_year"], item["baseline"]]
        )
        for end, value in item["points"]:
            rows.append([ind.code, ind.name, ind.unit, _("Value"), end.isoformat(), value])
        rows.append(
            [ind.code, ind.name, ind.unit, _("Target"), item["target_year"], item["target"]]
        )
    return csv_response(
        f"centre-{centre.pk}-indicators.csv",
        [_("Indicator code"), _("Indicator"), _("Unit"), _("Kind"), _("Period"), _("Value")],
        rows,
    )


# --- Network dashboard (staff) --------------------------------------------------------

NETWORK_CHARTS = {
    "punctuality": lambda: _punctuality_rows(),
    "assistance_status": lambda: assistance_figures()["by_status"],
    "assistance_kind": lambda: assistance_figures()["by_kind"],
}
TOTALS = {"objective", "region", "type"}


def _punctuality_rows():
    counts = network_punctuality()
    return [
        (_("On time"), counts["on_time"]),
        (_("Late"), counts["late"]),
        (_("Missing"), counts["missing"]),
        (_("Not yet due"), counts["not_yet_due"]),
    ]


def _chart_title(name: str) -> str:
    return {
        "punctuality": _("Reports: on time, late, missing"),
        "assistance_status": _("Technical assistance requests by status"),
        "assistance_kind": _("Technical assistance requests by type"),
        "objective": _("Indicator totals by strategic objective"),
        "region": _("Indicator totals by region"),
        "type": _("Indicator totals by centre type"),
    }[name]


def _staff_only(request):
    require_can(request.user, "monitoring.staff")


@login_required
def network_dashboard(request):
    _staff_only(request)
    assistance = assistance_figures()
    latest = latest_accepted_values()
    return render(
        request,
        "monitoring/network_dashboard.html",
        {
            "punctuality": _punctuality_rows(),
            "assistance": assistance,
            "totals": [
                (by, _chart_title(by), indicator_totals(by, latest))
                for by in ("objective", "region", "type")
            ],
            "titles": {name: _chart_title(name) for name in NETWORK_CHARTS},
        },
    )


@login_required
def network_chart(request, name, fmt):
    _staff_only(request)
    if name in NETWORK_CHARTS:
        rows = NETWORK_CHARTS[name]()
        if fmt == "csv":
            return csv_response(f"{name}.csv", [_("Category"), _("Count")], rows)
        return svg_response(bar_chart(_chart_title(name), rows))
    if name in TOTALS:
        totals = indicator_totals(name)
        columns = [str(c.name) for c in totals["columns"]]
        if fmt == "csv":
            return csv_response(
                f"totals-by-{name}.csv",
                [_("Indicator"), _("Unit"), *columns],
                [[str(i.name), i.get_unit_display(), *values] for i, values in totals["rows"]],
            )
        # Amounts in dollars would dwarf the counts: the chart shows counts, the table all.
        rows = [(i, values) for i, values in totals["rows"] if i.unit == Unit.COUNT]
        labels = [str(i.name) for i, _v in rows]
        series = [
            (column, [float(values[n]) for _i, values in rows]) for n, column in enumerate(columns)
        ]
        return svg_response(stacked_chart(_chart_title(name), labels, series))
    raise Http404


# --- Public figures -------------------------------------------------------------------


@public_page(FIGURES)
def figures(request):
    return render(request, "monitoring/figures.html", {"figures": public_figures()})


@public_page(FIGURES)
def figures_chart(request, fmt):
    rows = public_figures()["by_kind"]
    if fmt == "csv":
        return csv_response(
            "assistance-by-type.csv", [_("Type of assistance"), _("Requests")], rows
        )
    if fmt == "json":
        figures = [{"label": str(label), "value": value} for label, value in rows]
        return opendata.json_response("assistance-by-type.json", "figures", figures)
    return svg_response(bar_chart(_("Technical assistance requests by type"), rows))
