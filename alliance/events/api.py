"""Events API: the public list and detail (with the caller's allowed actions when a token
is given), a person's registration and its cancellation; the organisers' actions through
the transition tables (alliance.core.api_actions, docs/api-actions.md)."""

from datetime import datetime
from enum import StrEnum

from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from ninja import Query, Router, Schema
from pydantic import Field

from alliance.accounts.auth import TokenAuth
from alliance.core.access import get_visible_or_404
from alliance.core.api_actions import (
    ActionsPageQuery,
    Page,
    Resource,
    actions_of,
    model_errors,
    page,
    register,
    taken_elsewhere,
)
from alliance.core.policy import can
from alliance.core.schemas import Choice, RequiredTranslationsIn, TranslatedText, WithTranslations

from . import selectors, services
from .models import Event, EventKind, MaterialKind, Registration
from .permissions import get_event_for

router = Router(tags=["events"])


def _anonymous(request):
    return AnonymousUser()


# A token is optional on the public reads: with one, `actions` are the caller's.
OPTIONAL_TOKEN = [TokenAuth(), _anonymous]


class EventWhen(StrEnum):
    UPCOMING = "upcoming"
    PAST = "past"


class EventListQuery(ActionsPageQuery):
    when: EventWhen = EventWhen.UPCOMING
    kind: EventKind | None = None
    language: str | None = Field(None, max_length=8, pattern=r"^[a-z]{2,3}(-[a-z]+)?$")


class EventOut(WithTranslations("title")):
    id: int
    title: TranslatedText
    kind: Choice(Event, "kind")
    format: Choice(Event, "format")
    starts_at: datetime
    ends_at: datetime
    time_zone: str
    # The languages the event is held in (`languages` says which language each text is in).
    event_languages: list[str]
    members_only: bool
    status: Choice(Event, "status")
    capacity: int
    places_left: int
    url: str


class EventMaterialOut(WithTranslations("title")):
    kind: Choice(MaterialKind)
    title: TranslatedText
    url: str
    lesson_id: int | None


class EventQuestionOut(WithTranslations("text")):
    id: int
    text: TranslatedText
    required: bool


class EventRegistrationOut(Schema):
    id: int
    status: Choice(Registration, "status")
    waiting_position: int | None
    actions: list[str]


class EventDetailOut(EventOut):
    description: str
    questions: list[EventQuestionOut]
    materials: list[EventMaterialOut]
    # Only for the people registered (and the organisers).
    place: str | None
    online_url: str | None
    registration: EventRegistrationOut | None
    actions: list[str]


class EventRegisterIn(Schema):
    """Answers to the event's questions: question id -> text."""

    answers: dict[int, str] = Field(default_factory=dict, max_length=20)


EventPage = Page(EventOut, "EventPage")


def _row(event) -> dict:
    from django.urls import reverse

    return {
        "id": event.pk,
        "title": event.title,
        "kind": event.kind,
        "format": event.format,
        "starts_at": event.starts_at,
        "ends_at": event.ends_at,
        "time_zone": event.time_zone,
        "event_languages": event.language_list,
        "members_only": event.members_only,
        "status": event.status,
        "capacity": event.capacity,
        "places_left": max(event.capacity - getattr(event, "seats_taken", 0), 0),
        "url": reverse("events:detail", args=[event.pk]),
    }


def _registration(registration, user) -> dict | None:
    if registration is None:
        return None
    return {
        "id": registration.pk,
        "status": registration.status,
        "waiting_position": selectors.waiting_position(registration),
        "actions": actions_of(registration, user),
    }


def _detail(event, user) -> dict:
    registration = selectors.registration_of(user, event)
    sees_place = can(user, "events.manage") or (
        registration is not None and registration.status in ("registered", "attended")
    )
    return {
        **_row(event),
        "description": str(event.description),
        "questions": list(event.questions.all()),
        "materials": [
            {"kind": m.kind, "title": m.title, "url": m.url, "lesson_id": m.lesson_id}
            for m in event.materials.all()
            if m.url
        ],
        "place": event.place if sees_place else None,
        "online_url": event.online_url if sees_place else None,
        "registration": _registration(registration, user),
        "actions": actions_of(event, user),
    }


@router.get("/events", response=EventPage, auth=OPTIONAL_TOKEN)
def event_list(request, query: Query[EventListQuery]):
    """Upcoming (default) or past events, soonest (or latest) first; at most 100 a page."""
    rows = (
        selectors.upcoming_events() if query.when == EventWhen.UPCOMING else selectors.past_events()
    )
    if query.kind:
        rows = rows.filter(kind=query.kind)
    if query.language:
        rows = rows.filter(languages__contains=f",{query.language},")
    return page(rows, query, _row)


@router.get("/events/{event_id}", response=EventDetailOut, auth=OPTIONAL_TOKEN)
def event_detail(request, event_id: int):
    """One event, with what the caller may do (`register`, or `cancel` on their registration)."""
    return _detail(get_event_for(request.auth, event_id), request.auth)


