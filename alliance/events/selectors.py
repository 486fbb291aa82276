"""Reads of the events app: the public lists, an event with what a page needs, a
person's registration, the organisers' registration list, an organisation's people."""

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from .models import Event, Material, Registration
from .states import EventStatus, RegistrationStatus

R = RegistrationStatus
# Registrations that hold a seat (before and after the event).
SEATED = [R.REGISTERED, R.ATTENDED, R.NO_SHOW]


def with_counts(queryset: QuerySet[Event]) -> QuerySet[Event]:
    return queryset.annotate(
        seats_taken=Count("registrations", filter=Q(registrations__status__in=SEATED)),
        waiting=Count("registrations", filter=Q(registrations__status=R.WAITLISTED)),
    )


def public_events() -> QuerySet[Event]:
    """Published and cancelled events (a cancelled one stays listed, marked so)."""
    return Event.objects.exclude(status=EventStatus.DRAFT)


def upcoming_events(now=None) -> QuerySet[Event]:
    return with_counts(public_events().filter(ends_at__gt=now or timezone.now())).order_by(
        "starts_at", "pk"
    )


def past_events(now=None) -> QuerySet[Event]:
    return with_counts(
        public_events().filter(ends_at__lte=now or timezone.now(), status=EventStatus.PUBLISHED)
    ).order_by("-starts_at", "-pk")


def event_page(pk: int, *, staff: bool = False) -> Event:
    """One event with its questions and materials (lessons joined); drafts for staff only."""
    queryset = Event.objects.all() if staff else public_events()
    materials = Material.objects.select_related("lesson").order_by("added_at", "pk")
    return (
        with_counts(queryset)
        .prefetch_related("questions", Prefetch("materials", queryset=materials))
        .get(pk=pk)
    )


def registration_of(user, event: Event) -> Registration | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        Registration.objects.filter(event=event, user=user)
        .exclude(status=R.CANCELLED)
        .order_by("-pk")
        .first()
    )


def registrations_for_organisers(event: Event) -> QuerySet[Registration]:
    return event.registrations.select_related("user", "organisation").order_by(
        "status", "created_at", "pk"
    )


def waiting_position(registration: Registration) -> int | None:
    if registration.status != R.WAITLISTED:
        return None
    return (
        Registration.objects.filter(event_id=registration.event_id, status=R.WAITLISTED)
        .filter(
            Q(created_at__lt=registration.created_at)
            | Q(created_at=registration.created_at, pk__lt=registration.pk)
        )
        .count()
        + 1
    )


def organisation_registrations(organisation_id: int) -> QuerySet[Registration]:
    """Who of the organisation registered, for which events (newest events first)."""
    return (
        Registration.objects.filter(organisation_id=organisation_id)
        .select_related("user", "event")
        .order_by("-event__starts_at", "user__full_name", "pk")
    )


def my_registrations(user) -> QuerySet[Registration]:
    return (
        Registration.objects.filter(user=user)
        .select_related("event")
        .order_by("-event__starts_at", "-pk")
    )
