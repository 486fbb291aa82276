"""Build the demo data set with code: each module of `alliance.seeding.demo` seeds one app
with `seed(ctx)`, in the order below (the order the apps are installed in), and every one
of them is idempotent."""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings

from alliance.core import kernel
from alliance.seeding.demo import (
    DEMO_PASSWORD,
    DemoContext,
    accounts,
    board,
    calls,
    centres,
    events,
    joining,
    lab,
    monitoring,
    news,
    public,
)

# Later seeders use what earlier ones made (people, organisations, centres).
SEEDERS = (accounts, centres, public, board, joining, lab, calls, monitoring, events, news)


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
        for module in SEEDERS:
            with transaction.atomic(), kernel.separate_lock_orders():
                module.seed(ctx)
        return ctx
