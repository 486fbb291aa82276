"""Benchmark volume: ten years of a Board (past seats, meetings with published decisions)
and an Expert Network of a few hundred, and the public pages to load."""

import random
from datetime import UTC, datetime, timedelta

from alliance.board.clock import board_today
from alliance.board.models import (
    BoardMember,
    Decision,
    Expert,
    ExpertArea,
    Meeting,
    SeatCategory,
)
from alliance.board.states import ExpertStatus, MeetingStatus, SeatStatus

MEMBERS = 300
MEETINGS = 20
DECISIONS_PER_MEETING = 10
EXPERTS = 400
LANGUAGES = ["en", "fr", "ar", "es", "ru", "zh", "pt"]


def bench_seed(rng: random.Random, scale: float = 1.0) -> None:
    if Meeting.objects.filter(title__en__startswith="Bench meeting").exists():
        return
    today = board_today()
    categories = [c.value for c in SeatCategory]
    members = []
    for i in range(int(MEMBERS * scale)):
        start = today - timedelta(days=rng.randrange(400, 3650))
        members.append(
            BoardMember(
                full_name=f"Bench member {i:04d}",
                title="Director of innovation",
                country=rng.choice(["KE", "SN", "BR", "IN", "FR", "VN", "EG"]),
                organisation_name=f"Bench organisation {i % 50}",
                category=rng.choice(categories),
                term_start=start,
                term_end=start + timedelta(days=rng.randrange(200, 2 * 365)),
                status=SeatStatus.ENDED,
            )
        )
    # Terms that have ended (term_end in the past); a few may still run past today.
    for m in members:
        m.term_end = min(m.term_end, today - timedelta(days=1))
    BoardMember.objects.bulk_create(members, batch_size=1000)

    Meeting.objects.bulk_create(
        [
            Meeting(
                title={"en": f"Bench meeting {i:02d}", "fr": f"Réunion {i:02d}"},
                kind="annual",
                format="hybrid",
                starts_at=(
                    at := datetime(today.year - 10, 3, 1, 9, tzinfo=UTC) + timedelta(days=i * 182)
                ),
                ends_at=at + timedelta(hours=6),
                status=MeetingStatus.HELD,
                minutes="Minutes of the meeting.",
            )
            for i in range(int(MEETINGS * scale))
        ]
    )
    meetings = list(Meeting.objects.filter(title__en__startswith="Bench meeting"))
    Decision.objects.bulk_create(
        [
            Decision(
                meeting=m,
                number=n,
                text={
                    "en": "The Board adopts the work plan and asks the secretariat to report. " * 3,
                    "fr": "Le Conseil adopte le plan de travail et demande un rapport. " * 3,
                },
                method="consensus",
                is_published=True,
                published_at=m.ends_at,
                status="done",
            )
            for m in meetings
            for n in range(1, DECISIONS_PER_MEETING + 1)
        ],
        batch_size=1000,
    )

    Expert.objects.bulk_create(
        [
            Expert(
                full_name=f"Bench expert {i:04d}",
                email=f"bench-expert-{i:04d}@bench.alliance.test",
                organisation_name=f"Bench university {i % 40}",
                country=rng.choice(["KE", "SN", "BR", "IN", "FR", "VN", "EG"]),
                expertise="Innovation ecosystems, regulation and start-up finance.",
                languages=Expert.pack_languages(rng.sample(LANGUAGES, rng.randint(1, 3))),
                status=ExpertStatus.APPROVED,
            )
            for i in range(int(EXPERTS * scale))
        ],
        batch_size=1000,
    )
    areas = list(ExpertArea.objects.all())
    through = Expert.areas.through
    through.objects.bulk_create(
        [
            through(expert_id=e, expertarea_id=a.pk)
            for e in Expert.objects.filter(email__startswith="bench-expert-").values_list(
                "pk", flat=True
            )
            for a in rng.sample(areas, rng.randint(1, 3))
        ],
        batch_size=1000,
    )


def bench_pages() -> list[tuple[str, str]]:
    area = ExpertArea.objects.order_by("order").first()
    pages = [
        ("/en/board/", "board: members and past members"),
        ("/en/board/decisions/", "board: published decisions"),
        ("/en/board/experts/", "board: Expert Network"),
    ]
    if area:
        pages.append(
            (f"/en/board/experts/?area={area.code}&language=fr", "board: experts filtered")
        )
    return pages
