"""Backup and restore of a whole installation in one archive (`manage.py backup`, `restore`).

One gzipped tar holds:
- `database.jsonl`: every row of every table (Django's JSON-lines serializer), primary keys
  kept. Written through the ORM, not pg_dump or SQLite's file copy, so one archive restores
  into either engine with nothing else installed (pg_dump/pg_restore must match the
  server's major version), and row counts can be checked model by model. Keeping the keys,
  and restoring into tables emptied first (content types and permissions included), brings
  back every id exactly: links, audit events and the centres' generic source references
  stay valid. Sessions are left out: a restored installation starts signed out.
- `media/…`: every file of the default storage (uploads, frozen declaration PDFs,
  certificates), read and written through the storage API, so it works on S3 as on disk;
- `keys/…`: the credential signing key (CREDENTIAL_SIGNING_KEY or the development key file)
  and the retired public keys, without which issued credentials no longer verify;
- `manifest.json`, last: the applied migrations, the row count of every table and the
  SHA-256 of every other member. A restore checks every hash before it changes anything.

The archive holds the signing key and personal data: it is written readable by its owner
only; keep it encrypted at rest (README, "Backup and restore").
"""

import hashlib
import io
import json
import os
import tarfile
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = 1
DATABASE = "database.jsonl"
MANIFEST = "manifest.json"
SIGNING_KEY = "keys/credential-signing-key"
RETIRED_KEYS = "keys/retired-public-keys.json"
# Not backed up: sessions (restored sign-ins would outlive a password change).
EXCLUDED = {"sessions.session"}


class BackupError(Exception):
    """A refusal with a message for the operator (the command prints it)."""


def _models(include_auto_created=False):
    for model in apps.get_models(include_auto_created=include_auto_created):
        meta = model._meta
        if meta.managed and not meta.proxy and meta.label_lower not in EXCLUDED:
            yield model


def table_counts() -> dict[str, int]:
    """Rows per table, many-to-many tables included."""
    return {
        model._meta.db_table: model._base_manager.count()
        for model in _models(include_auto_created=True)
    }


def applied_migrations() -> list[str]:
    return sorted(
        f"{app}.{name}" for app, name in MigrationRecorder(connection).applied_migrations()
    )


def _stored_files(directory: str = ""):
    """Every file name in the default storage, recursively, in a stable order."""
    try:
        folders, files = default_storage.listdir(directory)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{directory}/{name}" if directory else name
    for folder in sorted(folders):
        yield from _stored_files(f"{directory}/{folder}" if directory else folder)


class _Hashing(io.RawIOBase):
    """Reads through to a file while hashing what passes."""

    def __init__(self, handle):
        self.handle, self.sha = handle, hashlib.sha256()

    def readable(self):
        return True

    def readinto(self, buffer):
        data = self.handle.read(len(buffer))
        self.sha.update(data)
        buffer[: len(data)] = data
        return len(data)


def _signing_keys() -> dict[str, str]:
    keys = {}
    if settings.CREDENTIAL_SIGNING_KEY:
        keys[SIGNING_KEY] = settings.CREDENTIAL_SIGNING_KEY
    elif settings.CREDENTIAL_DEV_KEY_FILE and Path(settings.CREDENTIAL_DEV_KEY_FILE).exists():
        keys[SIGNING_KEY] = Path(settings.CREDENTIAL_DEV_KEY_FILE).read_text()
    if settings.CREDENTIAL_RETIRED_PUBLIC_KEYS.strip():
        keys[RETIRED_KEYS] = settings.CREDENTIAL_RETIRED_PUBLIC_KEYS
    return keys


@dataclass
class Summary:
    path: Path
    tables: dict[str, int] = field(default_factory=dict)
    files: int = 0
    missing: list[str] = field(default_factory=list)


def _dump_database(handle) -> dict[str, int]:
    """Every row, in one consistent snapshot on PostgreSQL (the platform may keep running)."""
    snapshot = connection.vendor == "postgresql" and not connection.in_atomic_block
    with transaction.atomic():
        if snapshot:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        counts = table_counts()
        text = io.TextIOWrapper(handle, encoding="utf-8", newline="\n", write_through=True)
        for model in _models():
            m2m = [
                f.name
                for f in model._meta.many_to_many
                if f.remote_field.through._meta.auto_created
            ]
            rows = model._base_manager.order_by("pk").prefetch_related(*m2m).iterator(2000)
            serializers.serialize("jsonl", rows, stream=text)
        text.detach()
    return counts


def write_backup(destination: str | Path) -> Summary:
    """Write the archive to `destination` (a file, or a directory for a dated name)."""
    destination = Path(destination)
    if destination.is_dir():
        stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
        destination = destination / f"alliance-backup-{stamp}.tar.gz"
    summary = Summary(path=destination)
    hashes: dict[str, str] = {}
    partial = destination.with_name(destination.name + ".partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
            with tempfile.TemporaryFile() as dump:
                summary.tables = _dump_database(dump)
                hashes[DATABASE] = _add(tar, DATABASE, dump, dump.seek(0, os.SEEK_END))
            for name in _stored_files():
                try:
                    size = default_storage.size(name)
                    with default_storage.open(name, "rb") as handle:
                        hashes[f"media/{name}"] = _add(tar, f"media/{name}", handle, size)
                except FileNotFoundError:  # deleted while we were copying
                    summary.missing.append(name)
            summary.files = len(hashes) - 1
            for member, text in _signing_keys().items():
                content = text.encode()
                hashes[member] = _add(tar, member, io.BytesIO(content), len(content))
            manifest = {
                "format": FORMAT,
                "created_at": timezone.now().isoformat(),
                "database_engine": connection.vendor,
                "migrations": applied_migrations(),
                "tables": summary.tables,
                "excluded": sorted(EXCLUDED),
                "sha256": hashes,
            }
            data = json.dumps(manifest, indent=1, sort_keys=True).encode()
            _add(tar, MANIFEST, io.BytesIO(data), len(data))
        partial.replace(destination)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return summary


def _add(tar: tarfile.TarFile, member: str, handle, size: int) -> str:
    """Add one member of `size` bytes from an open binary file; returns its SHA-256."""
    handle.seek(0)
    info = tarfile.TarInfo(member)
    info.size, info.mtime, info.mode = size, int(time.time()), 0o600
    reader = _Hashing(handle)
    tar.addfile(info, io.BufferedReader(reader))
    return reader.sha.hexdigest()
