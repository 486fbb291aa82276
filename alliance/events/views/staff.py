"""The organisers' pages (the secretariat and the Lab): events, their registrations and
exports, attendance and materials."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from alliance.core.access import require_can
from alliance.core.spreadsheets import csv_response, xlsx_response
from alliance.core.states import TransitionRefused

from .. import selectors, services
from ..exports import registration_rows
from ..forms import AttendanceForm, EventForm, MaterialForm
from ..models import Event
from ..permissions import get_managed_event
from ..states import RegistrationStatus


def organisers(view):
    @wraps(view)
    @login_required
    def wrapped(request, *args, **kwargs):
        require_can(request.user, "events.manage")
        return view(request, *args, **kwargs)

    return wrapped


@organisers
def staff_list(request):
    rows = selectors.with_counts(Event.objects.order_by("-starts_at", "-pk"))
    page = Paginator(rows, 25).get_page(request.GET.get("page"))
    return render(request, "events/staff_list.html", {"page": page})


@organisers
@require_http_methods(["GET", "POST"])
def create(request):
    form = EventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            event = services.event_create(actor=request.user, **form.service_fields())
        except TransitionRefused as refused:
            form.add_error(None, refused.reason)
        else:
            messages.success(request, _("The event is saved as a draft. Publish it when ready."))
            return redirect("events:manage", pk=event.pk)
    return render(request, "events/form.html", {"form": form})


@organisers
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    event = get_managed_event(request.user, pk)
    form = EventForm(request.POST or None, initial=EventForm.initial_for(event))
    if request.method == "POST" and form.is_valid():
        try:
            services.event_update(event_id=pk, actor=request.user, **form.service_fields())
        except TransitionRefused as refused:
            form.add_error(None, refused.reason)
        else:
            messages.success(request, _("The event was updated."))
            return redirect("events:manage", pk=pk)
    return render(request, "events/form.html", {"form": form, "event": event})


@organisers
def manage(request, pk):
    event = get_managed_event(request.user, pk)
    registrations = list(selectors.registrations_for_organisers(event))
    return render(
        request,
        "events/manage.html",
        {"event": event, "registrations": registrations, "material_form": MaterialForm()},
    )


def _run(request, pk, service, success):
    try:
        service(event_id=pk, actor=request.user)
    except TransitionRefused as refused:
        messages.error(request, refused.reason)
    else:
        messages.success(request, success)
    return redirect("events:manage", pk=pk)


@organisers
@require_POST
def publish(request, pk):
    get_managed_event(request.user, pk)
    return _run(request, pk, services.event_publish, _("The event is published."))


@organisers
@require_POST
def cancel_event(request, pk):
    get_managed_event(request.user, pk)
    return _run(
        request,
        pk,
        services.event_cancel,
        _("The event is cancelled; the people registered are told."),
    )


@organisers
@require_http_methods(["GET", "POST"])
def attendance(request, pk):
    event = get_managed_event(request.user, pk)
    seated = [
        RegistrationStatus.REGISTERED,
        RegistrationStatus.ATTENDED,
        RegistrationStatus.NO_SHOW,
    ]
    rows = selectors.registrations_for_organisers(event).filter(status__in=seated)
    form = AttendanceForm(request.POST or None, registrations=rows)
    if request.method == "POST" and form.is_valid():
        try:
            services.attendance_record(event_id=pk, actor=request.user, attended=form.attended())
        except TransitionRefused as refused:
            form.add_error(None, refused.reason)
        else:
            messages.success(request, _("Attendance is recorded."))
            return redirect("events:manage", pk=pk)
    return render(request, "events/attendance.html", {"event": event, "form": form})


@organisers
@require_http_methods(["GET", "POST"])
def material_add(request, pk):
    event = get_managed_event(request.user, pk)
    form = MaterialForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.material_add(
                event_id=pk,
                actor=request.user,
                kind=data["kind"],
                title=dict(data["title"]),
                url=data["url"],
                file=data["file"],
                lesson=data["lesson"],
            )
        except TransitionRefused as refused:
            form.add_error(None, refused.reason)
        else:
            messages.success(request, _("The material is published on the event's page."))
            return redirect("events:manage", pk=pk)
    return render(request, "events/material_form.html", {"event": event, "form": form})


@organisers
def export(request, pk, fmt):
    if fmt not in ("csv", "xlsx"):
        raise Http404
    event = get_managed_event(request.user, pk)
    rows = registration_rows(event, request)
    name = f"event-{event.pk}-registrations"
    if fmt == "xlsx":
        return xlsx_response(f"{name}.xlsx", rows, sheet_name="Registrations")
    return csv_response(f"{name}.csv", rows)
