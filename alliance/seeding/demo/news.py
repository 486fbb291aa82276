"""News: the circular's pilot country (June 2023) and its announcement, with a few more
announcements, so that the news pages, feeds, map and open data show something."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from alliance.core.models import Country
from alliance.news import services
from alliance.news.models import Announcement, Pilot

GENEVA = ZoneInfo("Europe/Zurich")
PILOT_COUNTRY = "RW"
PILOT_DAY = date(2023, 6, 30)

ANNOUNCEMENTS = [
    (
        "demo:community-event",
        "events",
        datetime(2023, 2, 20, 10, tzinfo=GENEVA),
        {
            "en": "Community event of the Alliance on 15 March 2023",
            "fr": "Événement communautaire de l'Alliance le 15 mars 2023",
            "es": "Evento comunitario de la Alianza el 15 de marzo de 2023",
        },
        {
            "en": "The first community event of the Alliance is **online** on 15 March 2023. "
            "Organisations interested in hosting an acceleration centre meet the BDT team.",
            "fr": "Le premier événement communautaire de l'Alliance a lieu **en ligne** le "
            "15 mars 2023. Les organisations souhaitant accueillir un centre d'accélération "
            "rencontrent l'équipe du BDT.",
            "es": "El primer evento comunitario de la Alianza es **en línea** el 15 de marzo "
            "de 2023.",
        },
    ),
    (
        "demo:board-annual-meeting",
        "board",
        datetime(2023, 9, 20, 9, tzinfo=GENEVA),
        {
            "en": "The Digital Innovation Board meets in October",
            "fr": "Le Conseil de l'innovation numérique se réunit en octobre",
        },
        {
            "en": "The annual meeting of the Digital Innovation Board takes place in Geneva "
            "in October 2023.",
            "fr": "La réunion annuelle du Conseil de l'innovation numérique a lieu à Genève "
            "en octobre 2023.",
        },
    ),
]

PILOT_RATIONALE = {
    "en": "A national digital transformation strategy, an active innovation ecosystem and a "
    "ministry ready to host the first centre.",
    "fr": "Une stratégie nationale de transformation numérique, un écosystème d'innovation "
    "actif et un ministère prêt à accueillir le premier centre.",
}


def _publish(announcement, actor, when):
    if announcement.status == "draft":
        announcement = services.announcement_publish(announcement_id=announcement.pk, actor=actor)
    # The demo's dates are in the past: the announcement reads as published then.
    Announcement.objects.filter(pk=announcement.pk).update(publish_at=when)


def seed(ctx):
    officer, director = ctx.users["secretariat"], ctx.users["director"]
    for key, category, when, title, body in ANNOUNCEMENTS:
        announcement = Announcement.objects.filter(proposed_by=key).first()
        if announcement is None:
            announcement = services.announcement_create(
                actor=officer, proposed_by=key, title=title, body=body, category=category
            )
        _publish(announcement, officer, when)

    country = Country.objects.get(code=PILOT_COUNTRY)
    pilot = Pilot.objects.filter(country=country, centre=None).first()
    if pilot is None:
        pilot = services.pilot_designate(
            actor=director, country=country, rationale=PILOT_RATIONALE, designated_on=PILOT_DAY
        )
    key = f"pilot.designated:{pilot.pk}"
    announcement = Announcement.objects.filter(proposed_by=key).first()
    if announcement is None:
        # What the proposed draft would say, made at once (the proposal runs after commit).
        from alliance.news.drafts import PROPOSALS, _in_every_language

        extra, title, body = PROPOSALS["pilot.designated"][1](pilot)
        announcement = services.announcement_create(
            actor=officer,
            proposed_by=key,
            title=_in_every_language(title),
            body=_in_every_language(body),
            **extra,
        )
    _publish(announcement, officer, datetime(2023, 6, 30, 12, tzinfo=GENEVA))
    # One announcement still to come, scheduled: it goes live by itself.
    upcoming = Announcement.objects.filter(proposed_by="demo:next-call").first()
    if upcoming is None:
        upcoming = services.announcement_create(
            actor=officer,
            proposed_by="demo:next-call",
            category="calls",
            title={
                "en": "Next call for acceleration centres",
                "fr": "Prochain appel pour des centres d'accélération",
            },
            body={"en": "The next call opens soon.", "fr": "Le prochain appel ouvre bientôt."},
            publish_at=timezone.now() + timedelta(days=14),
        )
        services.announcement_publish(announcement_id=upcoming.pk, actor=officer)
    # A draft the secretariat is still writing.
    if not Announcement.objects.filter(proposed_by="demo:draft").exists():
        services.announcement_create(
            actor=officer,
            proposed_by="demo:draft",
            category="centres",
            title={
                "en": "A week of the acceleration centres",
                "fr": "Une semaine des centres d'accélération",
            },
            body={"en": "Draft: programme to come.", "fr": "Brouillon : programme à venir."},
        )
