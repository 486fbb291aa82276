"""Personal access tokens for demo personas, for scripts that exercise the API as them
(scripts/fuzz_api): `manage.py demo_api_tokens applicant reviewer` prints JSON
{"applicant": "ah_...", ...}. Each run creates new tokens through the token service."""

import json

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from alliance.accounts.models import User
from alliance.accounts.tokens import token_create

# A persona -> the demo account (alliance/seeding/demo/accounts.py) that plays it.
PERSONAS = {
    "applicant": "focal@fmcide.demo.alliance.test",
    "reviewer": "reviewer@demo.alliance.test",
    "secretariat": "secretariat@demo.alliance.test",
    "director": "director@demo.alliance.test",
    "lab": "lab@demo.alliance.test",
    "board": "board@demo.alliance.test",
}


class Command(BaseCommand):
    help = "Create API tokens for demo personas (run seed_demo first) and print them as JSON."

    def add_arguments(self, parser):
        parser.add_argument("personas", nargs="*", help=", ".join(PERSONAS))

    def handle(self, *args, personas, **options):
        tokens = {}
        for persona in personas or list(PERSONAS):
            if persona not in PERSONAS:
                raise CommandError(f"Unknown persona {persona}; one of {', '.join(PERSONAS)}.")
            user = User.objects.filter(email=PERSONAS[persona]).first()
            if user is None:
                raise CommandError(f"No demo account {PERSONAS[persona]}: run seed_demo first.")
            with transaction.atomic():
                _token, raw = token_create(actor=user, name=f"demo {persona}", scope="write")
            tokens[persona] = raw
        self.stdout.write(json.dumps(tokens))
