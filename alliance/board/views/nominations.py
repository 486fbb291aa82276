"""Nominations: the signatory's pages and the secretariat's and Director's actions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from alliance.core.drafts import (
    discard_draft,
    draft_initial,
    draft_notice,
    is_draft_post,
    save_draft,
)
from alliance.core.files import file_response
from alliance.core.keep_typed import kept_notice, login_required_keeping_post, take_kept_post
from alliance.core.policy import can
from alliance.core.states import TransitionRefused

from .. import drafts, services
from ..forms import ApproveForm, DeclineForm, EligibilityForm, NominationFilterForm, NominationForm
from ..permissions import get_nomination_for, nominating_organisations
from ..selectors import nomination_queue, nominations_for_signatory
from .common import APPOINT, MANAGE, requires


@login_required
def nomination_list(request):
    organisations = nominating_organisations(request.user)
    page = Paginator(nominations_for_signatory(request.user), 20).get_page(request.GET.get("page"))
    return render(
        request,
        "board/nomination_list.html",
        {"page": page, "can_nominate": organisations.exists()},
    )


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def nomination_create(request):
    """The form; it keeps a draft in the session and leads to "check your answers"."""
    organisations = nominating_organisations(request.user)
    if not organisations.exists():
        raise Http404
    if is_draft_post(request):
        # Autosave and "Save the draft": what was typed, the CV aside (core/drafts.py);
        # kept for the person, not the session, so it outlives an expired session.
        return save_draft(request)
    kept = take_kept_post(request)
    kept_notice(request, kept)
    draft = drafts.load(request)
    cv_name = draft.get("cv_name", "") if drafts.has_cv(draft) else ""
    form = NominationForm(
        request.POST or kept or None,
        request.FILES or None,
        organisations=organisations,
        cv_name=cv_name,
        initial=drafts.form_data(draft),
    )
    if not draft and kept is None:
        draft_notice(request, draft_initial(request, form))
    if request.method == "POST" and form.is_valid():
        drafts.save(request, form.cleaned_data)
        return redirect("board:nomination_check")
    return render(request, "board/nomination_form.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def nomination_check(request):
    """Check your answers; only "Submit the nomination" here creates the nomination."""
    organisations = nominating_organisations(request.user)
    if not organisations.exists():
        raise Http404
    draft = drafts.load(request)
    if not drafts.has_cv(draft):
        return redirect("board:nomination_create")
    # Checked again: the signatory's organisations may have changed since the form.
    form = NominationForm(
        drafts.form_data(draft), organisations=organisations, cv_name=draft["cv_name"]
    )
    if not form.is_valid():
        return redirect("board:nomination_create")
    if request.method == "POST":
        data = {k: v for k, v in form.cleaned_data.items() if k != "cv"}
        with drafts.open_cv(draft) as cv:
            try:
                nomination = services.nomination_submit(actor=request.user, cv=cv, **data)
            except TransitionRefused as refused:
                form.add_error(None, refused.reason)
                nomination = None
        if nomination is not None:
            drafts.discard(request)
            discard_draft(request, path=reverse("board:nomination_create"))
            return redirect("board:nomination_submitted", pk=nomination.pk)
    return render(
        request,
        "board/nomination_check.html",
        {"form": form, "answers": form.cleaned_data, "cv_name": draft["cv_name"]},
    )


@login_required
def nomination_submitted(request, pk):
    nomination = get_nomination_for(request.user, pk)
    return render(request, "board/nomination_submitted.html", {"nomination": nomination})


@login_required
def nomination_detail(request, pk):
    nomination = get_nomination_for(request.user, pk)
    return render(
        request,
        "board/nomination_detail.html",
        {
            "nomination": nomination,
            "can_manage": can(request.user, MANAGE),
            "eligibility_form": EligibilityForm(),
            "approve_form": ApproveForm(
                initial={
                    "term_start": nomination.proposed_term_start,
                    "term_end": nomination.proposed_term_end,
                }
            ),
            "decline_form": DeclineForm(),
        },
    )


def _act(request, pk, action, **kwargs):
    try:
        action(nomination_id=pk, actor=request.user, **kwargs)
    except TransitionRefused as refused:
        messages.error(request, refused.reason)
        return False
    return True


@login_required
@require_POST
def nomination_withdraw(request, pk):
    get_nomination_for(request.user, pk)
    if _act(request, pk, services.nomination_withdraw):
        messages.success(request, _("The nomination was withdrawn."))
    return redirect("board:nomination_detail", pk=pk)


@requires(MANAGE)
@require_POST
def nomination_review(request, pk):
    get_nomination_for(request.user, pk)
    if _act(request, pk, services.nomination_start_review):
        messages.success(
            request, _("The nomination is under review. Record the eligibility check.")
        )
    return redirect("board:nomination_detail", pk=pk)


def _form_page(request, nomination, form, template_form_name):
    return render(
        request,
        "board/nomination_action.html",
        {"nomination": nomination, "form": form, "action": template_form_name},
    )


@requires(MANAGE)
@require_http_methods(["GET", "POST"])
def nomination_eligibility(request, pk):
    nomination = get_nomination_for(request.user, pk)
    form = EligibilityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.nomination_record_eligibility(
                nomination_id=pk,
                actor=request.user,
                eligible=form.cleaned_data["eligible"],
                note=form.cleaned_data["note"],
            )
        except TransitionRefused as refused:
            form.add_error(None, refused.reason)
        else:
            messages.success(request, _("The eligibility check was recorded."))
            return redirect("board:nomination_detail", pk=pk)
    return _form_page(request, nomination, form, "eligibility")


@requires(APPOINT)
@require_http_methods(["GET", "POST"])
def nomination_approve(request, pk):
    nomination = get_nomination_for(request.user, pk)
    form = ApproveForm(
        request.POST or None,
        initial={
            "term_start": nomination.proposed_term_start,
            "term_end": nomination.proposed_term_end,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.nomination_approve(nomination_id=pk, actor=request.user, **form.cleaned_data)
        except TransitionRefused as refused:
            form.add_error(None, refused.reason)
        else:
            messages.success(
                request,
                _("%(name)s is seated on the Board.") % {"name": nomination.nominee_name},
            )
            return redirect("board:nomination_detail", pk=pk)
    return _form_page(request, nomination, form, "approve")


@requires(APPOINT)
@require_http_methods(["GET", "POST"])
def nomination_decline(request, pk):
    nomination = get_nomination_for(request.user, pk)
    form = DeclineForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.nomination_decline(
                nomination_id=pk, actor=request.user, reason=form.cleaned_data["reason"]
            )
        except TransitionRefused as refused:
            form.add_error(None, refused.reason)
        else:
            messages.success(request, _("The nomination was declined."))
            return redirect("board:nomination_detail", pk=pk)
    return _form_page(request, nomination, form, "decline")


@requires(MANAGE)
def nomination_queue_view(request):
    form = NominationFilterForm(request.GET or None)
    status = form.cleaned_data["status"] if form.is_valid() else ""
    page = Paginator(nomination_queue(status or None), 25).get_page(request.GET.get("page"))
    return render(request, "board/nomination_queue.html", {"form": form, "page": page})


@login_required
def nomination_cv(request, pk):
    nomination = get_nomination_for(request.user, pk)
    return file_response(nomination.cv, nomination.cv_name or "cv")
