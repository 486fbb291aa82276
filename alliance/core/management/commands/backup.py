"""manage.py backup PATH: the database, the stored files and the signing keys in one archive.

PATH is a file, or a directory to write `alliance-backup-YYYYMMDD-HHMMSS.tar.gz` into.
Safe while the platform runs (one consistent snapshot of the database on PostgreSQL).
What is in the archive and why: alliance/core/backup.py; the schedule: the README.
"""

from django.core.management.base import BaseCommand, CommandError

from alliance.core.backup import BackupError, write_backup


class Command(BaseCommand):
    help = "Write the database, the stored files and the signing keys to one archive."

    def add_arguments(self, parser):
        parser.add_argument("path", help="archive file to write, or a directory for a dated one")

    def handle(self, *args, path, **options):
        try:
            summary = write_backup(path)
        except (BackupError, OSError) as exc:
            raise CommandError(str(exc)) from exc
        rows = sum(summary.tables.values())
        self.stdout.write(
            f"backup written to {summary.path}: {rows} rows in {len(summary.tables)} tables, "
            f"{summary.files} files"
        )
        for name in summary.missing:
            self.stderr.write(f"warning: {name} was deleted during the backup, not included")
