"""The notifications centre in the API: `/api/v1/me/notifications` and friends."""

from datetime import datetime

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.pagination import paginate
from ninja.responses import Status

from alliance.accounts.auth import TokenAuth
from alliance.core.api_errors import Error

from . import calendar, selectors, services
from .models import Delivery, Notification
from .registry import KINDS

router = Router(tags=["notifications"], auth=TokenAuth())


class NotificationOut(Schema):
    id: int
    verb: str
    kind: str
    subject: str
    body: str
    url: str
    created_at: datetime
    read: bool
    read_at: datetime | None


class CountOut(Schema):
    count: int


class PreferenceOut(Schema):
    kind: str
    label: str
    description: str
    essential: bool
    delivery: Delivery


class PreferenceIn(Schema):
    delivery: Delivery


class FeedOut(Schema):
    active: bool
    created_at: datetime | None = None


class NewFeedOut(Schema):
    url: str


def _out(n: Notification) -> dict:
    return {
        "id": n.pk,
        "verb": n.verb,
        "kind": n.kind,
        "subject": n.subject,
        "body": n.body,
        "url": n.url,
        "created_at": n.created_at,
        "read": n.read_at is not None,
        "read_at": n.read_at,
    }


@router.get("/me/notifications", response=list[NotificationOut])
@paginate
def notifications(request, unread: bool = False):
    return [_out(n) for n in selectors.inbox(request.auth, unread_only=unread)]


@router.get("/me/notifications/unread-count", response=CountOut)
def unread_count(request):
    return {"count": selectors.unread_count(request.auth)}


@router.post("/me/notifications/read-all", response=CountOut)
def read_all(request):
    return {"count": services.mark_all_read(user=request.auth)}


@router.post(
    "/me/notifications/{notification_id}/read", response={200: NotificationOut, 404: Error}
)
def read(request, notification_id: int):
    notification = get_object_or_404(Notification, pk=notification_id, recipient=request.auth)
    services.mark_read(user=request.auth, notification_id=notification.pk)
    notification.refresh_from_db()
    return _out(notification)


@router.post(
    "/me/notifications/{notification_id}/unread", response={200: NotificationOut, 404: Error}
)
def unread(request, notification_id: int):
    notification = get_object_or_404(Notification, pk=notification_id, recipient=request.auth)
    services.mark_read(user=request.auth, notification_id=notification.pk, read=False)
    notification.refresh_from_db()
    return _out(notification)


def _preference(row: dict) -> dict:
    kind = row["kind"]
    return {
        "kind": kind.code,
        "label": str(kind.label),
        "description": str(kind.description),
        "essential": kind.essential,
        "delivery": row["delivery"],
    }


@router.get("/me/notification-preferences", response=list[PreferenceOut])
def preferences(request):
    return [_preference(row) for row in selectors.preferences_of(request.auth)]


@router.put(
    "/me/notification-preferences/{kind}",
    response={200: PreferenceOut, 404: Error, 409: Error},
)
def set_preference(request, kind: str, payload: PreferenceIn):
    if kind not in KINDS:
        message = _("There is no such kind of message.")
        return Status(404, {"code": "unknown_kind", "message": message})
    services.set_preference(user=request.auth, kind=kind, delivery=payload.delivery)
    row = next(r for r in selectors.preferences_of(request.auth) if r["kind"].code == kind)
    return _preference(row)


@router.get("/me/calendar-feed", response=FeedOut)
def feed(request):
    active = selectors.active_feed(request.auth)
    if active is None:
        return {"active": False}
    return {"active": True, "created_at": active.created_at}


@router.post("/me/calendar-feed", response={201: NewFeedOut})
def feed_create(request):
    _feed, raw = services.feed_create(user=request.auth)
    return Status(201, {"url": calendar.feed_url(raw)})


@router.delete("/me/calendar-feed", response={204: None})
def feed_revoke(request):
    services.feed_revoke(user=request.auth)
    return Status(204, None)
