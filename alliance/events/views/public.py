"""Public pages: upcoming and past events, an event's page (registration on it), a
material's file; a person's own registration is cancelled from the event's page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alliance.core.cache import changes_at, public_page
from alliance.core.files import file_response
from alliance.core.kernel import allowed_actions
from alliance.core.states import TransitionRefused

from .. import selectors, services
from ..cache import EVENT_LISTS, event_pages
from ..forms import EventListForm, RegistrationForm
from ..models import Material
from ..permissions import get_event_for, get_own_registration

PER_PAGE = 20


def _filtered(request, rows):
    form = EventListForm(request.GET or None)
    if form.is_valid():
        if form.cleaned_data["kind"]:
            rows = rows.filter(kind=form.cleaned_data["kind"])
        if form.cleaned_data["language"]:
            rows = rows.filter(languages__contains=f",{form.cleaned_data['language']},")
    return form, rows


@public_page(EVENT_LISTS)
def event_list(request):
    form, rows = _filtered(request, selectors.upcoming_events())
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    # An event leaves the list when it ends.
    changes_at(request, *(e.ends_at for e in page))
    return render(request, "events/list.html", {"form": form, "page": page, "past": False})


@public_page(EVENT_LISTS)
def past_list(request):
    form, rows = _filtered(request, selectors.past_events())
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "events/list.html", {"form": form, "page": page, "past": True})


def _detail_context(request, event, form=None):
    registration = selectors.registration_of(request.user, event)
    actions = allowed_actions(event, request.user)
    context = {
        "event": event,
        "actions": actions,
        "registration": registration,
        "registration_actions": allowed_actions(registration, request.user)
        if registration
        else set(),
        "position": selectors.waiting_position(registration) if registration else None,
        "seats_left": max(event.capacity - event.seats_taken, 0),
        "form": form,
        "may_manage": "edit" in actions or "add_material" in actions,
    }
    if form is None and registration is None and "register" in actions:
        context["form"] = RegistrationForm(event=event)
    # The place and the link are for the people registered and the organisers.
    context["show_place"] = context["may_manage"] or (
        registration is not None and registration.status in ("registered", "attended")
    )
    return context


@public_page(event_pages)
def event_detail(request, pk):
    event = get_event_for(request.user, pk)
    changes_at(request, event.ends_at)
    return render(request, "events/detail.html", _detail_context(request, event))


@login_required
@require_POST
def register(request, pk):
    event = get_event_for(request.user, pk)
    form = RegistrationForm(request.POST, event=event)
    if form.is_valid():
        try:
            registration = services.registration_create(
                event_id=pk, actor=request.user, answers=form.answers()
            )
        except TransitionRefused as refused:  # PermissionRefused too
            form.add_error(None, refused.reason)
        else:
            if registration.status == "waitlisted":
                messages.success(
                    request,
                    _(
                        "The event is full: you are on the waiting list. We will email you if "
                        "a place becomes free."
                    ),
                )
            else:
                messages.success(
                    request,
                    _(
                        "You are registered. We have emailed you a confirmation with a "
                        "calendar file."
                    ),
                )
            return redirect("events:detail", pk=pk)
    context = _detail_context(request, event, form=form)
    return render(request, "events/detail.html", context, status=400)


@login_required
@require_POST
def cancel(request, pk):
    registration = get_own_registration(request.user, pk)
    try:
        services.registration_cancel(registration_id=pk, actor=request.user)
    except TransitionRefused as refused:
        messages.error(request, refused.reason)
    else:
        messages.success(request, _("Your registration is cancelled."))
    return redirect("events:detail", pk=registration.event_id)


def material_file(request, pk, material_pk):
    event = get_event_for(request.user, pk)
    material = Material.objects.filter(event=event, pk=material_pk).first()
    if material is None or not material.file:
        raise Http404
    return file_response(material.file, material.original_name or "material")


@login_required
def my_registrations(request):
    page = Paginator(selectors.my_registrations(request.user), PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(request, "events/my_registrations.html", {"page": page})
