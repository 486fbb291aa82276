import pytest


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Declaration PDFs and certificates are written to a throwaway folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def ministry_signatory(ministry):
    from alliance.accounts.models import MembershipRole
    from alliance.accounts.tests.factories import MembershipFactory, UserFactory

    user = UserFactory(email="minister@ministry.test", full_name="Grace Banda")
    MembershipFactory(user=user, organisation=ministry, role=MembershipRole.SIGNATORY)
    return user
