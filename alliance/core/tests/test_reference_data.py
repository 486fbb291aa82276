import pytest
from django.apps import apps
from django.core.management import call_command
from django.utils import translation

from alliance.core.models import Country, Region, StrategicObjective

pytestmark = pytest.mark.django_db
# Core loads the centre types too, but by name as its loader does: core sits below centres.
CentreType = apps.get_model("centres", "CentreType")


def test_reference_data_is_loaded_by_migrations():
    assert StrategicObjective.objects.count() == 5
    assert Region.objects.count() == 6
    # 193 Member States in the circular's day; Palau joined ITU in 2024.
    assert Country.objects.count() == 194
    assert CentreType.objects.count() == 4


def test_member_states_follow_itu_d_regions():
    assert Country.objects.get(code="EG").region.code == "ARB"
    assert Country.objects.get(code="AZ").region.code == "CIS"
    assert Country.objects.get(code="IR").region.code == "ASP"
    assert Country.objects.get(code="MW").region.code == "AFR"


def test_loading_again_changes_nothing(capsys):
    call_command("load_reference_data")
    call_command("load_reference_data")
    assert Country.objects.count() == 194
    assert CentreType.objects.get(code="INITIATIVES").objectives.count() == 1


def test_names_follow_the_language():
    objective = StrategicObjective.objects.get(code="POLICY")
    with translation.override("fr"):
        assert objective.name == "Expérimentation des politiques"
        assert Country.objects.get(code="DE").name == "Allemagne"
    assert objective.name == "Policy experimentation"
