"""Print `-l <locale>` for every language in settings.LANGUAGES but the source language, for
`make messages` (the Makefile keeps no language list of its own)."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import to_locale


class Command(BaseCommand):
    help = "The -l options of makemessages for every translated language in settings."

    def handle(self, *args, **options):
        codes = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
        self.stdout.write(" ".join(f"-l {to_locale(code)}" for code in codes))
