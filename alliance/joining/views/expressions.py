from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from alliance.accounts.permissions import get_organisation_for
from alliance.core.access import get_visible_or_404, require_can
from alliance.core.drafts import discard_draft, draft_initial, draft_notice, save_draft
from alliance.core.policy import can
from alliance.core.states import TransitionRefused

from .. import services
from ..forms import ExpressionForm, ReasonForm
from ..selectors import (
    expressions_visible_to,
    manages,
    organisation_has_declaration_in_force,
    organisation_journey,
)
from ..stash import login_required_keeping_post, pop_stash
from .common import history_for


@login_required
def organisation_joining(request, org_pk):
    organisation = get_organisation_for(request.user, org_pk)
    expressions = organisation.expressions_of_interest.order_by("-created_at")
    page = Paginator(expressions, 20).get_page(request.GET.get("page"))
    return render(
        request,
        "joining/organisation.html",
        {
            **organisation_journey(organisation),
            "page": page,
            "assessments": organisation.preliminary_assessments.order_by("-created_at")[:10],
            "declarations": organisation.joint_declarations.select_related("centre_type").order_by(
                "-drafted_at"
            )[:10],
            "can_manage": manages(request.user, organisation),
            "member": organisation_has_declaration_in_force(organisation),
            "assistance_requests": organisation.assistance_requests.order_by("-created_at")[:10],
        },
    )


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def expression_create(request, org_pk):
    organisation = get_organisation_for(request.user, org_pk, manage=True)
    restored = pop_stash(request)
    form = ExpressionForm(request.POST or restored or None)
    if request.method == "POST" and form.is_valid():
        expression = services.expression_create(
            organisation=organisation, actor=request.user, data=form.cleaned_data
        )
        messages.success(request, _("Your draft is saved. Check it, then submit it."))
        return redirect("joining:expression_detail", pk=expression.pk)
    return render(
        request,
        "joining/expression_form.html",
        {"form": form, "organisation": organisation, "restored": restored},
    )


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def expression_edit(request, pk):
    expression = get_visible_or_404(expressions_visible_to(request.user), pk=pk)
    organisation = get_organisation_for(request.user, expression.organisation_id, manage=True)
    restored = pop_stash(request)
    initial = {
        "instruments": expression.instruments,
        "centre_types": list(expression.centre_types.all()),
        "objectives": list(expression.objectives.all()),
        "scope": expression.scope,
        "motivation": expression.motivation,
        "contact_name": expression.contact_name,
        "contact_email": expression.contact_email,
    }
    form = ExpressionForm(request.POST or restored or None, initial=initial)
    draft_notice(request, not form.is_bound and draft_initial(request, form))
    if request.method == "POST" and form.is_valid():
        try:
            services.expression_update(
                expression_id=expression.pk, actor=request.user, data=form.cleaned_data
            )
        except TransitionRefused as refused:
            form.add_error(None, refused.reason)
        else:
            discard_draft(request)
            messages.success(request, _("Your draft is saved."))
            return redirect("joining:expression_detail", pk=pk)
    if request.headers.get("X-Autosave"):
        # Half-typed and not valid yet: nothing can go into the expression, so what was
        # typed is kept as a draft of this page, and autosave's "saved" is true.
        return save_draft(request)
    return render(
        request,
        "joining/expression_form.html",
        {
            "form": form,
            "organisation": organisation,
            "expression": expression,
            "restored": restored,
        },
    )


@login_required
def expression_detail(request, pk):
    expression = get_visible_or_404(expressions_visible_to(request.user), pk=pk)
    assessment = (
        getattr(expression, "assessment", None) if expression.status == "converted" else None
    )
    return render(
        request,
        "joining/expression_detail.html",
        {
            "expression": expression,
            "is_secretariat": can(request.user, "joining.expression.handle"),
            "decline_form": ReasonForm(),
            "history": history_for(expression),
            "assessment": assessment,
            "assessment_editable": assessment is not None
            and assessment.is_draft
            and manages(request.user, expression.organisation),
        },
    )


def _act(request, pk, action, success):
    expression = get_visible_or_404(expressions_visible_to(request.user), pk=pk)
    try:
        action(expression)
    except TransitionRefused as refused:
        messages.error(request, refused.reason)
    else:
        messages.success(request, success)
    return redirect("joining:expression_detail", pk=expression.pk)


@login_required
@require_POST
def expression_submit(request, pk):
    return _act(
        request,
        pk,
        lambda e: services.expression_submit(expression_id=e.pk, actor=request.user),
        _(
            "Your expression of interest was sent to the secretariat. It will acknowledge it, "
            "usually within ten working days, and tell you by email."
        ),
    )


@login_required
@require_POST
def expression_acknowledge(request, pk):
    require_can(request.user, "joining.expression.handle")
    return _act(
        request,
        pk,
        lambda e: services.expression_acknowledge(expression_id=e.pk, actor=request.user),
        _("The expression of interest is acknowledged; the organisation was told."),
    )


@login_required
@require_POST
def expression_decline(request, pk):
    require_can(request.user, "joining.expression.handle")
    expression = get_visible_or_404(expressions_visible_to(request.user), pk=pk)
    form = ReasonForm(request.POST)
    if form.is_valid():
        try:
            services.expression_decline(
                expression_id=pk, actor=request.user, reason=form.cleaned_data["reason"]
            )
        except TransitionRefused as refused:
            messages.error(request, refused.reason)
        else:
            messages.success(request, _("The expression of interest is declined."))
        return redirect("joining:expression_detail", pk=pk)
    return render(
        request,
        "joining/expression_detail.html",
        {
            "expression": expression,
            "is_secretariat": True,
            "decline_form": form,
            "form": form,
            "history": history_for(expression),
        },
        status=400,
    )


@login_required
@require_POST
def assessment_start(request, pk):
    expression = get_visible_or_404(expressions_visible_to(request.user), pk=pk)
    try:
        assessment = services.assessment_start(expression_id=expression.pk, actor=request.user)
    except TransitionRefused as refused:
        messages.error(request, refused.reason)
        return redirect("joining:expression_detail", pk=pk)
    messages.success(request, _("Your preliminary assessment is open. Complete each section."))
    return redirect("joining:assessment_tasks", pk=assessment.pk)
