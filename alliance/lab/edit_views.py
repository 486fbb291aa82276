"""Correcting the details of an agreement or a project after it was recorded (Lab staff)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from alliance.core.access import get_visible_or_404
from alliance.core.states import TransitionRefused

from . import services
from .agreement_views import _agreements_visible_to, _is_lab, _projects_visible_to
from .forms import AgreementEditForm, ProjectForm
from .services.agreements import AGREEMENT_EDIT_FIELDS, PROJECT_EDIT_FIELDS
from .states import AGREEMENT_EDITABLE_STATES, CLOSED_PROJECT_STATES


@login_required
@require_http_methods(["GET", "POST"])
def agreement_edit(request, pk):
    # Fetch first: someone who may not see the agreement gets 404, not a hint it exists.
    agreement = get_visible_or_404(_agreements_visible_to(request.user), pk=pk)
    if not _is_lab(request.user):
        raise PermissionDenied
    if agreement.status not in AGREEMENT_EDITABLE_STATES:
        messages.error(
            request, _("This agreement has ended: its details can no longer be changed.")
        )
        return redirect("lab:agreement_detail", pk=pk)
    initial = {name: getattr(agreement, name) for name in AGREEMENT_EDIT_FIELDS}
    form = AgreementEditForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.agreement_update(
                agreement_id=agreement.pk, actor=request.user, **form.cleaned_data
            )
        except TransitionRefused as refused:
            form.add_error(None, refused.reason)
        else:
            messages.success(request, _("The agreement's details are updated."))
            return redirect("lab:agreement_detail", pk=pk)
    return render(request, "lab/agreement_edit.html", {"form": form, "agreement": agreement})


@login_required
@require_http_methods(["GET", "POST"])
def project_edit(request, pk):
    project = get_visible_or_404(_projects_visible_to(request.user), pk=pk)
    if not _is_lab(request.user):
        raise PermissionDenied
    if project.status in CLOSED_PROJECT_STATES:
        messages.error(
            request,
            _("This project is %(status)s: it takes no more changes.")
            % {"status": project.get_status_display().lower()},
        )
        return redirect("lab:project_detail", pk=pk)
    initial = {name: getattr(project, name) for name in PROJECT_EDIT_FIELDS}
    form = ProjectForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.project_update(project_id=project.pk, actor=request.user, **form.cleaned_data)
        except TransitionRefused as refused:
            form.add_error(None, refused.reason)
        else:
            messages.success(request, _("The project's details are updated."))
            return redirect("lab:project_detail", pk=pk)
    return render(request, "lab/project_edit.html", {"form": form, "project": project})
