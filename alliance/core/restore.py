"""Restore an archive written by `alliance.core.backup` into an empty installation.

Order: check every hash and the installation (same migrations, empty unless forced, same
signing key) before changing anything; then, in one transaction, empty every table, load
the rows, check the row counts and write the files (a failure rolls the database back;
files already written are simply overwritten by the next attempt); then the signing key
file and the cache.
"""

import hashlib
import json
import os
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.color import no_style
from django.core.management.sql import sql_flush
from django.db import connection, transaction

from .backup import (
    DATABASE,
    FORMAT,
    MANIFEST,
    RETIRED_KEYS,
    SIGNING_KEY,
    BackupError,
    applied_migrations,
    table_counts,
)

CHUNK = 1 << 20


@dataclass
class Restored:
    tables: dict[str, int] = field(default_factory=dict)
    files: int = 0
    notes: list[str] = field(default_factory=list)


def _sha256(handle) -> str:
    digest = hashlib.sha256()
    while chunk := handle.read(CHUNK):
        digest.update(chunk)
    return digest.hexdigest()


def verify_archive(path: str | Path) -> dict:
    """The manifest, once every member's SHA-256 matches it and no member is missing or
    added; otherwise BackupError naming the first problem."""
    try:
        with tarfile.open(path, "r:gz") as tar:
            try:
                manifest = json.load(tar.extractfile(MANIFEST))
            except KeyError:
                raise BackupError(f"{path}: no {MANIFEST}; not an Alliance Hub backup.") from None
            if manifest.get("format") != FORMAT:
                raise BackupError(f"{path}: archive format {manifest.get('format')} unknown.")
            expected = manifest["sha256"]
            seen = set()
            for member in tar:
                if member.name == MANIFEST:
                    continue
                if member.name not in expected or not member.isfile():
                    raise BackupError(f"{path}: {member.name} is not in the manifest.")
                if _sha256(tar.extractfile(member)) != expected[member.name]:
                    raise BackupError(f"{path}: {member.name} does not match its SHA-256.")
                seen.add(member.name)
            if missing := sorted(set(expected) - seen):
                raise BackupError(f"{path}: {missing[0]} is missing from the archive.")
    except (tarfile.TarError, OSError, EOFError, ValueError) as exc:
        raise BackupError(f"{path}: cannot be read as a backup archive ({exc}).") from exc
    return manifest


def holds_data() -> bool:
    """An installation holds data once anyone has an account or anything was recorded
    (migrations alone make only reference data)."""
    audit = apps.get_model("core", "AuditEvent")
    return apps.get_model(settings.AUTH_USER_MODEL)._base_manager.exists() or (
        audit._base_manager.exists()
    )


def _check_migrations(manifest: dict) -> None:
    archived, here = set(manifest["migrations"]), set(applied_migrations())
    if not_here := sorted(archived - here):
        raise BackupError(
            f"The archive was made after migrations this installation has not applied "
            f"({', '.join(not_here[:3])}…): run `manage.py migrate` with the same version "
            f"of the platform first."
        )
    if not_archived := sorted(here - archived):
        raise BackupError(
            f"This installation has migrations the archive was made without "
            f"({', '.join(not_archived[:3])}…): restore into the version that made the "
            f"archive, then upgrade."
        )


def _check_signing_key(archived: str | None, force: bool) -> None:
    configured = settings.CREDENTIAL_SIGNING_KEY
    if archived and configured and configured.strip() != archived.strip() and not force:
        raise BackupError(
            "CREDENTIAL_SIGNING_KEY differs from the key in the archive: credentials issued "
            "before the backup would not verify. Set CREDENTIAL_SIGNING_KEY to the archive's "
            f"key (`tar -xOzf ARCHIVE {SIGNING_KEY}`), or restore with --force and publish "
            "the archive's public key in CREDENTIAL_RETIRED_PUBLIC_KEYS."
        )


