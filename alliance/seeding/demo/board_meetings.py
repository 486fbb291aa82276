"""Demo Board meetings: the inaugural, annual and extraordinary meetings with their
agendas, papers, attendance and decisions. Idempotent."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile

from alliance.board.clock import board_today
from alliance.board.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    BoardMember,
    Decision,
    DecisionKind,
    Meeting,
    MeetingDocument,
)

GENEVA = ZoneInfo("Europe/Zurich")


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=GENEVA)


def _meeting(en, fr, **fields) -> Meeting:
    meeting, _ = Meeting.objects.update_or_create(
        title__en=en, defaults={"title": {"en": en, "fr": fr}, **fields}
    )
    return meeting


def _agenda(meeting, items):
    for order, (en, fr, presenter) in enumerate(items, start=1):
        AgendaItem.objects.update_or_create(
            meeting=meeting,
            order=order,
            defaults={"title": {"en": en, "fr": fr}, "presenter": presenter},
        )


def _paper(meeting, title, filename, text, item_order=None):
    if meeting.documents.filter(title=title).exists():
        return
    item = meeting.agenda_items.filter(order=item_order).first() if item_order else None
    document = MeetingDocument(meeting=meeting, title=title, agenda_item=item)
    document.file.save(filename, ContentFile(text.encode()), save=False)
    document.save()


def _decision(meeting, number, en, fr, **fields) -> Decision:
    decision, _ = Decision.objects.update_or_create(
        meeting=meeting,
        number=number,
        defaults={"text": {"en": en, "fr": fr}, "method": "consensus", **fields},
    )
    return decision


def seed_meetings(ctx, seats):
    inaugural = _meeting(
        "Inaugural meeting of the Digital Innovation Board",
        "Réunion inaugurale du Conseil de l'innovation numérique",
        kind="annual",
        format="in_person",
        place="ITU headquarters, Geneva",
        starts_at=_at(date(2024, 3, 19), 9, 30),
        ends_at=_at(date(2024, 3, 19), 17),
        time_zone="Europe/Zurich",
        status="held",
        invitations_sent_at=_at(date(2024, 2, 20), 10),
        minutes="The Chair opened the inaugural meeting and welcomed the members, who serve "
        "in a personal capacity. The Board adopted its terms of reference, elected two "
        "co-chairs and agreed to set up an Expert Network.",
    )
    _agenda(
        inaugural,
        [
            ("Opening by the Chair", "Ouverture par le Président", seats["chair"].full_name),
            ("Terms of reference of the Board", "Mandat du Conseil", "Secretariat"),
            ("Election of the co-chairs", "Élection des coprésidents", ""),
            (
                "The Network of Acceleration Centres: first year",
                "Le Réseau de centres d'accélération : première année",
                "Secretariat",
            ),
            ("Work plan and next meeting", "Plan de travail et prochaine réunion", ""),
        ],
    )
    _paper(
        inaugural,
        "Draft terms of reference",
        "terms-of-reference.txt",
        "Draft terms of reference of the Digital Innovation Board.",
        2,
    )
    for member in BoardMember.objects.filter(term_start__lte=date(2024, 3, 19)):
        Attendance.objects.update_or_create(
            meeting=inaugural,
            member=member,
            defaults={
                "status": AttendanceStatus.PRESENT,
                "invited_at": inaugural.invitations_sent_at,
            },
        )
    published = _at(date(2024, 3, 20), 12)
    election = _decision(
        inaugural,
        1,
        "The Board elected its two co-chairs: the Secretary (Telecommunications) of India and "
        "the Minister of Communications, Innovation and Digital Economy of Nigeria.",
        "Le Conseil a élu ses deux coprésidents : le Secrétaire (Télécommunications) de l'Inde "
        "et la Ministre des communications, de l'innovation et de l'économie numérique du Nigéria.",
        kind=DecisionKind.CO_CHAIR_ELECTION,
        status="done",
        is_published=True,
        published_at=published,
    )
    election.elected.set([seats["Arvind Menon"], seats["Adaeze Nwosu"]])
    _decision(
        inaugural,
        2,
        "The Board adopted its terms of reference.",
        "Le Conseil a adopté son mandat.",
        status="done",
        is_published=True,
        published_at=published,
    )
    _decision(
        inaugural,
        3,
        "The Board asked the secretariat to set up an Expert Network to support the acceleration centres.",
        "Le Conseil a demandé au secrétariat de créer un réseau d'experts à l'appui des centres d'accélération.",
        follow_up_owner="BDT secretariat",
        due_date=date(2025, 7, 31),
        status="done",
        is_published=True,
        published_at=published,
    )
    _decision(
        inaugural,
        4,
        "The Board asked the co-chairs and the secretariat to prepare a resource mobilization plan.",
        "Le Conseil a demandé aux coprésidents et au secrétariat de préparer un plan de mobilisation de ressources.",
        follow_up_owner="Co-chairs with the secretariat",
        due_date=date(2026, 12, 31),
        status="in_progress",
        is_published=False,
    )
    annual = _meeting(
        "Annual meeting of the Digital Innovation Board 2025",
        "Réunion annuelle 2025 du Conseil de l'innovation numérique",
        kind="annual",
        format="virtual",
        online_url="https://meet.example.org/dib-2025",
        starts_at=_at(date(2025, 10, 14), 13),
        ends_at=_at(date(2025, 10, 14), 16),
        time_zone="Europe/Zurich",
        status="held",
        minutes="The Board welcomed the launch of the Expert Network on seven areas.",
    )
    _decision(
        annual,
        1,
        "The Board set the seven areas of the Expert Network and welcomed its launch in July 2025.",
        "Le Conseil a fixé les sept domaines du réseau d'experts et s'est félicité de son lancement en juillet 2025.",
        status="done",
        is_published=True,
        published_at=_at(date(2025, 10, 15), 9),
    )
    # The next meeting always lies ahead, so that members find papers to read.
    day = board_today() + timedelta(days=45)
    upcoming = _meeting(
        "Extraordinary meeting on resource mobilization",
        "Réunion extraordinaire sur la mobilisation de ressources",
        kind="extraordinary",
        format="hybrid",
        place="ITU headquarters, Geneva",
        online_url="https://meet.example.org/dib-extraordinary",
        starts_at=_at(day, 14),
        ends_at=_at(day, 16, 30),
        time_zone="Europe/Zurich",
        status="scheduled",
    )
    _agenda(
        upcoming,
        [
            (
                "Draft resource mobilization plan",
                "Projet de plan de mobilisation de ressources",
                "Co-chairs",
            ),
            ("Report of the Expert Network", "Rapport du réseau d'experts", "Secretariat"),
        ],
    )
    _paper(
        upcoming,
        "Draft resource mobilization plan",
        "resource-mobilization-plan.txt",
        "Draft resource mobilization plan for the Alliance, for discussion.",
        1,
    )
    _paper(
        upcoming,
        "Expert Network: first report",
        "expert-network-report.txt",
        "First report of the Expert Network.",
        2,
    )
