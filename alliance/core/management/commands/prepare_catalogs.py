"""Finish the catalogs `makemessages` has just created for a new language.

makemessages copies the template: its header is a placeholder (marked fuzzy, no language)
and plural entries have two forms whatever the language (Arabic has six, Russian three,
Chinese one). This sets the header and gives every plural entry the language's number of
forms, once; later runs of makemessages (msgmerge) keep both.
"""

from pathlib import Path

from babel import Locale
from babel.messages.pofile import read_po, write_po
from django.conf import settings
from django.core.management.base import BaseCommand


def is_new(po_path: Path) -> bool:
    return '"Language: \\n"' in po_path.read_text(encoding="utf-8")


def prepare(po_path: Path) -> None:
    locale = po_path.parts[-3]
    with po_path.open("rb") as po_file:
        catalog = read_po(po_file, locale=locale)
    catalog.locale = Locale.parse(locale)
    catalog.fuzzy = False
    catalog.project, catalog.version = "Alliance Hub", ""
    catalog.language_team = catalog.locale.english_name
    catalog.last_translator = "Alliance Hub"
    for message in catalog:
        if message.id and message.pluralizable:
            forms = list(message.string) + [""] * catalog.num_plurals
            message.string = tuple(forms[: catalog.num_plurals])
    with po_path.open("wb") as po_file:
        write_po(po_file, catalog, width=79, omit_header=False)


class Command(BaseCommand):
    help = "Set the header and plural forms of catalogs makemessages has just created."

    def handle(self, *args, **options):
        paths = Path(settings.BASE_DIR, "alliance").glob("*/locale/*/LC_MESSAGES/*.po")
        new = [path for path in sorted(paths) if is_new(path)]
        for path in new:
            prepare(path)
        self.stdout.write(f"prepared {len(new)} new catalog(s)")
