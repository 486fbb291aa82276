"""Backup and restore (issue 12, point 6): one archive, back into an empty installation.
Runs on the engine of DATABASE_URL (SQLite by default, PostgreSQL in CI)."""

import hashlib
import io
import json
import tarfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command

from alliance.accounts.models import User
from alliance.core.backup import table_counts
from alliance.joining.models import JointDeclaration

from .installation import KEY, new_installation, stored_hashes

pytestmark = pytest.mark.django_db


def test_round_trip_brings_back_every_row_file_and_key(
    declaration, installation, settings, client, capsys
):
    default_storage.save("calls/applications/budget.xlsx", ContentFile(b"\x00budget\xff" * 999))
    counts, hashes = table_counts(), stored_hashes()
    assert len(hashes) == 2 and counts["joining_jointdeclaration"] == 1
    archive = installation / "alliance.tar.gz"
    call_command("backup", str(archive))
    assert archive.stat().st_mode & 0o077 == 0  # it holds the signing key: owner only

    new_installation(settings, installation)
    assert not User.objects.exists() and stored_hashes() == {}
    call_command("restore", str(archive))

    assert table_counts() == counts
    assert stored_hashes() == hashes
    restored = JointDeclaration.objects.get(pk=declaration.pk)
    with restored.document.open("rb") as handle:
        assert hashlib.sha256(handle.read()).hexdigest() == declaration.sha256
    page = client.get("/en/joining/verify/", {"fingerprint": declaration.sha256})
    assert "This is a joint declaration in force." in page.content.decode()
    key_file = installation / "var" / "credential-dev-key.json"
    assert key_file.read_text() == KEY
    assert key_file.stat().st_mode & 0o077 == 0
    out = capsys.readouterr().out
    assert f"{sum(counts.values())} rows in {len(counts)} tables and 2 files" in out


def test_a_database_with_data_is_refused_unless_forced(declaration, installation):
    archive = installation / "alliance.tar.gz"
    call_command("backup", str(archive))
    with pytest.raises(CommandError, match="already holds data"):
        call_command("restore", str(archive))
    call_command("restore", str(archive), "--force")
    assert JointDeclaration.objects.get().sha256 == declaration.sha256


def _rewrite(archive, change):
    """A copy of the archive with one member changed by `change(name, data) -> data`."""
    with tarfile.open(archive, "r:gz") as tar:
        members = [(m, tar.extractfile(m).read()) for m in tar]
    target = archive.with_name("changed.tar.gz")
    with tarfile.open(target, "w:gz") as tar:
        for member, data in members:
            data = change(member.name, data)
            member.size = len(data)
            tar.addfile(member, io.BytesIO(data))
    return target


def test_a_file_changed_in_the_archive_is_refused_before_anything_changes(
    declaration, installation, settings
):
    archive = installation / "alliance.tar.gz"
    call_command("backup", str(archive))
    name = f"media/{declaration.document.name}"
    changed = _rewrite(archive, lambda n, data: data + b"%" if n == name else data)
    new_installation(settings, installation)
    with pytest.raises(CommandError, match="does not match its SHA-256"):
        call_command("restore", str(changed))
    assert not JointDeclaration.objects.exists() and stored_hashes() == {}


def test_an_archive_from_another_version_is_refused(declaration, installation, settings):
    archive = installation / "alliance.tar.gz"
    call_command("backup", str(archive))

    def newer(name, data):
        if name != "manifest.json":
            return data
        manifest = json.loads(data)
        manifest["migrations"].append("joining.9999_from_the_future")
        return json.dumps(manifest).encode()

    new_installation(settings, installation)
    with pytest.raises(CommandError, match="run `manage.py migrate`"):
        call_command("restore", str(_rewrite(archive, newer)))


def test_a_different_signing_key_is_refused_unless_forced(declaration, installation, settings):
    settings.CREDENTIAL_SIGNING_KEY = KEY
    archive = installation / "alliance.tar.gz"
    call_command("backup", str(archive))
    new_installation(settings, installation)
    settings.CREDENTIAL_SIGNING_KEY = KEY.replace("test-only", "another")
    with pytest.raises(CommandError, match="CREDENTIAL_SIGNING_KEY differs"):
        call_command("restore", str(archive))
    call_command("restore", str(archive), "--force")


def test_a_file_that_is_no_archive_is_refused(installation):
    not_an_archive = installation / "notes.txt"
    not_an_archive.write_text("hello")
    with pytest.raises(CommandError, match="cannot be read as a backup archive"):
        call_command("restore", str(not_an_archive))
