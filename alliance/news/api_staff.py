"""News API for staff: announcements (write, edit, publish, schedule, withdraw) and pilots
(designate, end, withdraw), through the services the pages call (docs/api-actions.md)."""

from datetime import date
from typing import Literal

from django.apps import apps
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.errors import HttpError
from pydantic import AwareDatetime, Field

from alliance.accounts.auth import TokenAuth
from alliance.core.access import get_visible_or_404
from alliance.core.api_actions import Resource, actions_of, creating, register
from alliance.core.models import Country
from alliance.core.policy import can, require
from alliance.core.schemas import RequiredTranslationsIn, TranslationsIn

from . import services
from .models import Announcement, Category, Pilot
from .states import AnnouncementStatus, PilotStatus

NewsStatus = Literal[tuple(dict.fromkeys([*AnnouncementStatus.values, *PilotStatus.values]))]


class NewsStateOut(Schema):
    """An announcement or a pilot: its id, current status and the actions allowed now."""

    id: int
    kind: Literal["announcement", "pilot"]
    label: str
    status: NewsStatus
    actions: list[str]


def _out(kind: str):
    def out(obj, user) -> dict:
        return {
            "id": obj.pk,
            "kind": kind,
            "label": str(obj),
            "status": obj.current_status,
            "actions": actions_of(obj, user),
        }

    return out


def _staff(model):
    def fetch(user, pk: int):
        if not can(user, "news.manage"):
            raise Http404
        return get_visible_or_404(model.objects.all(), pk=pk)

    return fetch


def _resource(name, path, id_name, model, label) -> Resource:
    return register(
        Resource(
            name=f"news_staff_{name}",
            path=f"/news/staff/{path}",
            id_name=id_name,
            model=label,
            fetch=_staff(model),
            out=_out(name),
            schema=NewsStateOut,
            tags=["news: staff"],
        )
    )


class NewsAnnouncementEditIn(Schema):
    """Only the fields given change."""

    title: RequiredTranslationsIn | None = None
    summary: TranslationsIn | None = None
    body: RequiredTranslationsIn | None = None
    category: Category | None = None
    publish_at: AwareDatetime | None = None


class NewsScheduleIn(Schema):
    publish_at: AwareDatetime


class NewsPilotEndIn(Schema):
    ended_on: date


announcements = _resource(
    "announcement", "announcements", "announcement_id", Announcement, "news.Announcement"
)


@announcements.action("edit", body=NewsAnnouncementEditIn)
def edit(announcement, actor, payload):
    """Change the texts, the category or the publication date."""
    fields = {k: v for k, v in payload.dict(exclude_unset=True).items() if v is not None}
    services.announcement_edit(announcement_id=announcement.pk, actor=actor, **fields)


@announcements.action("publish")
def publish(announcement, actor, payload):
    """Publish now (or at its publication date, if that is still to come)."""
    services.announcement_publish(announcement_id=announcement.pk, actor=actor)


@announcements.action("schedule", body=NewsScheduleIn)
def schedule(announcement, actor, payload):
    """Publish at a future date."""
    services.announcement_schedule(
        announcement_id=announcement.pk, actor=actor, publish_at=payload.publish_at
    )


@announcements.action("withdraw")
def withdraw(announcement, actor, payload):
    """Take a published or scheduled announcement off the site and the feeds."""
    services.announcement_withdraw(announcement_id=announcement.pk, actor=actor)


pilots = _resource("pilot", "pilots", "pilot_id", Pilot, "news.Pilot")


@pilots.action("end", body=NewsPilotEndIn)
def end(pilot, actor, payload):
    """End the pilot on a date (the Director)."""
    services.pilot_end(pilot_id=pilot.pk, actor=actor, ended_on=payload.ended_on)


@pilots.action("withdraw")
def withdraw_pilot(pilot, actor, payload):
    """Withdraw the designation (the Director)."""
    services.pilot_withdraw(pilot_id=pilot.pk, actor=actor)


class NewsAnnouncementIn(Schema):
    title: RequiredTranslationsIn
    summary: TranslationsIn = Field(default_factory=dict)
    body: RequiredTranslationsIn
    category: Category
    publish_at: AwareDatetime | None = None


class NewsPilotIn(Schema):
    country: str = Field(min_length=2, max_length=2, description="ISO 3166-1 alpha-2")
    centre_id: int | None = None
    rationale: RequiredTranslationsIn
    designated_on: date


router = Router(tags=["news: staff"], auth=TokenAuth())


@router.post(
    "/news/staff/announcements",
    response=NewsStateOut,
    operation_id="news_staff_announcement_create",
)
def announcement_create(request, payload: NewsAnnouncementIn):
    """Save a new announcement as a draft (then `publish` or `schedule` it)."""
    require(request.auth, "news.announcement.manage")

    def compute():
        announcement = services.announcement_create(actor=request.auth, **payload.dict())
        return announcements.out(announcement, request.auth)

    return creating(request, NewsStateOut, compute)


@router.post("/news/staff/pilots", response=NewsStateOut, operation_id="news_staff_pilot_create")
def pilot_create(request, payload: NewsPilotIn):
    """Designate a pilot country, or a pilot centre in it (the Director); a draft
    announcement is proposed."""
    require(request.auth, "news.pilot.designate")
    country = Country.objects.filter(code=payload.country.upper()).first()
    if country is None:
        raise HttpError(422, _("Unknown country code."))
    centre = None
    if payload.centre_id is not None:
        centre = apps.get_model("centres", "Centre").objects.filter(pk=payload.centre_id).first()
        if centre is None:
            raise HttpError(422, _("Unknown centre."))

    def compute():
        pilot = services.pilot_designate(
            actor=request.auth,
            country=country,
            centre=centre,
            rationale=payload.rationale,
            designated_on=payload.designated_on,
        )
        return pilots.out(pilot, request.auth)

    return creating(request, NewsStateOut, compute)


for resource in (announcements, pilots):
    router.add_router("/", resource.router(TokenAuth()))

__all__ = ["router"]
