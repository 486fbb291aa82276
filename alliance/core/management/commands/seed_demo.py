"""Build the demo data set with code. Each app may have a `demo.py` with `seed(ctx)`;
they run in INSTALLED_APPS order, and every one of them is idempotent."""

import importlib
import importlib.util

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings

from alliance.core import kernel
from alliance.core.demo import DEMO_PASSWORD, DemoContext


class Command(BaseCommand):
    help = "Create or refresh the demo organisations, people and records (idempotent)."

    def handle(self, *args, **options):
        # The seeders go through the real services, which notify by email; the demo's
        # people are made up, so those messages go nowhere instead of filling the terminal.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            ctx = self.seed()
        self.stdout.write(self.style.SUCCESS("Demo data is ready. Sign in with any of these:"))
        width = max(len(email) for _label, email in ctx.sign_ins)
        for label, email in ctx.sign_ins:
            self.stdout.write(f"  {email.ljust(width)}  {label}")
        self.stdout.write(f"  password for all of them: {DEMO_PASSWORD}")

    def seed(self) -> DemoContext:
        ctx = DemoContext()
        for config in apps.get_app_configs():
            if not config.name.startswith("alliance."):
                continue
            module_name = f"{config.name}.demo"
            if importlib.util.find_spec(module_name) is None:
                continue
            module = importlib.import_module(module_name)
            if hasattr(module, "seed"):
                with transaction.atomic(), kernel.separate_lock_orders():
                    module.seed(ctx)
        return ctx
