import pytest
from django.urls import reverse

from alliance.core.models import AuditEvent, StrategicObjective
from alliance.monitoring.models import Indicator

pytestmark = pytest.mark.django_db


def data(**extra):
    return {
        "objective": StrategicObjective.objects.get(code="POLICY").pk,
        "code": "sandboxes",
        "name-en": "Sandboxes run",
        "name-fr": "Bacs à sable menés",
        "definition-en": "d",
        "definition-fr": "d",
        "unit": "count",
        "direction": "higher",
        "active": "on",
        **extra,
    }


def test_lab_expert_adds_and_edits_an_indicator(client, lab_expert, django_assert_max_num_queries):
    client.force_login(lab_expert)
    client.post(reverse("monitoring:indicator_create"), data())
    indicator = Indicator.objects.get()
    client.post(
        reverse("monitoring:indicator_edit", args=[indicator.pk]), data(**{"name-en": "Sandboxes"})
    )
    indicator.refresh_from_db()
    assert indicator.name == {"en": "Sandboxes", "fr": "Bacs à sable menés"}
    assert AuditEvent.objects.filter(verb="indicator.changed").exists()
    with django_assert_max_num_queries(15):
        assert client.get(reverse("monitoring:indicator_list")).status_code == 200


def test_unit_cannot_change_once_values_are_reported(client, lab_expert, report, manager, startups):
    from decimal import Decimal

    from alliance.monitoring import services

    services.report_save_draft(
        report_id=report.pk, actor=manager, values={startups.pk: (Decimal(3), "")}
    )
    client.force_login(lab_expert)
    indicator = startups.indicator
    response = client.post(
        reverse("monitoring:indicator_edit", args=[indicator.pk]),
        data(code=indicator.code, unit="percent", objective=indicator.objective_id),
    )
    assert "create a new indicator" in response.content.decode()
    indicator.refresh_from_db()
    assert indicator.unit == "count"


def test_centre_managers_cannot_edit_the_catalogue(client, manager):
    client.force_login(manager)
    assert client.get(reverse("monitoring:indicator_create")).status_code == 403
    assert client.get(reverse("monitoring:indicator_list")).status_code == 403


def test_manager_sets_a_target_and_a_wrong_unit_is_refused(client, centre, manager):
    from alliance.monitoring.tests.factories import IndicatorFactory

    share = IndicatorFactory(unit="percent")
    client.force_login(manager)
    url = reverse("monitoring:centre_indicator_set", args=[centre.pk])
    bad = client.post(
        url,
        {
            "indicator": share.pk,
            "baseline": "10",
            "baseline_year": "2024",
            "target": "140",
            "target_year": "2027",
        },
    )
    assert bad.status_code == 400 and "between 0 and 100" in bad.content.decode()
    client.post(
        url,
        {
            "indicator": share.pk,
            "baseline": "10",
            "baseline_year": "2024",
            "target": "40",
            "target_year": "2027",
        },
    )
    assert centre.monitored_indicators.get().target == 40
