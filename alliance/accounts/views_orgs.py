"""People and organisations: finding one and asking to join it (or to take it over), the
answers to those requests, and the organisation's request for a membership check."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from alliance.core.access import get_visible_or_404
from alliance.core.states import PermissionRefused, TransitionRefused

from . import itu, joins
from .forms_orgs import JoinRequestForm, OrganisationSearchForm, ReasonForm
from .models import JoinRequest, Organisation
from .permissions import get_organisation_for, join_requests_answerable_by
from .selectors import find_organisations


@login_required
def organisation_find(request):
    form = OrganisationSearchForm(request.GET or None)
    results = find_organisations(form.cleaned_data["q"]) if form.is_valid() else None
    waiting = request.user.join_requests.filter(status="pending").select_related("organisation")
    return render(
        request,
        "accounts/organisation_find.html",
        {"form": form, "results": results, "join_requests": waiting},
    )


@login_required
@require_http_methods(["GET", "POST"])
def join_request_create(request, pk):
    organisation = get_visible_or_404(Organisation.objects.all(), pk=pk)
    claim = not organisation.memberships.exists()
    form = JoinRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            joins.join_request_send(
                organisation_id=pk, actor=request.user, message=form.cleaned_data["message"]
            )
        except TransitionRefused as refused:
            form.add_error("message", refused.reason)
        else:
            messages.success(
                request,
                _("Your request was sent. The secretariat will answer it.")
                if claim
                else _("Your request was sent. The organisation's focal point will answer it."),
            )
            return redirect("accounts:organisation_find")
    return render(
        request,
        "accounts/join_request_form.html",
        {"form": form, "organisation": organisation, "claim": claim},
    )


@login_required
@require_POST
def join_request_withdraw(request, request_pk):
    join_request = get_visible_or_404(request.user.join_requests.all(), pk=request_pk)
    try:
        joins.join_request_withdraw(request_id=join_request.pk, actor=request.user)
        messages.success(request, _("Your request was withdrawn."))
    except TransitionRefused as refused:
        messages.error(request, refused.reason)
    return redirect("accounts:organisation_find")


def _answerable(request, request_pk) -> JoinRequest:
    return get_visible_or_404(
        join_requests_answerable_by(request.user).select_related("organisation", "user"),
        pk=request_pk,
    )


@login_required
@require_POST
def join_request_approve(request, request_pk):
    join_request = _answerable(request, request_pk)
    try:
        joins.join_request_approve(request_id=join_request.pk, actor=request.user)
        messages.success(
            request,
            _("%(person)s is now a member of %(organisation)s.")
            % {"person": join_request.user, "organisation": join_request.organisation},
        )
    except (TransitionRefused, PermissionRefused) as refused:
        messages.error(request, str(refused.reason))
    return redirect("accounts:organisation_detail", pk=join_request.organisation_id)


@login_required
@require_http_methods(["GET", "POST"])
def join_request_decline(request, request_pk):
    join_request = _answerable(request, request_pk)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            joins.join_request_decline(
                request_id=join_request.pk, actor=request.user, reason=form.cleaned_data["reason"]
            )
        except TransitionRefused as refused:
            form.add_error("reason", refused.reason)
        else:
            messages.success(request, _("The request was declined."))
            return redirect("accounts:organisation_detail", pk=join_request.organisation_id)
    return render(
        request,
        "accounts/join_request_decline.html",
        {"form": form, "join_request": join_request},
    )


@login_required
@require_POST
def check_request(request, pk):
    organisation = get_organisation_for(request.user, pk, manage=True)
    try:
        itu.request_check(organisation_id=organisation.pk, actor=request.user)
        messages.success(
            request, _("The secretariat will check your ITU membership against ITU's list.")
        )
    except TransitionRefused as refused:
        messages.error(request, refused.reason)
    return redirect("accounts:organisation_detail", pk=pk)
