from django.core.management.base import BaseCommand

from alliance.news.services import send_newsletter_digests


class Command(BaseCommand):
    help = "Email each confirmed subscriber the announcements published since their last digest."

    def handle(self, *args, **options):
        sent = send_newsletter_digests()
        self.stdout.write(f"newsletter: {sent} digest(s) sent")
