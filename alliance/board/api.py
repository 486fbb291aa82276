"""Board API: public composition and published decisions; the members' papers with a token."""

from datetime import date, datetime

from django.urls import reverse
from ninja import Query, Router, Schema
from ninja.pagination import paginate

from alliance.accounts.auth import TokenAuth
from alliance.core import kernel
from alliance.core.api_actions import window, window_query
from alliance.core.policy import can
from alliance.core.schemas import Choice, TranslatedText, WithTranslations
from alliance.core.states import PermissionRefused

from .clock import board_today, meeting_day
from .models import BoardMember, Decision, Expert, Meeting
from .selectors import (
    approved_experts,
    get_meeting_for_member,
    meetings_for_member,
    members_on,
    published_decisions,
)

router = Router(tags=["board"])


class MemberOut(Schema):
    full_name: str
    title: str
    country: str
    organisation: str
    category: Choice(BoardMember, "category")
    role: Choice(BoardMember, "role")
    term_start: date
    term_end: date | None


class DecisionOut(WithTranslations("text")):
    meeting: str
    meeting_date: date
    number: int
    kind: Choice(Decision, "kind")
    text: TranslatedText
    method: Choice(Decision, "method")
    votes_for: int | None
    votes_against: int | None
    abstentions: int | None
    follow_up_owner: str
    due_date: date | None
    status: Choice(Decision, "status")
    elected: list[str]


class ExpertOut(Schema):
    full_name: str
    organisation: str
    country: str
    areas: list[str]
    languages: list[str]
    availability: Choice(Expert, "availability")


class PaperOut(Schema):
    title: str
    agenda_item: int | None
    url: str


class AgendaItemOut(WithTranslations("title")):
    order: int
    title: TranslatedText
    presenter: str


class MeetingOut(WithTranslations("title")):
    id: int
    title: TranslatedText
    kind: Choice(Meeting, "kind")
    format: Choice(Meeting, "format")
    place: str
    starts_at: datetime
    ends_at: datetime
    time_zone: str
    status: Choice(Meeting, "status")
    # What the token's owner may do to the meeting now (the secretariat: edit, invite...).
    actions: list[str]


class MeetingDetailOut(MeetingOut):
    agenda: list[AgendaItemOut]
    papers: list[PaperOut]
    minutes: str


@router.get("/board/members", response=list[MemberOut])
def board_members(request, on: date | None = None):
    """The Board's composition today, or on the date given as `on` (YYYY-MM-DD)."""
    return [
        {
            "full_name": m.full_name,
            "title": m.title,
            "country": m.country.code if m.country else "",
            "organisation": m.organisation_name,
            "category": m.category,
            "role": m.role,
            "term_start": m.term_start,
            "term_end": m.last_day,
        }
        for m in members_on(on or board_today())
    ]


@router.get("/board/decisions", response=list[DecisionOut])
@paginate
def board_decisions(request):
    return [
        {
            "meeting": str(d.meeting.title),
            "meeting_date": meeting_day(d.meeting),
            "number": d.number,
            "kind": d.kind,
            "text": d.text,
            "method": d.method,
            "votes_for": d.votes_for,
            "votes_against": d.votes_against,
            "abstentions": d.abstentions,
            "follow_up_owner": d.follow_up_owner,
            "due_date": d.due_date,
            "status": d.status,
            "elected": [m.full_name for m in d.elected.all()],
        }
        for d in published_decisions()
    ]


@router.get("/board/experts", response=list[ExpertOut])
@paginate
def board_experts(request, area: str | None = None, language: str | None = None):
    rows = approved_experts()
    if area:
        rows = rows.filter(areas__code=area.upper())
    if language:
        rows = rows.filter(languages__contains=f",{language},")
    return [
        {
            "full_name": e.full_name,
            "organisation": e.organisation_name,
            "country": e.country.code if e.country else "",
            "areas": [a.code for a in e.areas.all()],
            "languages": e.language_codes,
            "availability": e.availability,
        }
        for e in rows.distinct()
    ]


@router.get("/board/meetings", response=list[MeetingOut], auth=TokenAuth())
def member_meetings(request, paging: Query[window_query(50)]):
    """Meetings whose papers the token's owner may read (Board members and secretariat),
    latest first (`limit` up to 200, `offset`)."""
    if not can(request.auth, "board.papers"):
        raise PermissionRefused()
    return [_meeting(m, request.auth) for m in window(meetings_for_member(request.auth), paging)]


def _meeting(meeting, user) -> dict:
    skip = ("actions", "translations", "languages")
    fields = {f: getattr(meeting, f) for f in MeetingOut.model_fields if f not in skip}
    return {**fields, "actions": sorted(kernel.allowed_actions(meeting, user))}


@router.get("/board/meetings/{meeting_id}", response=MeetingDetailOut, auth=TokenAuth())
def member_meeting(request, meeting_id: int):
    """One meeting with its agenda and papers; 404 for anyone who may not see it."""
    meeting = get_meeting_for_member(request.auth, meeting_id)
    return {
        **_meeting(meeting, request.auth),
        "minutes": meeting.minutes,
        "agenda": meeting.agenda,
        "papers": [
            {
                "title": p.title,
                "agenda_item": p.agenda_item.order if p.agenda_item else None,
                "url": request.build_absolute_uri(reverse("board:paper", kwargs={"pk": p.pk})),
            }
            for p in meeting.papers
        ],
    }
