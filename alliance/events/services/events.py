"""Events: drafting, publishing, cancelling; after the event, attendance and materials."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.accounts.models import User
from alliance.core import kernel, policy
from alliance.core.i18n import audit_value
from alliance.core.states import TransitionRefused
from alliance.core.uploads import validate_upload

from ..models import Event, Material, Question, Registration
from ..states import ACTIVE, RegistrationStatus

EVENT_FIELDS = [
    "title",
    "description",
    "kind",
    "format",
    "place",
    "online_url",
    "starts_at",
    "ends_at",
    "time_zone",
    "capacity",
    "languages",
    "members_only",
]
# A change to any of these makes the calendar entry registered people hold wrong.
SCHEDULE_FIELDS = ["starts_at", "ends_at", "place", "online_url"]


def _snapshot(event: Event) -> dict:
    return {f: audit_value(getattr(event, f)) for f in [*EVENT_FIELDS, "status"]}


def _check(fields: dict) -> None:
    starts_at: datetime = fields["starts_at"]
    if fields["ends_at"] <= starts_at:
        raise TransitionRefused(_("The event must end after it starts."), code="invalid_time")
    if fields.get("capacity", 1) < 1:
        raise TransitionRefused(_("An event has room for one person at least."), "invalid")


def _set_questions(event: Event, questions: list[dict]) -> None:
    """Set the registration questions ([{"text": {...}, "required": bool}]) by position, so
    a question keeps its id (and the answers given to it) when its wording is corrected."""
    kept = [q for q in questions if q.get("text")]
    for order, q in enumerate(kept, start=1):
        Question.objects.update_or_create(
            event=event,
            order=order,
            defaults={"text": q["text"], "required": bool(q.get("required"))},
        )
    event.questions.filter(order__gt=len(kept)).delete()


@transaction.atomic
def event_create(*, actor: User, questions: list[dict] | None = None, **fields) -> Event:
    policy.require(actor, "events.event.manage")
    _check(fields)
    event = Event(**fields, created_by=actor)
    event.full_clean()
    kernel.create(event, actor=actor, verb="event.created", after=_snapshot(event))
    _set_questions(event, questions or [])
    return event


@transaction.atomic
def event_update(
    *, event_id: int, actor: User, questions: list[dict] | None = None, **fields
) -> Event:
    event = kernel.lock(Event, event_id)
    kernel.check(event, "edit", actor)
    _check({"starts_at": event.starts_at, "ends_at": event.ends_at, **fields})
    before = _snapshot(event)
    rescheduled = any(
        name in fields and fields[name] != getattr(event, name) for name in SCHEDULE_FIELDS
    )
    changes = {**fields, "sequence": event.sequence + (1 if rescheduled else 0)}
    for name, value in changes.items():
        setattr(event, name, value)
    event.full_clean()
    kernel.transition(
        event, "edit", actor=actor, fields=changes, before=before, after=_snapshot(event)
    )
    if questions is not None:
        _set_questions(event, questions)
    return event


@transaction.atomic
def event_publish(*, event_id: int, actor: User) -> Event:
    event = kernel.lock(Event, event_id)
    return kernel.transition(event, "publish", actor=actor, fields={"published_at": timezone.now()})


@transaction.atomic
def event_cancel(*, event_id: int, actor: User) -> Event:
    """Cancel the event; everyone registered or waiting is told (with a calendar file that
    removes the entry). Their registrations stay as they were: the event's status says it."""
    event = kernel.lock(Event, event_id)
    kernel.check(event, "cancel", actor)
    if event.has_ended:
        raise TransitionRefused(_("An event that is over cannot be cancelled."), "event_ended")
    kernel.transition(
        event,
        "cancel",
        actor=actor,
        fields={"cancelled_at": timezone.now(), "sequence": event.sequence + 1},
    )
    for registration in event.registrations.filter(status__in=ACTIVE).order_by("pk"):
        kernel.announce("event.cancelled_for_registration", registration, actor=actor)
    return event


def _require_ended(event: Event) -> None:
    if not event.has_ended:
        raise TransitionRefused(
            _("Attendance is recorded once the event has ended."), code="not_ended"
        )


@transaction.atomic
def attendance_record(*, event_id: int, actor: User, attended: set[int]) -> int:
    """Mark each registered person attended (their registration id in `attended`) or not;
    returns how many registrations changed."""
    event = kernel.lock(Event, event_id)
    kernel.check(event, "record_attendance", actor)
    _require_ended(event)
    marked = {
        RegistrationStatus.REGISTERED,
        RegistrationStatus.ATTENDED,
        RegistrationStatus.NO_SHOW,
    }
    rows = kernel.lock_rows(event.registrations.filter(status__in=marked))
    changed = 0
    for registration in rows:
        present = registration.pk in attended
        target = RegistrationStatus.ATTENDED if present else RegistrationStatus.NO_SHOW
        if registration.status == target:
            continue
        action = "mark_attended" if present else "mark_no_show"
        kernel.transition(registration, action, actor=actor, notify=False)
        changed += 1
    kernel.transition(event, "record_attendance", actor=actor, after={"changed": changed})
    return changed


@transaction.atomic
def attendance_mark(*, registration_id: int, actor: User, attended: bool) -> Registration:
    """Correct one person's attendance after the event."""
    event_id = Registration.objects.values_list("event_id", flat=True).get(pk=registration_id)
    event = kernel.lock(Event, event_id)
    kernel.check(event, "record_attendance", actor)
    _require_ended(event)
    registration = kernel.lock(Registration, registration_id)
    action = "mark_attended" if attended else "mark_no_show"
    return kernel.transition(registration, action, actor=actor, notify=False)


@transaction.atomic
def material_add(
    *,
    event_id: int,
    actor: User,
    kind: str,
    title: dict,
    url: str = "",
    file=None,
    lesson=None,
) -> Material:
    event = kernel.lock(Event, event_id)
    kernel.check(event, "add_material", actor)
    if not url and file is None:
        raise TransitionRefused(_("Give a link or a file."), code="invalid_material")
    if file is not None:
        validate_upload(file, "paper")
    if lesson is not None and lesson.status != "published":
        raise TransitionRefused(
            _("Link a lesson that is published in the lessons library."), code="invalid_lesson"
        )
    material = Material(event=event, kind=kind, title=title, url=url, lesson=lesson)
    if file is not None:
        material.file = file
    material.full_clean()
    material.save()
    kernel.transition(event, "add_material", actor=actor, after=audit_value(material.title))
    return material


def registered_count(event: Event) -> int:
    return Registration.objects.filter(
        event=event,
        status__in=[
            RegistrationStatus.REGISTERED,
            RegistrationStatus.ATTENDED,
            RegistrationStatus.NO_SHOW,
        ],
    ).count()
