"""Nightly: remind members whose term ends soon, move ended terms to past members, delete
the CVs of nomination drafts abandoned for two days.
Safe to run any number of times a day (each row is claimed with a conditional UPDATE)."""

from django.core.management.base import BaseCommand

from alliance.board.clock import board_today
from alliance.board.drafts import purge_stale_cvs
from alliance.board.services import expire_terms, send_term_reminders


class Command(BaseCommand):
    help = "Send Board term reminders and end the terms that are over (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=60, help="Remind this many days ahead.")

    def handle(self, *args, days, **options):
        today = board_today()
        reminded = send_term_reminders(today=today, days_ahead=days)
        ended = expire_terms(today=today)
        purged = purge_stale_cvs()
        self.stdout.write(
            f"{reminded} reminder(s) sent, {ended} term(s) ended, {purged} draft CV(s) deleted."
        )
