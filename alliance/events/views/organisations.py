"""An organisation's focal point sees who of their organisation registered for events."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from .. import selectors
from ..permissions import get_organisation_for


@login_required
def organisation_registrations(request, pk):
    organisation = get_organisation_for(request.user, pk)
    page = Paginator(selectors.organisation_registrations(organisation.pk), 50).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "events/organisation_registrations.html",
        {"organisation": organisation, "page": page},
    )
