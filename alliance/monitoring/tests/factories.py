"""Indicators, centre indicators and open reports for the monitoring tests."""

from datetime import date
from decimal import Decimal

import factory

from alliance.core.models import StrategicObjective
from alliance.monitoring.models import CentreIndicator, Indicator
from alliance.monitoring.services import open_due_reports


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    objective = factory.LazyFunction(
        lambda: StrategicObjective.objects.get(code="ENTREPRENEURSHIP")
    )
    code = factory.Sequence(lambda n: f"startups-{n}")
    name = factory.Sequence(
        lambda n: {"en": f"Start-ups supported {n}", "fr": f"Jeunes pousses accompagnées {n}"}
    )
    definition = factory.LazyFunction(
        lambda: {
            "en": "Start-ups that received support from the centre during the period.",
            "fr": "Jeunes pousses accompagnées par le centre pendant la période.",
        }
    )
    unit = "count"
    direction = "higher"


class CentreIndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CentreIndicator

    indicator = factory.SubFactory(IndicatorFactory)
    baseline = Decimal("10")
    baseline_year = 2023
    target = Decimal("50")
    target_year = 2026


def open_first_report(centre, today=date(2025, 3, 5)):
    """The centre was listed on 2024-03-01 (annual periods): the first report opens once
    2025-02-28 has passed, due 60 days later (2025-04-29)."""
    centre.listed_since = date(2024, 3, 1)
    centre.save(update_fields=["listed_since"])
    (report,) = open_due_reports(today=today)
    return report
