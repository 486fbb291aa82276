"""Report pages: the centre fills and submits, the Lab accepts or asks for changes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from alliance.centres.permissions import managed_centres
from alliance.core.access import get_visible_or_404, require_can
from alliance.core.drafts import discard_draft, draft_initial, draft_notice, save_draft
from alliance.core.files import file_response
from alliance.core.keep_typed import kept_notice, login_required_keeping_post, take_kept_post
from alliance.core.policy import can
from alliance.core.states import TransitionRefused

from .. import services
from ..forms import AttachmentForm, DecisionForm, ReportForm
from ..models import CentreReport, plain
from ..permissions import get_report_for
from ..selectors import late_reports, review_queue
from ..services.reports import missing_for_submission
from ..states import DECIDE, FILL


def _report_form(report, data=None):
    values = {v.centre_indicator_id: v for v in report.values.all()}
    progress = {p.initiative_id: p.progress for p in report.initiative_progress.all()}
    initial = {"narrative": report.narrative}
    for ci_id, v in values.items():
        initial[f"value_{ci_id}"] = plain(v.value)
        initial[f"note_{ci_id}"] = v.note
    for initiative_id, text in progress.items():
        initial[f"progress_{initiative_id}"] = text
    return ReportForm(
        data,
        initial=initial,
        centre_indicators=report.centre.monitored_indicators.select_related("indicator"),
        initiatives=report.centre.initiatives.all(),
    )


def _summary(report):
    values = {v.centre_indicator_id: v for v in report.values.all()}
    rows = []
    for ci in report.centre.monitored_indicators.select_related("indicator"):
        rows.append((ci, values.get(ci.pk)))
    progress = {p.initiative_id: p.progress for p in report.initiative_progress.all()}
    initiatives = [(i, progress.get(i.pk, "")) for i in report.centre.initiatives.all()]
    return rows, initiatives


@login_required
def report_detail(request, pk):
    report = get_report_for(request.user, pk)
    rows, initiatives = _summary(report)
    return render(
        request,
        "monitoring/report_detail.html",
        {
            "report": report,
            "rows": rows,
            "initiatives": initiatives,
            "attachments": report.attachments.all(),
            "decision_form": DecisionForm() if can(request.user, DECIDE, report) else None,
        },
    )


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def report_edit(request, pk):
    kept = take_kept_post(request)
    report = get_report_for(request.user, pk)
    require_can(request.user, FILL, report)
    if not report.editable:
        messages.error(request, _("This report was submitted: it can no longer be changed."))
        return redirect("monitoring:report_detail", pk=pk)
    form = _report_form(report, request.POST or kept or None)
    kept_notice(request, kept)
    draft_notice(request, not form.is_bound and draft_initial(request, form))
    if request.method == "POST" and form.is_valid():
        try:
            services.report_save_draft(
                report_id=report.pk,
                actor=request.user,
                narrative=form.cleaned_data["narrative"],
                values=form.values(),
                progress=form.progress(),
            )
        except TransitionRefused as refused:
            form.add_error(None, refused.reason)
        else:
            discard_draft(request)
            if "check" in request.POST:
                return redirect("monitoring:report_check", pk=pk)
            messages.success(request, _("Your draft is saved."))
            return redirect("monitoring:report_edit", pk=pk)
    if request.headers.get("X-Autosave"):
        # Not valid yet (a figure half typed): kept as a draft of this page, so autosave's
        # "saved" is true and the text comes back when the page is opened again.
        return save_draft(request)
    return render(
        request,
        "monitoring/report_form.html",
        {
            "report": report,
            "form": form,
            "attachment_form": AttachmentForm(),
            "attachments": report.attachments.all(),
        },
    )


@login_required
@require_POST
def report_attach(request, pk):
    report = get_report_for(request.user, pk)
    require_can(request.user, FILL, report)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.report_attach(
                report_id=report.pk,
                actor=request.user,
                title=form.cleaned_data["title"],
                file=form.cleaned_data["file"],
            )
        except TransitionRefused as refused:
            messages.error(request, refused.reason)
        else:
            messages.success(request, _("The file is attached to the report."))
        return redirect("monitoring:report_edit", pk=pk)
    return render(
        request,
        "monitoring/report_form.html",
        {
            "report": report,
            "form": _report_form(report),
            "attachment_form": form,
            "attachments": report.attachments.all(),
        },
        status=400,
    )


@login_required
def attachment(request, pk, attachment_pk):
    report = get_report_for(request.user, pk)
    item = get_visible_or_404(report.attachments.all(), pk=attachment_pk)
    return file_response(item.file, item.original_name or item.title)


@login_required
@require_http_methods(["GET", "POST"])
def report_check(request, pk):
    """Check your answers, then submit."""
    report = get_report_for(request.user, pk)
    require_can(request.user, FILL, report)
    if request.method == "POST":
        try:
            services.report_submit(report_id=report.pk, actor=request.user)
        except TransitionRefused as refused:
            messages.error(request, refused.reason)
        else:
            return redirect("monitoring:report_submitted", pk=pk)
    rows, initiatives = _summary(report)
    return render(
        request,
        "monitoring/report_check.html",
        {
            "report": report,
            "rows": rows,
            "initiatives": initiatives,
            "attachments": report.attachments.all(),
            "missing": missing_for_submission(report) if report.editable else [],
        },
    )


@login_required
def report_submitted(request, pk):
    report = get_report_for(request.user, pk)
    return render(request, "monitoring/report_submitted.html", {"report": report})


@login_required
@require_POST
def report_decide(request, pk):
    report = get_report_for(request.user, pk)
    require_can(request.user, DECIDE, report)
    form = DecisionForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            if data["decision"] == "accept":
                services.report_accept(
                    report_id=report.pk, actor=request.user, comments=data["comments"]
                )
                messages.success(request, _("The report is accepted; the centre is told."))
            else:
                services.report_request_changes(
                    report_id=report.pk, actor=request.user, comments=data["comments"]
                )
                messages.success(request, _("The centre is asked for changes."))
        except TransitionRefused as refused:
            messages.error(request, refused.reason)
        return redirect("monitoring:report_detail", pk=pk)
    rows, initiatives = _summary(report)
    return render(
        request,
        "monitoring/report_detail.html",
        {
            "report": report,
            "rows": rows,
            "initiatives": initiatives,
            "attachments": report.attachments.all(),
            "decision_form": form,
            "form": form,
        },
        status=400,
    )


@login_required
def lab_reports(request):
    """The Lab's list: reports waiting for review, then late reports."""
    require_can(request.user, "monitoring.staff")
    page = Paginator(review_queue(), 25).get_page(request.GET.get("page"))
    return render(request, "monitoring/lab_reports.html", {"page": page})


@login_required
def late_list(request):
    require_can(request.user, "monitoring.staff")
    page = Paginator(late_reports(), 25).get_page(request.GET.get("page"))
    return render(request, "monitoring/late_reports.html", {"page": page})


@login_required
def our_reports(request):
    rows = (
        CentreReport.objects.filter(centre__in=managed_centres(request.user).values("pk"))
        .select_related("centre", "period")
        .order_by("-due_date", "id")
    )
    page = Paginator(rows, 25).get_page(request.GET.get("page"))
    return render(request, "monitoring/our_reports.html", {"page": page})
