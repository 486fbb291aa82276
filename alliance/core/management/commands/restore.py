"""manage.py restore PATH [--force]: bring an archive made by `backup` back.

Into an empty installation of the same version: a new database after `migrate` (stop the
web server, worker and scheduler first). Every SHA-256 is checked before anything changes;
a database that already holds data is refused unless --force (which replaces it all).
"""

from django.core.management.base import BaseCommand, CommandError

from alliance.core.backup import BackupError
from alliance.core.restore import restore_archive


class Command(BaseCommand):
    help = "Restore an archive made by `backup` into an empty installation."

    def add_arguments(self, parser):
        parser.add_argument("path", help="archive written by `manage.py backup`")
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace the data of an installation that is not empty",
        )

    def handle(self, *args, path, force, **options):
        try:
            restored = restore_archive(path, force=force)
        except (BackupError, OSError) as exc:
            raise CommandError(str(exc)) from exc
        rows = sum(restored.tables.values())
        self.stdout.write(
            f"restored {rows} rows in {len(restored.tables)} tables and {restored.files} files "
            f"from {path}; every SHA-256 and row count checked"
        )
        for note in restored.notes:
            self.stdout.write(note)
