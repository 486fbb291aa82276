import pytest
from django.utils import translation

from .factories import accredited_centre, centre_manager


@pytest.fixture
def accredited(secretariat_officer, director, lab_expert, ministry):
    """A national Digital Transformation centre hosted by the ministry, 1 Mar 2024 – 28 Feb 2027."""
    return accredited_centre(
        secretariat=secretariat_officer, director=director, lab=lab_expert, organisation=ministry
    )


@pytest.fixture
def manager(ministry_focal_point):
    return ministry_focal_point


@pytest.fixture
def other_manager(university):
    return centre_manager(university, "other@university.test")


@pytest.fixture(autouse=True)
def _english_afterwards():
    """A request to a /fr/ page leaves French active in the thread: reset it for the tests
    that follow (ours and other apps')."""
    yield
    translation.activate("en")


@pytest.fixture(autouse=True)
def _on_the_factories_day(factories_day):
    """The factories' accreditations and terms are in force (conftest.FACTORIES_DAY)."""
