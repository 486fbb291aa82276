"""Demo community events: the circular's community event of 15 March 2023 (past, with
attendance and materials, one linked to a lesson of the library) and an upcoming webinar
with a registration question and people registered. Idempotent."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from django.utils import timezone

from alliance.events.models import Event, Material, Question, Registration
from alliance.monitoring.models import LessonLearned

GENEVA = ZoneInfo("Europe/Zurich")
COMMUNITY = "Alliance community event 2023"
WEBINAR = "Webinar: building a regulatory sandbox"


def _event(en, fr, **fields) -> Event:
    event, _ = Event.objects.update_or_create(
        title__en=en, defaults={"title": {"en": en, "fr": fr}, **fields}
    )
    return event


def _register(ctx, event, key, status, organisation=None, answers=None):
    user = ctx.users[key]
    Registration.objects.update_or_create(
        event=event,
        user=user,
        defaults={
            "status": status,
            "organisation": ctx.organisations.get(organisation) if organisation else None,
            "answers": answers or {},
        },
    )


def seed_community_event(ctx):
    start = datetime.combine(date(2023, 3, 15), time(14, 0), tzinfo=GENEVA)
    event = _event(
        COMMUNITY,
        "Événement communautaire de l'Alliance 2023",
        description={
            "en": "The launch of the Alliance's community: the founding members present the "
            "Alliance, the acceleration centre types and the call for expressions of interest.",
            "fr": "Le lancement de la communauté de l'Alliance : les membres fondateurs "
            "présentent l'Alliance, les types de centres d'accélération et l'appel à "
            "manifestations d'intérêt.",
        },
        kind="community",
        format="hybrid",
        place="ITU headquarters, Geneva, Room Popov",
        online_url="https://meet.demo.alliance.test/community-2023",
        starts_at=start,
        ends_at=start + timedelta(hours=3),
        time_zone="Europe/Zurich",
        capacity=120,
        languages=",en,fr,",
        status="published",
        published_at=start - timedelta(days=30),
        created_by=ctx.users["secretariat"],
    )
    for key, status, org in [
        ("macra_focal", "attended", "macra"),
        ("macra_signatory", "attended", "macra"),
        ("university", "attended", "uni_nairobi"),
        ("ucad", "no_show", "ucad"),
        ("ministry", "attended", "ng_ministry"),
    ]:
        _register(ctx, event, key, status, org)
    lesson = LessonLearned.objects.filter(title="Sandboxes need a sunset clause").first()
    Material.objects.update_or_create(
        event=event,
        kind="recording",
        defaults={
            "title": {"en": "Recording of the event", "fr": "Enregistrement de l'événement"},
            "url": "https://video.demo.alliance.test/community-2023",
            "lesson": lesson,
        },
    )
    if not event.materials.filter(kind="slides").exists():
        slides = Material(
            event=event,
            kind="slides",
            title={"en": "Presentation of the Alliance", "fr": "Présentation de l'Alliance"},
        )
        slides.file.save(
            "alliance-presentation.txt",
            ContentFile(b"The Innovation and Entrepreneurship Alliance for Digital Development."),
            save=False,
        )
        slides.save()
    return event


def seed_webinar(ctx):
    day = (timezone.now() + timedelta(days=21)).astimezone(GENEVA).date()
    start = datetime.combine(day, time(13, 0), tzinfo=GENEVA)
    event = _event(
        WEBINAR,
        "Webinaire : construire un bac à sable réglementaire",
        description={
            "en": "MACRA shares how it set up its regulatory sandbox, then questions.",
            "fr": "La MACRA explique comment elle a mis en place son bac à sable "
            "réglementaire, puis répond aux questions.",
        },
        kind="webinar",
        format="online",
        place="",
        online_url="https://meet.demo.alliance.test/sandbox-webinar",
        starts_at=start,
        ends_at=start + timedelta(hours=1, minutes=30),
        time_zone="Europe/Zurich",
        capacity=3,
        languages=",en,fr,",
        status="published",
        published_at=timezone.now(),
        created_by=ctx.users["lab"] if "lab" in ctx.users else ctx.users["secretariat"],
    )
    question, _ = Question.objects.update_or_create(
        event=event,
        order=1,
        defaults={
            "text": {
                "en": "What would you like the speakers to cover?",
                "fr": "Que souhaitez-vous que les intervenants abordent ?",
            },
            "required": False,
        },
    )
    _register(ctx, event, "macra_focal", "registered", "macra", {str(question.pk): "Exit rules"})
    _register(ctx, event, "university", "registered", "uni_nairobi")
    return event


def seed(ctx):
    seed_community_event(ctx)
    seed_webinar(ctx)