def _read(tar: tarfile.TarFile, member: str) -> str | None:
    try:
        return tar.extractfile(member).read().decode()
    except KeyError:
        return None


def empty_every_table() -> None:
    """Every table of every model emptied, sequences reset (the migration records stay)."""
    postgresql = connection.vendor == "postgresql"
    if postgresql:
        # TRUNCATE refuses tables with deferred checks still pending in this transaction.
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    connection.ops.execute_sql_flush(
        sql_flush(no_style(), connection, reset_sequences=True, allow_cascade=False)
    )
    if postgresql:  # back to Django's default: rows may be loaded in any order
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def restore_archive(path: str | Path, *, force: bool = False) -> Restored:
    manifest = verify_archive(path)
    _check_migrations(manifest)
    if holds_data() and not force:
        raise BackupError(
            "This installation already holds data (accounts or audit events). Restore into "
            "an empty installation (`migrate` on a new database), or give --force to "
            "replace everything in it."
        )
    result = Restored()
    with tarfile.open(path, "r:gz") as tar:
        archived_key = _read(tar, SIGNING_KEY)
        _check_signing_key(archived_key, force)
        with tempfile.TemporaryDirectory() as workdir:
            dump = Path(workdir, DATABASE)
            with tar.extractfile(DATABASE) as source, open(dump, "wb") as target:
                while chunk := source.read(CHUNK):
                    target.write(chunk)
            with transaction.atomic():
                empty_every_table()
                call_command("loaddata", str(dump), verbosity=0)
                result.tables = table_counts()
                for table, count in manifest["tables"].items():
                    if result.tables.get(table) != count:
                        raise BackupError(
                            f"{table}: {result.tables.get(table)} rows restored, {count} "
                            "in the archive; nothing was changed."
                        )
                result.files = _restore_files(tar, manifest)
        _restore_keys(archived_key, _read(tar, RETIRED_KEYS), result)
    # Cached pages and counters describe what was there before.
    cache.clear()
    return result


def _restore_files(tar: tarfile.TarFile, manifest: dict) -> int:
    count = 0
    for member, expected in manifest["sha256"].items():
        if not member.startswith("media/"):
            continue
        name = member.removeprefix("media/")
        if default_storage.exists(name):
            default_storage.delete(name)
        saved = default_storage.save(name, File(tar.extractfile(member), name=name))
        if saved != name:
            raise BackupError(f"{name} was stored as {saved}; nothing was changed.")
        with default_storage.open(name, "rb") as handle:
            if _sha256(handle) != expected:
                raise BackupError(f"{name} was not stored intact; nothing was changed.")
        count += 1
    return count


def _restore_keys(archived_key: str | None, retired: str | None, result: Restored) -> None:
    if archived_key is None:
        result.notes.append("signing key: none in the archive (no credential was signed).")
    elif settings.CREDENTIAL_SIGNING_KEY:
        same = settings.CREDENTIAL_SIGNING_KEY.strip() == archived_key.strip()
        result.notes.append(
            "signing key: CREDENTIAL_SIGNING_KEY is the archive's."
            if same
            else "signing key: CREDENTIAL_SIGNING_KEY is NOT the archive's (--force)."
        )
    elif settings.CREDENTIAL_DEV_KEY_FILE:
        key_file = Path(settings.CREDENTIAL_DEV_KEY_FILE)
        key_file.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(archived_key)
        result.notes.append(f"signing key: written to {key_file}.")
    else:
        result.notes.append(
            f"signing key: set CREDENTIAL_SIGNING_KEY to the archive's ({SIGNING_KEY})."
        )
    if retired and retired.strip() != settings.CREDENTIAL_RETIRED_PUBLIC_KEYS.strip():
        result.notes.append(
            f"retired public keys: set CREDENTIAL_RETIRED_PUBLIC_KEYS to the archive's "
            f"({RETIRED_KEYS})."
        )
