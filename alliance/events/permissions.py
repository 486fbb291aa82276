"""What a person may see of events: everyone else gets a 404."""

from django.http import Http404

from alliance.accounts.models import Organisation
from alliance.core.access import get_visible_or_404
from alliance.core.policy import can

from . import selectors
from .models import Event, Registration


def get_event_for(user, pk: int) -> Event:
    """A published or cancelled event for anyone; a draft for the organisers only."""
    staff = can(user, "events.manage")
    try:
        return selectors.event_page(pk, staff=staff)
    except Event.DoesNotExist:
        raise Http404 from None


def get_managed_event(user, pk: int) -> Event:
    if not can(user, "events.manage"):
        raise Http404
    return get_event_for(user, pk)


def get_own_registration(user, pk: int) -> Registration:
    if not getattr(user, "is_authenticated", False):
        raise Http404
    return get_visible_or_404(Registration.objects.select_related("event"), pk=pk, user=user)


def get_organisation_for(user, pk: int) -> Organisation:
    organisation = get_visible_or_404(Organisation.objects.all(), pk=pk)
    if not can(user, "events.organisation.registrations", organisation):
        raise Http404
    return organisation
