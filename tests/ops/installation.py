"""What the backup tests compare: the files of the storage (disk or bucket), and a new
installation to restore into."""

import hashlib

from django.core.files.storage import default_storage
from django.core.management.sql import emit_post_migrate_signal

from alliance.core.restore import empty_every_table
from conftest import REFERENCE_HOOKS

KEY = '{"kty":"OKP","crv":"Ed25519","d":"test-only","x":"test-only"}'


def stored_hashes() -> dict[str, str]:
    """SHA-256 of every file of the default storage, by name."""

    def walk(directory=""):
        # A bucket has no folders to ask about: list, and a missing folder on disk is empty.
        try:
            folders, files = default_storage.listdir(directory)
        except FileNotFoundError:
            return
        for name in files:
            path = f"{directory}/{name}" if directory else name
            with default_storage.open(path, "rb") as handle:
                yield path, hashlib.sha256(handle.read()).hexdigest()
        for folder in folders:
            yield from walk(f"{directory}/{folder}" if directory else folder)

    return dict(walk())


def new_installation(settings, tmp_path):
    """What `migrate` on a new database and a new machine gives: reference data only."""
    empty_every_table()
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    from alliance.accounts.roles import ensure_groups
    from alliance.core.reference.load import load_reference_data

    load_reference_data()
    ensure_groups()
    for hook in REFERENCE_HOOKS:
        hook()
    settings.MEDIA_ROOT = tmp_path / "new-media"
    (tmp_path / "var" / "credential-dev-key.json").unlink()
