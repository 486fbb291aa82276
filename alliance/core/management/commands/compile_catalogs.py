"""Compile every app's .po catalog to .mo with Babel.

Django's compilemessages needs GNU gettext's msgfmt on the machine; Babel is a Python
package, so a fresh clone compiles its catalogs with nothing but `uv sync`.
"""

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Compile the translation catalogs (.po to .mo) without GNU gettext."

    def handle(self, *args, **options):
        count = 0
        for po_path in sorted(
            Path(settings.BASE_DIR, "alliance").glob("*/locale/*/LC_MESSAGES/*.po")
        ):
            mo_path = po_path.with_suffix(".mo")
            if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                continue
            with po_path.open("rb") as po_file:
                try:
                    catalog = read_po(po_file, locale=po_path.parts[-3])
                except Exception as exc:
                    raise CommandError(f"{po_path}: {exc}") from exc
            with mo_path.open("wb") as mo_file:
                write_mo(mo_file, catalog)
            count += 1
        self.stdout.write(f"compiled {count} catalog(s)")
