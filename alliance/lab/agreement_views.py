"""Pages for cooperation agreements and projects: Lab staff write, host members read."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from alliance.centres.models import Centre
from alliance.centres.permissions import get_centre_for
from alliance.core.access import require_can
from alliance.core.files import file_response
from alliance.core.kernel import allowed_actions
from alliance.core.policy import can
from alliance.core.states import TransitionRefused

from . import services
from .forms import (
    AgreementForm,
    AgreementStatusForm,
    DeliverableForm,
    ProjectForm,
    ProjectItemForm,
    ProjectStatusForm,
)
from .permissions import (
    get_agreement_for,
    get_deliverable_for,
    get_project_for,
    get_project_milestone_for,
)
from .selectors import agreements_for_centre, agreements_list
from .states import AgreementStatus


@login_required
def agreement_list(request):
    require_can(request.user, "lab.agreement.manage")
    status = request.GET.get("status", "")
    if status not in AgreementStatus.values:
        status = ""
    page = Paginator(agreements_list(status), 25).get_page(request.GET.get("page"))
    return render(
        request,
        "lab/agreement_list.html",
        {"page": page, "status": status, "statuses": AgreementStatus.choices},
    )


@login_required
@require_http_methods(["GET", "POST"])
def agreement_create(request):
    require_can(request.user, "lab.agreement.manage")
    centre = None
    if request.GET.get("centre", "").isdigit():
        centre = get_centre_for(request.user, int(request.GET["centre"]), manage=True)
    form = AgreementForm(request.POST or None, request.FILES or None)
    if centre is None:
        return render(request, "lab/agreement_pick_centre.html", {"centres": _centre_choices()})
    if request.method == "POST" and form.is_valid():
        try:
            agreement = services.agreement_create(
                actor=request.user,
                host_organisation=centre.host_organisation,
                centre=centre,
                **form.cleaned_data,
            )
        except TransitionRefused as refused:
            form.add_error(None, refused.reason)
        else:
            messages.success(request, _("The cooperation agreement is recorded as a draft."))
            return redirect("lab:agreement_detail", pk=agreement.pk)
    return render(request, "lab/agreement_form.html", {"form": form, "centre": centre})


def _centre_choices():
    return Centre.objects.select_related("host_organisation").order_by("name")


def _agreement_context(request, agreement, **overrides):
    user = request.user
    lab = can(user, "lab.agreement.manage", agreement)
    actions = allowed_actions(agreement, user)
    context = {
        "agreement": agreement,
        "projects": agreement.projects.all(),
        "lab": lab,
        "actions": actions,
        "status_form": AgreementStatusForm(actions=actions) if lab else None,
        "project_form": ProjectForm() if lab else None,
    }
    context.update(overrides)
    return context


@login_required
def agreement_detail(request, pk):
    agreement = get_agreement_for(request.user, pk)
    return render(request, "lab/agreement_detail.html", _agreement_context(request, agreement))


@login_required
@require_POST
def agreement_status(request, pk):
    require_can(request.user, "lab.agreement.manage")
    agreement = get_agreement_for(request.user, pk)
    actions = allowed_actions(agreement, request.user)
    form = AgreementStatusForm(request.POST, request.FILES, actions=actions)
    if form.is_valid():
        try:
            services.agreement_set_status(
                agreement_id=agreement.pk,
                actor=request.user,
                status=form.cleaned_data["status"],
                document=form.cleaned_data.get("document") or None,
            )
        except TransitionRefused as refused:
            messages.error(request, refused.reason)
        else:
            messages.success(request, _("The agreement's status is updated."))
        return redirect("lab:agreement_detail", pk=pk)
    context = _agreement_context(request, agreement, status_form=form, form=form)
    return render(request, "lab/agreement_detail.html", context, status=400)


@login_required
@require_POST
def project_create(request, pk):
    require_can(request.user, "lab.agreement.manage")
    agreement = get_agreement_for(request.user, pk)
    form = ProjectForm(request.POST)
    if form.is_valid():
        try:
            project = services.project_create(
                actor=request.user, agreement=agreement, **form.cleaned_data
            )
        except TransitionRefused as refused:
            form.add_error(None, refused.reason)
        else:
            messages.success(request, _("The project is recorded."))
            return redirect("lab:project_detail", pk=project.pk)
    context = _agreement_context(request, agreement, project_form=form, form=form)
    return render(request, "lab/agreement_detail.html", context, status=400)


def _project_context(request, project, **overrides):
    user = request.user
    lab = can(user, "lab.project.manage", project)
    actions = allowed_actions(project, user)
    context = {
        "project": project,
        "milestones": project.milestones.all(),
        "deliverables": project.deliverables.all(),
        "lab": lab,
        "actions": actions,
        "status_form": ProjectStatusForm(actions=actions) if lab else None,
        "item_form": ProjectItemForm() if lab else None,
    }
    context.update(overrides)
    return context


@login_required
def project_detail(request, pk):
    project = get_project_for(request.user, pk)
    return render(request, "lab/project_detail.html", _project_context(request, project))


@login_required
@require_POST
def project_status(request, pk):
    require_can(request.user, "lab.project.manage")
    project = get_project_for(request.user, pk)
    form = ProjectStatusForm(request.POST, actions=allowed_actions(project, request.user))
    if form.is_valid():
        try:
            services.project_set_status(
                project_id=project.pk, actor=request.user, status=form.cleaned_data["status"]
            )
        except TransitionRefused as refused:
            messages.error(request, refused.reason)
        else:
            messages.success(request, _("The project's status is updated."))
        return redirect("lab:project_detail", pk=pk)
    return render(
        request,
        "lab/project_detail.html",
        _project_context(request, project, status_form=form, form=form),
        status=400,
    )


@login_required
@require_POST
def project_item_add(request, pk):
    require_can(request.user, "lab.project.manage")
    project = get_project_for(request.user, pk)
    form = ProjectItemForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        add = (
            services.project_milestone_add
            if data["kind"] == "milestone"
            else services.deliverable_add
        )
        try:
            add(
                project_id=project.pk,
                actor=request.user,
                title=data["title"],
                due_date=data["due_date"],
            )
        except TransitionRefused as refused:
            form.add_error(None, refused.reason)
        else:
            messages.success(request, _("Added to the project."))
            return redirect("lab:project_detail", pk=pk)
    return render(
        request,
        "lab/project_detail.html",
        _project_context(request, project, item_form=form, form=form),
        status=400,
    )


@login_required
@require_POST
def project_milestone_done(request, pk, item_pk):
    require_can(request.user, "lab.project.manage")
    project = get_project_for(request.user, pk)
    milestone = get_project_milestone_for(project, item_pk)
    try:
        services.project_milestone_done(milestone_id=milestone.pk, actor=request.user)
    except TransitionRefused as refused:
        messages.error(request, refused.reason)
    else:
        messages.success(request, _("The milestone is marked done."))
    return redirect("lab:project_detail", pk=pk)


@login_required
def centre_page(request, centre_pk):
    """A centre's cooperation agreements and projects (staff and the host's members)."""
    centre = get_centre_for(request.user, centre_pk, manage=True)
    return render(
        request,
        "lab/centre.html",
        {
            "centre": centre,
            "agreements": agreements_for_centre(centre),
            "lab": can(request.user, "lab.agreement.manage"),
        },
    )


@login_required
@require_POST
def deliverable_deliver(request, pk, item_pk):
    require_can(request.user, "lab.project.manage")
    project = get_project_for(request.user, pk)
    deliverable = get_deliverable_for(project, item_pk)
    form = DeliverableForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.deliverable_deliver(
                deliverable_id=deliverable.pk,
                actor=request.user,
                document=form.cleaned_data["document"],
            )
        except TransitionRefused as refused:
            messages.error(request, refused.reason)
        else:
            messages.success(request, _("The deliverable is delivered."))
        return redirect("lab:project_detail", pk=pk)
    for error in form.errors.get("document", []):
        messages.error(request, error)
    return redirect("lab:project_detail", pk=pk)


def _download(field, name):
    return file_response(field, name or "document")


@login_required
def agreement_document(request, pk):
    """Uploaded files are served only to those who may see the agreement."""
    agreement = get_agreement_for(request.user, pk)
    return _download(agreement.document, agreement.document_name)


@login_required
def deliverable_document(request, pk, item_pk):
    project = get_project_for(request.user, pk)
    deliverable = get_deliverable_for(project, item_pk)
    return _download(deliverable.document, deliverable.document_name)
