import pytest
from django.core.management import call_command
from django.utils import translation

from alliance.lab.models import CooperationAgreement, TechnicalAssistanceRequest
from alliance.monitoring.models import CentreReport, IndicatorValue, LessonLearned

pytestmark = pytest.mark.django_db


def counts():
    return (
        TechnicalAssistanceRequest.objects.count(),
        CooperationAgreement.objects.count(),
        CentreReport.objects.count(),
        IndicatorValue.objects.count(),
        LessonLearned.objects.count(),
    )


def test_demo_seeds_every_state_and_is_idempotent(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("seed_demo", stdout=open(tmp_path / "out.txt", "w"))  # noqa: SIM115
    first = counts()
    call_command("seed_demo", stdout=open(tmp_path / "out2.txt", "w"))  # noqa: SIM115
    assert counts() == first
    statuses = set(CentreReport.objects.values_list("status", flat=True))
    assert statuses >= {"due", "submitted", "accepted", "changes_requested"}
    assert set(TechnicalAssistanceRequest.objects.values_list("status", flat=True)) >= {
        "submitted",
        "triaged",
        "assigned",
        "in_progress",
        "delivered",
        "closed",
        "declined",
    }
    english = client.get("/en/monitoring/lessons/", {"q": "sandbox"}).content.decode()
    assert "Sandboxes need a sunset clause" in english
    with translation.override("en"):  # the French request must not leak into later tests
        french = client.get("/fr/monitoring/lessons/", {"language": "fr"}).content.decode()
    assert "Cartographier" in french and "Sandboxes" not in french
