"""Reads of the news app: what the public sees, what staff manage, pilots by country."""

from django.db.models import Q, QuerySet
from django.utils import timezone

from .models import Announcement, Category, Pilot
from .states import AnnouncementStatus, PilotStatus

A = AnnouncementStatus


def _published_q(now=None) -> Q:
    # Published, or scheduled and due: the clock publishes at the date (the table's lapse).
    now = now or timezone.now()
    return Q(status=A.PUBLISHED) | Q(status=A.SCHEDULED, publish_at__lte=now)


def public_announcements(category: str | None = None, now=None) -> QuerySet[Announcement]:
    qs = Announcement.objects.filter(_published_q(now)).select_related("country", "call")
    if category:
        qs = qs.filter(category=category)
    return qs.order_by("-publish_at", "-id")


def public_announcement(pk: int) -> Announcement:
    return public_announcements().select_related("centre", "pilot").get(pk=pk)


def next_publication(now=None):
    """When the next scheduled announcement goes live (a cached page must not outlive it)."""
    now = now or timezone.now()
    return (
        Announcement.objects.filter(status=A.SCHEDULED, publish_at__gt=now)
        .order_by("publish_at")
        .values_list("publish_at", flat=True)
        .first()
    )


def published_since(since, until, categories: list[str]) -> QuerySet[Announcement]:
    qs = public_announcements(now=until).filter(publish_at__gt=since, publish_at__lte=until)
    if categories:
        qs = qs.filter(category__in=categories)
    return qs.order_by("publish_at", "id")


def staff_announcements(status: str | None = None) -> QuerySet[Announcement]:
    qs = Announcement.objects.select_related("created_by")
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-created_at", "-id")


def current_pilots() -> QuerySet[Pilot]:
    return (
        Pilot.objects.filter(status=PilotStatus.DESIGNATED)
        .select_related("country", "centre")
        .order_by("-designated_on", "-id")
    )


def all_pilots() -> QuerySet[Pilot]:
    return Pilot.objects.select_related("country", "centre").order_by("-designated_on", "-id")


def pilot_country_codes() -> set[str]:
    """ISO codes of the countries that are pilots (or host a pilot centre) today: one query."""
    return {
        str(code)
        for code in Pilot.objects.filter(status=PilotStatus.DESIGNATED).values_list(
            "country__code", flat=True
        )
    }


def pilot_centre_ids(centres) -> set[int]:
    """Of these centres, those that are pilots or in a pilot country: one query."""
    centres = list(centres)
    pilots = Pilot.objects.filter(status=PilotStatus.DESIGNATED).values_list(
        "country_id", "centre_id"
    )
    countries = {country for country, centre in pilots if centre is None}
    named = {centre for _country, centre in pilots if centre is not None}
    return {c.pk for c in centres if c.pk in named or c.country_id in countries}


def pilots_of_country(country) -> list[Pilot]:
    return list(current_pilots().filter(country=country))


def announcements_about_country(country, limit: int = 10) -> list[Announcement]:
    return list(public_announcements().filter(country=country)[:limit])


def valid_category(value) -> str | None:
    return value if value in Category.values else None
