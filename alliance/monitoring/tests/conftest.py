import pytest

from alliance.centres.tests.factories import accredited_centre

from .factories import CentreIndicatorFactory, open_first_report


@pytest.fixture
def centre(secretariat_officer, director, lab_expert, ministry):
    """A centre hosted by the ministry; the ministry's focal point manages it."""
    centre, _accreditation = accredited_centre(
        secretariat=secretariat_officer, director=director, lab=lab_expert, organisation=ministry
    )
    return centre


@pytest.fixture
def manager(ministry_focal_point):
    return ministry_focal_point


@pytest.fixture
def startups(centre):
    return CentreIndicatorFactory(centre=centre)


@pytest.fixture
def report(centre, startups):
    return open_first_report(centre)
