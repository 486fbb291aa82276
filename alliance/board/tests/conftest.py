import pytest

from alliance.accounts.models import MembershipRole
from alliance.accounts.tests.factories import MembershipFactory, UserFactory


@pytest.fixture(autouse=True)
def _media(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def ministry_signatory(ministry):
    user = UserFactory(email="minister.office@ministry.test", full_name="Chisomo Banda")
    MembershipFactory(user=user, organisation=ministry, role=MembershipRole.SIGNATORY)
    return user


@pytest.fixture(autouse=True)
def _on_the_factories_day(factories_day):
    """The factories' accreditations and terms are in force (conftest.FACTORIES_DAY)."""
