"""Correcting the details of an agreement or a project after it was recorded (Lab staff)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from alliance.core import kernel
from alliance.core.access import require_can
from alliance.core.states import TransitionRefused

from . import services
from .forms import AgreementEditForm, ProjectForm
from .permissions import get_agreement_for, get_project_for
from .services.agreements import AGREEMENT_EDIT_FIELDS, PROJECT_EDIT_FIELDS


@login_required
@require_http_methods(["GET", "POST"])
def agreement_edit(request, pk):
    # Fetch first: someone who may not see the agreement gets 404, not a hint it exists.
    agreement = get_agreement_for(request.user, pk)
    require_can(request.user, "lab.agreement.manage", agreement)
    try:
        kernel.check(agreement, "edit", request.user)  # the table's refusal, if any
    except TransitionRefused as refused:
        messages.error(request, refused.reason)
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
    project = get_project_for(request.user, pk)
    require_can(request.user, "lab.project.manage", project)
    try:
        services.check_project_open(project, "edit", request.user)
    except TransitionRefused as refused:
        messages.error(request, refused.reason)
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
