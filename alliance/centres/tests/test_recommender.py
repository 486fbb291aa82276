import pytest

from alliance.centres.models import CentreType
from alliance.centres.recommender import Profile, recommend

pytestmark = pytest.mark.django_db


def types():
    return list(CentreType.objects.prefetch_related("objectives").order_by("order"))


def test_low_resource_ecosystem_organisation_gets_the_initiatives_centre():
    profile = Profile(
        objectives=frozenset({"ECOSYSTEM"}),
        scope="national",
        ownership="host_institution",
        sponsor="host_organisation",
        annual_budget_usd=120_000,
        assessment={"vision": "inadequate", "talent": "some", "capital": "inadequate"},
    )
    ranked = recommend(profile, types())
    assert ranked[0].centre_type.code == "INITIATIVES"
    assert ranked[0].recommended
    technology = next(f for f in ranked if f.centre_type.code == "TECHNOLOGY")
    assert not technology.recommended
    assert any(not ok and "national" in text.lower() for ok, text in technology.reasons)


def test_university_wanting_research_objectives_gets_research_centre():
    profile = Profile(
        objectives=frozenset({"FORESIGHT", "OPEN_TECH", "ENTREPRENEURSHIP"}),
        scope="regional",
        ownership="country",
        sponsor="academia",
        annual_budget_usd=900_000,
    )
    ranked = recommend(profile, types())
    assert ranked[0].centre_type.code == "RESEARCH_ENTREPRENEURSHIP"
    assert ranked[0].missing == []


def test_objectives_a_type_misses_are_listed():
    profile = Profile(objectives=frozenset({"POLICY", "FORESIGHT"}))
    fits = {f.centre_type.code: f for f in recommend(profile, types())}
    assert fits["INITIATIVES"].missing == ["FORESIGHT", "POLICY"]
    assert fits["TECHNOLOGY"].missing == []


def test_cost_grows_with_scope_and_flagship_initiatives():
    ct = CentreType.objects.get(code="DIGITAL_TRANSFORMATION")
    national = recommend(Profile(scope="national"), [ct])[0].cost.annual_usd
    regional = recommend(Profile(scope="regional", flagship_initiatives=3), [ct])[0].cost.annual_usd
    assert regional > national
