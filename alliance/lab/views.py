from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from alliance.accounts.permissions import get_organisation_for
from alliance.accounts.roles import has_role
from alliance.core.access import get_visible_or_404
from alliance.core.states import TransitionRefused

from . import services
from .forms import AssignForm, AssistanceRequestForm, DeclineForm, QueueFilterForm, TriageForm
from .selectors import lab_queue, requests_visible_to


def _is_triager(user) -> bool:
    return has_role(user, *services.TRIAGE_ROLES)


@login_required
@require_http_methods(["GET", "POST"])
def request_create(request, org_pk):
    from alliance.joining.selectors import assessments_visible_to

    organisation = get_organisation_for(request.user, org_pk, manage=True)
    assessment = None
    if request.GET.get("assessment", "").isdigit():
        assessment = get_visible_or_404(
            assessments_visible_to(request.user).filter(organisation=organisation),
            pk=int(request.GET["assessment"]),
        )
    form = AssistanceRequestForm(
        request.POST or None,
        initial={
            "preferred_language": request.user.preferred_language,
            "kind": "preliminary_review" if assessment else None,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            tar = services.request_submit(
                organisation=organisation,
                actor=request.user,
                assessment=assessment,
                **form.cleaned_data,
            )
        except TransitionRefused as refused:
            form.add_error(None, refused.reason)
        else:
            messages.success(
                request,
                _(
                    "Your request was sent to the Digital Transformation Lab. "
                    "The Lab triages new requests within five working days."
                ),
            )
            return redirect("lab:request_detail", pk=tar.pk)
    return render(
        request,
        "lab/request_form.html",
        {"form": form, "organisation": organisation, "assessment": assessment},
    )


@login_required
def queue(request):
    if not _is_triager(request.user):
        raise PermissionDenied
    form = QueueFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    rows = lab_queue(status=filters.get("status", ""), kind=filters.get("kind", ""))
    page = Paginator(rows, 25).get_page(request.GET.get("page"))
    return render(request, "lab/queue.html", {"form": form, "page": page})


@login_required
def request_detail(request, pk):
    tar = get_visible_or_404(requests_visible_to(request.user), pk=pk)
    triager = _is_triager(request.user)
    return render(
        request,
        "lab/request_detail.html",
        {
            "tar": tar,
            "triager": triager,
            "triage_form": TriageForm() if triager else None,
            "assign_form": AssignForm() if triager else None,
            "decline_form": DeclineForm() if triager else None,
        },
    )


def _staff_action(request, pk, form_class, action, success):
    if not _is_triager(request.user):
        raise PermissionDenied
    tar = get_visible_or_404(requests_visible_to(request.user), pk=pk)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            action(tar, form.cleaned_data)
        except TransitionRefused as refused:
            messages.error(request, refused.reason)
        else:
            messages.success(request, success)
            return redirect("lab:request_detail", pk=pk)
    forms_ = {
        "triage_form": TriageForm(),
        "assign_form": AssignForm(),
        "decline_form": DeclineForm(),
    }
    key = {TriageForm: "triage_form", AssignForm: "assign_form", DeclineForm: "decline_form"}
    forms_[key[form_class]] = form
    return render(
        request,
        "lab/request_detail.html",
        {"tar": tar, "triager": True, **forms_, "form": form},
        status=200 if form.is_valid() else 400,
    )


@login_required
@require_POST
def request_triage(request, pk):
    return _staff_action(
        request,
        pk,
        TriageForm,
        lambda tar, data: services.request_triage(
            request_id=tar.pk, actor=request.user, note=data["note"]
        ),
        _("The request is triaged."),
    )


@login_required
@require_POST
def request_assign(request, pk):
    return _staff_action(
        request,
        pk,
        AssignForm,
        lambda tar, data: services.request_assign(
            request_id=tar.pk, actor=request.user, assignee=data["assignee"]
        ),
        _("The request is assigned."),
    )


@login_required
@require_POST
def request_decline(request, pk):
    return _staff_action(
        request,
        pk,
        DeclineForm,
        lambda tar, data: services.request_decline(
            request_id=tar.pk, actor=request.user, reason=data["reason"]
        ),
        _("The request is declined; the organisation was told why."),
    )
