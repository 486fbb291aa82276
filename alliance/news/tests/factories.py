from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from alliance.core.models import Country
from alliance.news import services
from alliance.news.models import Announcement, Category
from alliance.news.states import AnnouncementStatus


def published(n=0, *, category=Category.CALLS, days_ago=1, **extra) -> Announcement:
    """A published announcement, written without the services (for volume)."""
    return Announcement.objects.create(
        title={"en": f"Announcement {n}", "fr": f"Annonce {n}"},
        summary={"en": f"Summary {n}", "fr": f"Résumé {n}"},
        body={"en": f"Text **{n}**", "fr": f"Texte **{n}**"},
        category=category,
        status=AnnouncementStatus.PUBLISHED,
        publish_at=timezone.now() - timedelta(days=days_ago, minutes=n),
        **extra,
    )


def designate(director, code="MW", *, django_capture_on_commit_callbacks=None, **extra):
    country = Country.objects.get(code=code)
    with transaction.atomic():
        return services.pilot_designate(
            actor=director,
            country=country,
            rationale={
                "en": "A strong national strategy.",
                "fr": "Une stratégie nationale solide.",
            },
            designated_on=extra.pop("designated_on", date(2023, 6, 15)),
            **extra,
        )
