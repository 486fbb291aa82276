import pytest

from alliance.accounts.models import MembershipRole
from alliance.accounts.tests.factories import MembershipFactory, UserFactory
from alliance.centres.models import CentreType
from alliance.joining import services
from alliance.joining.models import JointDeclaration
from alliance.joining.tests.factories import AssessmentFactory

from . import s3
from .installation import KEY


@pytest.fixture
def installation(tmp_path, settings):
    """Where the platform keeps its files and its development signing key, for this test."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CREDENTIAL_DEV_KEY_FILE = str(tmp_path / "var" / "credential-dev-key.json")
    (tmp_path / "var").mkdir()
    (tmp_path / "var" / "credential-dev-key.json").write_text(KEY)
    return tmp_path


@pytest.fixture
def ministry_signatory(ministry):
    user = UserFactory(email="minister@ministry.test", full_name="Grace Banda")
    MembershipFactory(user=user, organisation=ministry, role=MembershipRole.SIGNATORY)
    return user


@pytest.fixture
def declaration(ministry, ministry_signatory, secretariat_officer, director, installation):
    assessment = AssessmentFactory(organisation=ministry, complete=True, status="completed")
    drafted = services.declaration_draft(
        assessment_id=assessment.pk,
        actor=secretariat_officer,
        centre_type=CentreType.objects.get(code="DIGITAL_TRANSFORMATION"),
        scope="national",
    )
    services.declaration_sign(
        declaration_id=drafted.pk, actor=ministry_signatory, signatory_name="Grace Banda"
    )
    services.declaration_countersign(declaration_id=drafted.pk, actor=director)
    return JointDeclaration.objects.get(pk=drafted.pk)


@pytest.fixture(scope="session")
def s3_server():
    """moto's S3 server in its own process, for the whole run (no skip: it is a dependency)."""
    server = s3.start()
    yield server
    s3.stop(server)


@pytest.fixture
def s3_bucket(s3_server, settings):
    """The default storage is a new, empty bucket of the S3 server for this test."""
    bucket = s3_server.new_bucket()
    settings.STORAGES = s3_server.storages(bucket, settings.STORAGES)
    settings.S3_URL_SECONDS = 60
    return bucket
