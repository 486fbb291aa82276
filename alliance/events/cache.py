"""What the events' public pages show (alliance.core.cache): the lists of events, and each
event's page (its seats left and its materials change with its registrations)."""

from alliance.core.cache import depends_on

EVENT_LISTS = "events.lists"


def event_key(pk) -> str:
    return f"events.Event:{pk}"


def event_pages(request, pk) -> list[str]:
    return [event_key(pk)]


depends_on("events.Event", lambda event: [EVENT_LISTS, event_key(event.pk)])


def _registration_event(event) -> list[str]:
    from .models import Registration

    event_id = Registration.objects.filter(pk=event.pk).values_list("event_id", flat=True).first()
    return [EVENT_LISTS, event_key(event_id)] if event_id else [EVENT_LISTS]


depends_on("events.Registration", _registration_event)
