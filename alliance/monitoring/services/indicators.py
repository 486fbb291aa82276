"""The indicator catalogue (Lab) and each centre's indicators with baselines and targets."""

from datetime import date
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from alliance.accounts.models import User
from alliance.core import kernel, policy
from alliance.core.i18n import audit_value
from alliance.core.states import TransitionRefused

from ..models import CentreIndicator, Indicator, ReportingSchedule, check_value

INDICATOR_FIELDS = [
    "objective",
    "code",
    "name",
    "definition",
    "unit",
    "direction",
    "active",
]


@transaction.atomic
def indicator_save(*, actor: User, indicator: Indicator | None = None, **fields) -> Indicator:
    policy.require(actor, "monitoring.indicator.manage")
    if indicator is None:
        indicator = Indicator(**fields)
        return kernel.create(indicator, actor=actor, verb="indicator.created", after=indicator.code)
    indicator = kernel.lock(Indicator, indicator.pk)
    if (
        fields.get("unit", indicator.unit) != indicator.unit
        and indicator.centre_uses.filter(values__isnull=False).exists()
    ):
        raise TransitionRefused(
            _("Centres have reported values in this unit: create a new indicator instead."),
            code="unit_in_use",
        )
    before = {f: audit_value(getattr(indicator, f)) for f in fields}
    after = {f: audit_value(value) for f, value in fields.items()}
    return kernel.change(
        indicator, actor=actor, verb="indicator.changed", fields=fields, before=before, after=after
    )


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
    policy.require(actor, "monitoring.centre_indicator.set", centre)
    for value in (baseline, target):
        reason = check_value(indicator.unit, value)
        if reason:
            raise TransitionRefused(reason, code="out_of_range")
    if target_year < baseline_year:
        raise TransitionRefused(
            _("The target year cannot come before the baseline year."), code="years"
        )
    values = {
        "baseline": baseline,
        "baseline_year": baseline_year,
        "target": target,
        "target_year": target_year,
    }
    existing = CentreIndicator.objects.filter(centre=centre, indicator=indicator)
    rows = kernel.lock_rows(existing)
    after = {
        "indicator": indicator.code,
        "baseline": str(baseline),
        "target": str(target),
        "created": not rows,
    }
    verb = "centre_indicator.set"
    if rows:
        return kernel.change(rows[0], actor=actor, verb=verb, fields=values, after=after)
    try:
        with transaction.atomic():
            row = CentreIndicator(centre=centre, indicator=indicator, **values)
            return kernel.create(row, actor=actor, verb=verb, after=after)
    except IntegrityError:  # set at the same moment by someone else: update theirs
        (row,) = kernel.lock_rows(existing)
        after["created"] = False
        return kernel.change(row, actor=actor, verb=verb, fields=values, after=after)


@transaction.atomic
def centre_indicator_remove(*, actor: User, centre_indicator_id: int) -> None:
    row = kernel.lock(CentreIndicator, centre_indicator_id, related=("centre", "indicator"))
    policy.require(actor, "monitoring.centre_indicator.set", row.centre)
    if row.values.exists():
        raise TransitionRefused(
            _("Values were reported for this indicator: it stays in the centre's history."),
            code="has_values",
        )
    kernel.delete(row, actor=actor, verb="centre_indicator.removed", before=row.indicator.code)


@transaction.atomic
def schedule_set(
    *, actor: User, centre, period_months: int, first_period_start: date, due_days: int
) -> ReportingSchedule:
    policy.require(actor, "monitoring.schedule.set", centre)
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
    kernel.record(
        centre,
        actor=actor,
        verb="reporting_schedule.set",
        after={"months": period_months, "start": first_period_start.isoformat(), "due": due_days},
    )
    return schedule
