"""News API: published announcements (filter by category, language) and pilots."""

from datetime import date, datetime
from typing import Literal

from django.conf import settings
from django.http import Http404
from django.urls import reverse
from ninja import Query, Router, Schema
from ninja.pagination import paginate

from alliance.core.schemas import Choice, TranslatedText, WithTranslations

from .models import Announcement, Category, Pilot
from .rendering import render_markdown
from .selectors import all_pilots, public_announcement, public_announcements

router = Router(tags=["news"])

Language = Literal[tuple(code for code, _name in settings.LANGUAGES)]


class AnnouncementOut(WithTranslations("title", "summary", "body")):
    id: int
    title: TranslatedText
    summary: TranslatedText
    body: TranslatedText
    body_html: str
    category: Choice(Category)
    published_at: datetime
    url: str
    call_id: int | None
    centre_id: int | None
    country: str | None
    pilot_id: int | None

    @staticmethod
    def resolve_body_html(obj):
        return str(render_markdown(str(obj.body)))

    @staticmethod
    def resolve_published_at(obj):
        return obj.publish_at

    @staticmethod
    def resolve_url(obj):
        return reverse("news:detail", args=[obj.pk])

    @staticmethod
    def resolve_country(obj):
        return obj.country.code.code if obj.country_id else None


class AnnouncementFilters(Schema):
    category: Choice(Category) | None = None
    # Only the announcements written in this language (English is always there).
    language: Language | None = None


class PilotOut(WithTranslations("rationale")):
    id: int
    country: str
    country_name: str
    centre_id: int | None
    centre: str | None
    rationale: TranslatedText
    designated_on: date
    ended_on: date | None
    status: Choice(Pilot, "status")

    @staticmethod
    def resolve_country(obj):
        return obj.country.code.code

    @staticmethod
    def resolve_country_name(obj):
        return obj.country.name

    @staticmethod
    def resolve_centre(obj):
        return obj.centre.name if obj.centre_id else None

    @staticmethod
    def resolve_status(obj):
        return obj.current_status


@router.get("/news/announcements", response=list[AnnouncementOut])
@paginate
def announcements(request, filters: Query[AnnouncementFilters]):
    qs = public_announcements(filters.category)
    if filters.language:
        qs = qs.filter(title__has_key=filters.language)
    return qs


@router.get("/news/announcements/{announcement_id}", response=AnnouncementOut)
def announcement(request, announcement_id: int):
    try:
        return public_announcement(announcement_id)
    except Announcement.DoesNotExist as exc:
        raise Http404 from exc


@router.get("/news/pilots", response=list[PilotOut])
@paginate
def pilots(request):
    return all_pilots()
