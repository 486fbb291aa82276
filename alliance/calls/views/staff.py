"""Secretariat and Director pages: draft calls, screen, assign, rank, decide, publish."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from alliance.accounts.reauth import decision_needs_password
from alliance.core.access import get_visible_or_404, staff_required
from alliance.core.files import file_response
from alliance.core.policy import can
from alliance.core.states import TransitionRefused

from .. import selectors, services
from ..forms import (
    AssignForm,
    BulkAssignForm,
    CallForm,
    CancelForm,
    CriterionFormSet,
    DecisionForm,
    QuestionFormSet,
    ScreeningForm,
)
from ..models import CallExport, ReviewAssignment
from ..permissions import get_staff_application, get_staff_call
from ..states import ApplicationStatus
from ..timefmt import format_deadline
from ._helpers import paginate

# Lazy: the messages are read in the language of the person who acts, not at import.
CALL_ACTIONS = {
    "publish": (services.call_publish, gettext_lazy("The call is published and open.")),
    "close_now": (
        services.call_close_now,
        gettext_lazy("The call is closed: no application is accepted."),
    ),
    "start_review": (services.call_start_review, gettext_lazy("The review has started.")),
    "decided": (services.call_mark_decided, gettext_lazy("The call is marked as decided.")),
    "publish_results": (services.call_publish_results, gettext_lazy("The results are published.")),
}

# The Director's decisions among them (accounts/reauth.py: the password again).
DIRECTOR_ACTIONS = {"decided", "publish_results"}


@staff_required("calls.view_call")
def call_list(request):
    page = paginate(request, selectors.staff_calls())
    return render(request, "calls/staff/call_list.html", {"page": page})


def _call_form_data(form):
    data = dict(form.cleaned_data)
    return data.pop("centre_types"), data.pop("regions"), data


@staff_required("calls.manage_call")
@require_http_methods(["GET", "POST"])
def call_create(request):
    form = CallForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        types, regions, data = _call_form_data(form)
        try:
            call = services.call_create(
                actor=request.user, centre_types=types, regions=regions, **data
            )
        except TransitionRefused as refused:
            form.add_error(None, refused.reason)
        else:
            messages.success(request, _("The call is saved as a draft. Add its criteria next."))
            return redirect("calls:staff_criteria", pk=call.pk)
    return render(request, "calls/staff/call_form.html", {"form": form})


@staff_required("calls.manage_call")
@require_http_methods(["GET", "POST"])
def call_edit(request, pk):
    call = get_staff_call(request.user, pk)
    form = CallForm(request.POST or None, instance=call)
    if request.method == "POST" and form.is_valid():
        types, regions, data = _call_form_data(form)
        try:
            services.call_update(
                call_id=call.pk, actor=request.user, centre_types=types, regions=regions, **data
            )
        except TransitionRefused as refused:
            form.add_error(None, refused.reason)
        else:
            messages.success(request, _("The call was saved."))
            return redirect("calls:staff_call", pk=call.pk)
    return render(request, "calls/staff/call_form.html", {"form": form, "call": call})


def _formset_page(request, call, formset_class, initial, service, argname, template, done):
    formset = formset_class(request.POST or None, initial=initial)
    refused = None
    if request.method == "POST" and formset.is_valid():
        try:
            service(call_id=call.pk, actor=request.user, **{argname: formset.rows()})
        except TransitionRefused as exc:
            refused = exc.reason
        else:
            messages.success(request, done)
            return redirect("calls:staff_call", pk=call.pk)
    return render(
        request,
        template,
        {
            "call": call,
            "formset": formset,
            "refused": refused,
            "has_errors": bool(refused) or (formset.is_bound and formset.total_error_count()),
        },
    )


@staff_required("calls.manage_call")
@require_http_methods(["GET", "POST"])
def call_criteria(request, pk):
    call = get_staff_call(request.user, pk)
    initial = list(call.criteria.values("title", "description", "weight"))
    return _formset_page(
        request,
        call,
        CriterionFormSet,
        initial,
        services.call_set_criteria,
        "criteria",
        "calls/staff/criteria.html",
        _("The criteria and weights were saved."),
    )


@staff_required("calls.manage_call")
@require_http_methods(["GET", "POST"])
def call_questions(request, pk):
    call = get_staff_call(request.user, pk)
    initial = list(
        call.questions.values(
            "kind",
            "label",
            "help",
            "required",
            "word_limit",
            "choices",
        )
    )
    return _formset_page(
        request,
        call,
        QuestionFormSet,
        initial,
        services.call_set_questions,
        "questions",
        "calls/staff/questions.html",
        _("The questions were saved."),
    )


@staff_required("calls.view_call")
def call_detail(request, pk):
    call = get_staff_call(request.user, pk)
    return render(
        request,
        "calls/staff/call_detail.html",
        {
            "call": call,
            "figures": selectors.call_figures(call),
            "criteria": call.criteria.all(),
            "questions": call.questions.all(),
            "cancel_form": CancelForm(),
            "exports": call.exports.select_related("requested_by")[:10],
            "export_kinds": CallExport.KINDS,
            "export_formats": CallExport.FORMATS,
            "bulk_form": BulkAssignForm(),
        },
    )


@staff_required("calls.view_call")
@require_POST
@decision_needs_password(
    rule="calls.call.decide", when=lambda request, action, **kw: action in DIRECTOR_ACTIONS
)
def call_transition(request, pk, action):
    call = get_staff_call(request.user, pk)
    if action not in CALL_ACTIONS:
        raise Http404
    service, done = CALL_ACTIONS[action]
    try:
        call = service(call_id=call.pk, actor=request.user) or call
    except TransitionRefused as refused:
        messages.error(request, refused.reason)
    else:
        if action == "publish" and call.opens_at > timezone.now():
            # Published but not yet open: say when applicants can start.
            done = _("The call is published. It opens to applications on %(date)s.") % {
                "date": format_deadline(call.opens_at)
            }
        messages.success(request, done)
    return redirect("calls:staff_call", pk=call.pk)


@staff_required("calls.manage_call")
@require_POST
def call_cancel(request, pk):
    call = get_staff_call(request.user, pk)
    form = CancelForm(request.POST)
    reason = form.data.get("reason", "")
    try:
        services.call_cancel(call_id=call.pk, actor=request.user, reason=reason)
    except TransitionRefused as refused:
        messages.error(request, refused.reason)
    else:
        messages.success(request, _("The call was cancelled."))
    return redirect("calls:staff_call", pk=call.pk)


@staff_required("calls.view_call")
def call_applications(request, pk):
    call = get_staff_call(request.user, pk)
    status = request.GET.get("status") or None
    if status not in ApplicationStatus.values:
        status = None
    page = paginate(request, selectors.call_applications(call, status), 50)
    return render(
        request,
        "calls/staff/applications.html",
        {
            "call": call,
            "page": page,
            "status": status,
            # Drafts are the applicants' own business: the list never shows them.
            "statuses": [c for c in ApplicationStatus.choices if c[0] != ApplicationStatus.DRAFT],
        },
    )


@staff_required("calls.manage_call")
@require_POST
def call_bulk_assign(request, pk):
    call = get_staff_call(request.user, pk)
    form = BulkAssignForm(request.POST)
    if form.is_valid():
        try:
            n = services.assignments_bulk_create(
                call_id=call.pk,
                reviewers=list(form.cleaned_data["reviewers"]),
                due_at=form.cleaned_data["due_at"],
                actor=request.user,
            )
        except TransitionRefused as refused:
            messages.error(request, refused.reason)
        else:
            messages.success(request, _("%(n)d review(s) assigned.") % {"n": n})
    else:
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
    return redirect("calls:staff_call", pk=call.pk)


@staff_required("calls.view_call")
def call_ranking(request, pk):
    call = get_staff_call(request.user, pk)
    page = selectors.ranking_page(call, request.GET.get("page"), 100)
    return render(
        request,
        "calls/staff/ranking.html",
        {"call": call, "page": page, "criteria": call.criteria.all()},
    )


@staff_required("calls.view_call")
def call_late_reviews(request, pk):
    call = get_staff_call(request.user, pk)
    page = paginate(request, selectors.late_assignments(call), 50)
    return render(request, "calls/staff/late.html", {"call": call, "page": page})


@staff_required("calls.manage_call")
@require_POST
def assignment_remind(request, pk):
    assignment = get_visible_or_404(ReviewAssignment.objects.select_related("application"), pk=pk)
    try:
        services.assignment_remind(assignment_id=assignment.pk, actor=request.user)
    except TransitionRefused as refused:
        messages.error(request, refused.reason)
    else:
        messages.success(
            request, _("A reminder was sent to %(name)s.") % {"name": assignment.reviewer}
        )
    return redirect("calls:staff_late", pk=assignment.application.call_id)


@staff_required("calls.view_call")
@require_http_methods(["GET", "POST"])
def application_detail(request, pk):
    application = get_staff_application(request.user, pk)
    screening_form = ScreeningForm(prefix="screen")
    assign_form = AssignForm(prefix="assign", application=application)
    if request.method == "POST" and can(request.user, "calls.call.manage"):
        if "screen-outcome" in request.POST:
            screening_form = ScreeningForm(request.POST, prefix="screen")
            if screening_form.is_valid() and _screen(request, application, screening_form):
                return redirect("calls:staff_application", pk=application.pk)
        else:
            assign_form = AssignForm(request.POST, prefix="assign", application=application)
            if assign_form.is_valid():
                try:
                    services.assignment_create(
                        application_id=application.pk,
                        reviewer=assign_form.cleaned_data["reviewer"],
                        due_at=assign_form.cleaned_data["due_at"],
                        actor=request.user,
                    )
                except TransitionRefused as refused:
                    assign_form.add_error(None, refused.reason)
                else:
                    messages.success(request, _("The reviewer was assigned."))
                    return redirect("calls:staff_application", pk=application.pk)
    return render(
        request,
        "calls/staff/application_detail.html",
        {
            "application": application,
            "call": application.call,
            "questions": application.call.questions.all(),
            "documents": application.documents.all(),
            "revisions": application.revisions.order_by("-number"),
            "assignments": selectors.assignments_with_scores(application),
            "screening_form": screening_form,
            "assign_form": assign_form,
            "form": screening_form if screening_form.errors else assign_form,
        },
    )


def _screen(request, application, form) -> bool:
    outcome = form.cleaned_data["outcome"]
    try:
        if outcome == "more_info":
            services.application_request_info(
                application_id=application.pk,
                actor=request.user,
                message=form.cleaned_data["reason"],
                due_at=form.cleaned_data["reply_by"],
            )
        else:
            services.application_screen(
                application_id=application.pk,
                actor=request.user,
                eligible=outcome == "eligible",
                reason=form.cleaned_data["reason"],
            )
    except TransitionRefused as refused:
        form.add_error(None, refused.reason)
        return False
    messages.success(request, _("The screening was recorded."))
    return True


@staff_required("calls.view_call")
def staff_document_download(request, pk, document_pk):
    application = get_staff_application(request.user, pk)
    document = get_visible_or_404(application.documents.all(), pk=document_pk)
    return file_response(document.file, document.original_name or document.title)


@staff_required("calls.decide_call")
@require_http_methods(["GET", "POST"])
@decision_needs_password
def application_decide(request, pk):
    application = get_staff_application(request.user, pk)
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.application_decide(
                application_id=application.pk,
                actor=request.user,
                selected=form.cleaned_data["decision"],
                rationale=form.cleaned_data["rationale"],
                justification=form.cleaned_data["justification"],
            )
        except TransitionRefused as refused:
            form.add_error(None, refused.reason)
        else:
            messages.success(request, _("The decision was recorded."))
            return redirect("calls:staff_ranking", pk=application.call_id)
    consolidated = selectors.ranking_for_call(application.call).get(application.pk)
    return render(
        request,
        "calls/staff/decide.html",
        {"application": application, "form": form, "consolidated": consolidated},
    )
