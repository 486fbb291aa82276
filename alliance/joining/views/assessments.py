from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from alliance.core.access import get_visible_or_404, require_can
from alliance.core.i18n import current_language
from alliance.core.policy import can
from alliance.core.states import TransitionRefused

from .. import services
from ..forms import SECTION_FORMS, FindingsForm, objective_choices
from ..models import FundingSource, Section
from ..pdf import assessment_pdf, pillar_rows
from ..profile import profile_context
from ..selectors import assessments_visible_to, manages, recommendation_for
from ..stash import login_required_keeping_post, pop_stash
from ..states import AssessmentStatus, SectionStatus
from .common import history_for

ORDER = list(Section.values)
SECTION_TAG = {
    SectionStatus.COMPLETED: "tag-green",
    SectionStatus.IN_PROGRESS: "tag-yellow",
    SectionStatus.NOT_STARTED: "tag-grey",
}


def _editable(request, pk):
    """The assessment, if the user may edit it (a manager of its organisation); else 404."""
    assessment = get_visible_or_404(assessments_visible_to(request.user), pk=pk)
    if not manages(request.user, assessment.organisation):
        raise Http404
    return assessment


def _summary(assessment) -> dict:
    objectives = dict(objective_choices())
    return {
        "pillars": pillar_rows(assessment),
        "funding_labels": [
            str(FundingSource(f).label)
            for f in assessment.funding_sources
            if f in FundingSource.values
        ],
        "objective_labels": [objectives.get(c, c) for c in assessment.objectives],
    }


def _sections(assessment):
    return [
        {
            "code": code,
            "label": label,
            "status": assessment.status_of(code),
            "status_label": SectionStatus(assessment.status_of(code)).label,
            "tag": SECTION_TAG[assessment.status_of(code)],
        }
        for code, label in Section.choices
    ]


@login_required
def assessment_tasks(request, pk):
    assessment = _editable(request, pk)
    if assessment.status != AssessmentStatus.DRAFT:
        return redirect("joining:assessment_detail", pk=pk)
    done = sum(1 for s in _sections(assessment) if s["status"] == "completed")
    return render(
        request,
        "joining/assessment/tasks.html",
        {
            "assessment": assessment,
            "sections": _sections(assessment),
            "done": done,
            "total": len(ORDER),
            "fits": recommendation_for(assessment)
            if assessment.status_of(Section.PROFILE) != "not_started"
            else None,
        },
    )


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def assessment_section(request, pk, section):
    if section not in SECTION_FORMS:
        raise Http404
    assessment = _editable(request, pk)
    if assessment.status != AssessmentStatus.DRAFT:
        messages.error(request, _("The assessment was submitted: it can no longer be changed."))
        return redirect("joining:assessment_detail", pk=pk)
    form_class = SECTION_FORMS[section]
    restored = pop_stash(request)
    saved = False
    if request.method == "POST":
        form = form_class(request.POST)
        valid = form.is_valid()
        # Save whatever is valid, even when something else on the page is not.
        try:
            services.assessment_save_section(
                assessment_id=assessment.pk,
                actor=request.user,
                section=section,
                data=form.section_data(),
            )
        except TransitionRefused as refused:
            messages.error(request, refused.reason)
            return redirect("joining:assessment_detail", pk=pk)
        saved = True
        if valid and "save_draft" in request.POST:
            messages.success(request, _("Your answers are saved. Come back to them at any time."))
            return redirect("joining:assessment_tasks", pk=pk)
        if valid:
            form.require_complete()
            if not form.errors:
                index = ORDER.index(section)
                if index + 1 < len(ORDER):
                    return redirect("joining:assessment_section", pk=pk, section=ORDER[index + 1])
                return redirect("joining:assessment_check", pk=pk)
    elif restored is not None:
        # Posted before the session expired (the CSRF check passed): save it now.
        form = form_class(restored)
        form.is_valid()
        services.assessment_save_section(
            assessment_id=assessment.pk,
            actor=request.user,
            section=section,
            data=form.section_data(),
        )
        saved = True
    else:
        form = form_class(initial=form_class.initial_from(assessment))
    return render(
        request,
        "joining/assessment/section.html",
        {
            "assessment": assessment,
            "form": form,
            "section": section,
            "section_label": Section(section).label,
            "saved": saved,
            "restored": restored is not None,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def assessment_check(request, pk):
    assessment = _editable(request, pk)
    if assessment.status != AssessmentStatus.DRAFT:
        return redirect("joining:assessment_detail", pk=pk)
    if request.method == "POST":
        try:
            services.assessment_submit(assessment_id=assessment.pk, actor=request.user)
        except TransitionRefused as refused:
            messages.error(request, refused.reason)
        else:
            return redirect("joining:assessment_submitted", pk=pk)
    return render(
        request,
        "joining/assessment/check.html",
        {
            "assessment": assessment,
            **_summary(assessment),
            "sections": _sections(assessment),
            "fits": recommendation_for(assessment),
            "change_links": True,
        },
    )


@login_required
def assessment_submitted(request, pk):
    assessment = get_visible_or_404(assessments_visible_to(request.user), pk=pk)
    return render(request, "joining/assessment/submitted.html", {"assessment": assessment})


@login_required
def assessment_detail(request, pk):
    assessment = get_visible_or_404(assessments_visible_to(request.user), pk=pk)
    return render(
        request,
        "joining/assessment/detail.html",
        {
            "assessment": assessment,
            **_summary(assessment),
            "fits": recommendation_for(assessment),
            "can_manage": manages(request.user, assessment.organisation),
            "can_review": can(request.user, "joining.assessment.review"),
            "findings_form": FindingsForm(),
            "history": history_for(assessment),
            "assistance_requests": assessment.assistance_requests.order_by("-created_at"),
            "declarations": assessment.declarations.select_related("centre_type"),
        },
    )


@login_required
@require_POST
def assessment_start_review(request, pk):
    require_can(request.user, "joining.assessment.review")
    assessment = get_visible_or_404(assessments_visible_to(request.user), pk=pk)
    try:
        services.assessment_start_review(assessment_id=assessment.pk, actor=request.user)
    except TransitionRefused as refused:
        messages.error(request, refused.reason)
    else:
        messages.success(request, _("You are reviewing this assessment."))
    return redirect("joining:assessment_detail", pk=pk)


@login_required
@require_POST
def assessment_complete(request, pk):
    require_can(request.user, "joining.assessment.review")
    assessment = get_visible_or_404(assessments_visible_to(request.user), pk=pk)
    form = FindingsForm(request.POST)
    if form.is_valid():
        try:
            services.assessment_complete(
                assessment_id=assessment.pk,
                actor=request.user,
                findings=form.cleaned_data["findings"],
            )
        except TransitionRefused as refused:
            messages.error(request, refused.reason)
        else:
            messages.success(request, _("The assessment is completed; the organisation was told."))
            return redirect("joining:assessment_detail", pk=pk)
    messages.error(request, _("Write the findings of the review before completing it."))
    return redirect("joining:assessment_detail", pk=pk)


@login_required
def assessment_report(request, pk):
    assessment = get_visible_or_404(assessments_visible_to(request.user), pk=pk)
    content = assessment_pdf(assessment, current_language())
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="preliminary-assessment-{assessment.pk}.pdf"'
    )
    return response


@login_required
def assessment_profile(request, pk):
    """The report as a web page: the same content as the PDF, with a table for every chart."""
    assessment = get_visible_or_404(assessments_visible_to(request.user), pk=pk)
    return render(request, "joining/assessment/profile.html", profile_context(assessment))
