"""The indicator catalogue (Lab) and each centre's indicators with baselines and targets."""

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from alliance.accounts.models import User
from alliance.core.audit import record_event
from alliance.core.states import TransitionRefused

from ..models import CentreIndicator, Indicator, ReportingSchedule, check_value
from ..permissions import require_lab, require_lab_or_manager

INDICATOR_FIELDS = [
    "objective",
    "code",
    "name_en",
    "name_fr",
    "definition_en",
    "definition_fr",
    "unit",
    "direction",
    "active",
]


@transaction.atomic
def indicator_save(*, actor: User, indicator: Indicator | None = None, **fields) -> Indicator:
    require_lab(actor)
    if indicator is None:
        indicator = Indicator.objects.create(**fields)
        record_event(actor=actor, verb="indicator.created", obj=indicator, after=indicator.code)
        return indicator
    indicator = Indicator.objects.select_for_update().get(pk=indicator.pk)
    if (
        fields.get("unit", indicator.unit) != indicator.unit
        and indicator.centre_uses.filter(values__isnull=False).exists()
    ):
        raise TransitionRefused(
            _("Centres have reported values in this unit: create a new indicator instead."),
            code="unit_in_use",
        )
    before = {f: str(getattr(indicator, f)) for f in fields}
    for name, value in fields.items():
        setattr(indicator, name, value)
    indicator.save(update_fields=list(fields))
    record_event(
        actor=actor,
        verb="indicator.changed",
        obj=indicator,
        before=before,
        after={f: str(getattr(indicator, f)) for f in fields},
    )
    return indicator


@transaction.atomic
def centre_indicator_set(
    *,
    actor: User,
    centre,
    indicator: Indicator,
    baseline: Decimal,
    baseline_year: int,
    target: Decimal,
    target_year: int,
) -> CentreIndicator:
    require_lab_or_manager(actor, centre)
    for value in (baseline, target):
        reason = check_value(indicator.unit, value)
        if reason:
            raise TransitionRefused(reason, code="out_of_range")
    if target_year < baseline_year:
        raise TransitionRefused(
            _("The target year cannot come before the baseline year."), code="years"
        )
    row, created = CentreIndicator.objects.select_for_update().update_or_create(
        centre=centre,
        indicator=indicator,
        defaults={
            "baseline": baseline,
            "baseline_year": baseline_year,
            "target": target,
            "target_year": target_year,
        },
    )
    record_event(
        actor=actor,
        verb="centre_indicator.set",
        obj=row,
        after={
            "indicator": indicator.code,
            "baseline": str(baseline),
            "target": str(target),
            "created": created,
        },
    )
    return row


@transaction.atomic
def centre_indicator_remove(*, actor: User, centre_indicator_id: int) -> None:
    row = (
        CentreIndicator.objects.select_for_update()
        .select_related("centre", "indicator")
        .get(pk=centre_indicator_id)
    )
    require_lab_or_manager(actor, row.centre)
    if row.values.exists():
        raise TransitionRefused(
            _("Values were reported for this indicator: it stays in the centre's history."),
            code="has_values",
        )
    record_event(actor=actor, verb="centre_indicator.removed", obj=row, before=row.indicator.code)
    row.delete()


@transaction.atomic
def schedule_set(
    *, actor: User, centre, period_months: int, first_period_start: date, due_days: int
) -> ReportingSchedule:
    require_lab(actor)
    if period_months not in (3, 6, 12):
        raise TransitionRefused(_("Choose an annual, half-yearly or quarterly period."))
    schedule, _created = ReportingSchedule.objects.update_or_create(
        centre=centre,
        defaults={
            "period_months": period_months,
            "first_period_start": first_period_start,
            "due_days": due_days,
        },
    )
    record_event(
        actor=actor,
        verb="reporting_schedule.set",
        obj=centre,
        after={"months": period_months, "start": first_period_start.isoformat(), "due": due_days},
    )
    return schedule