@router.post("/events/{event_id}/register", response=EventDetailOut, auth=TokenAuth())
def event_register(request, event_id: int, payload: EventRegisterIn):
    """Register the token's owner (the waiting list when the event is full). 409
    `registration_closed`, `registered` or `answers_missing`; 403 for a members' event."""
    get_event_for(request.auth, event_id)
    with model_errors():
        services.registration_create(
            event_id=event_id,
            actor=request.auth,
            answers={str(k): v for k, v in payload.answers.items()},
        )
    return _detail(get_event_for(request.auth, event_id), request.auth)


@router.post("/events/{event_id}/cancel", response=EventDetailOut, auth=TokenAuth())
def event_cancel_registration(request, event_id: int):
    """Cancel the token owner's registration; the first person waiting moves up. 404 when
    they hold none."""
    event = get_event_for(request.auth, event_id)
    registration = selectors.registration_of(request.auth, event)
    if registration is None:
        raise Http404
    services.registration_cancel(registration_id=registration.pk, actor=request.auth)
    return _detail(get_event_for(request.auth, event_id), request.auth)


taken_elsewhere("events.Event", {"register": "POST /api/v1/events/{event_id}/register"})
taken_elsewhere("events.Registration", {"cancel": "POST /api/v1/events/{event_id}/cancel"})


# -- The organisers: actions of the tables. --------------------------------------------


class EventsEventStateOut(Schema):
    id: int
    label: str
    status: Choice(Event, "status")
    actions: list[str]


class EventsRegistrationStateOut(Schema):
    id: int
    label: str
    status: Choice(Registration, "status")
    actions: list[str]


def _state(obj, user) -> dict:
    return {"id": obj.pk, "label": str(obj), "status": obj.status, "actions": actions_of(obj, user)}


def _organisers(queryset):
    def fetch(user, pk: int):
        if not can(user, "events.manage"):
            raise Http404
        return get_visible_or_404(queryset, pk=pk)

    return fetch


staff_events = register(
    Resource(
        name="events_staff_event",
        path="/events/staff/events",
        id_name="event_id",
        model="events.Event",
        fetch=_organisers(Event.objects.all()),
        out=_state,
        schema=EventsEventStateOut,
        tags=["events: organisers"],
    )
)
staff_registrations = register(
    Resource(
        name="events_staff_registration",
        path="/events/staff/registrations",
        id_name="registration_id",
        model="events.Registration",
        fetch=_organisers(Registration.objects.select_related("event")),
        out=_state,
        schema=EventsRegistrationStateOut,
        tags=["events: organisers"],
    )
)


class EventsEditIn(Schema):
    """Only the fields given change."""

    title: RequiredTranslationsIn | None = None
    capacity: int | None = Field(None, ge=1, le=100_000)
    place: str | None = Field(None, max_length=200)
    online_url: str | None = Field(None, max_length=200)


class EventsAttendanceIn(Schema):
    """The ids of the registrations whose people attended; every other seated one is a no-show."""

    attended: list[int] = Field(max_length=10_000)


class EventsMaterialIn(Schema):
    kind: MaterialKind
    title: RequiredTranslationsIn
    url: str = Field(min_length=8, max_length=200, pattern=r"^https?://")


@staff_events.action("edit", body=EventsEditIn)
def edit(event, actor, payload):
    """Change the title, capacity, place or link of a draft or published event."""
    fields = {k: v for k, v in payload.dict().items() if v is not None}
    services.event_update(event_id=event.pk, actor=actor, **fields)


@staff_events.action("publish")
def publish(event, actor, payload):
    """Publish a draft: it shows on the public list and people may register."""
    services.event_publish(event_id=event.pk, actor=actor)


@staff_events.action("cancel")
def cancel(event, actor, payload):
    """Cancel the event; everyone registered or waiting is told."""
    services.event_cancel(event_id=event.pk, actor=actor)


@staff_events.action("record_attendance", body=EventsAttendanceIn)
def record_attendance(event, actor, payload):
    """After the event: who attended."""
    services.attendance_record(event_id=event.pk, actor=actor, attended=set(payload.attended))


@staff_events.action("add_material", body=EventsMaterialIn)
def add_material(event, actor, payload):
    """Publish a link (a recording, slides online) on the event's page."""
    services.material_add(
        event_id=event.pk, actor=actor, kind=payload.kind, title=payload.title, url=payload.url
    )


@staff_registrations.action("mark_attended")
def mark_attended(registration, actor, payload):
    """Correct one person's attendance: attended."""
    _mark(registration, actor, attended=True)


@staff_registrations.action("mark_no_show")
def mark_no_show(registration, actor, payload):
    """Correct one person's attendance: did not attend."""
    _mark(registration, actor, attended=False)


def _mark(registration, actor, *, attended: bool):
    services.attendance_mark(registration_id=registration.pk, actor=actor, attended=attended)


staff_router = Router()
for resource in (staff_events, staff_registrations):
    staff_router.add_router("/", resource.router(TokenAuth()))
