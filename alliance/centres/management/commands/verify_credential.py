"""Check an accreditation credential file (a VC-JOSE JWT) as any verifier would."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from alliance.centres.credentials import verify_credential
from alliance.centres.selectors import current_status_lists


class Command(BaseCommand):
    help = "Verify an accreditation credential: signature, validity period and status lists."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the .jwt file ('-' for standard input)")
        parser.add_argument("--json", action="store_true", help="print the credential too")

    def handle(self, *args, file, json: bool = False, **options):
        import sys

        try:
            token = sys.stdin.read() if file == "-" else Path(file).read_text(encoding="ascii")
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"cannot read {file}: {exc}") from exc
        result = verify_credential(token, current_status_lists())
        subject = result.credential.get("credentialSubject", {})
        self.stdout.write(f"outcome: {result.outcome}")
        if result.outcome != "invalid":
            self.stdout.write(f"centre: {subject.get('name')} ({subject.get('centreType')})")
            self.stdout.write(
                f"valid: {result.credential.get('validFrom')} – {result.credential.get('validUntil')}"
            )
        if json:
            self.stdout.write(_dumps(result.credential))
        if result.outcome != "valid":
            raise CommandError(f"credential is not valid: {result.outcome}")


def _dumps(data) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False)
