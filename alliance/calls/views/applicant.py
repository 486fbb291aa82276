from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from alliance.core.access import get_visible_or_404
from alliance.core.files import file_response
from alliance.core.states import TransitionRefused

from .. import selectors, services
from ..completeness import sections_for
from ..eligibility import eligibility_problems
from ..forms import (
    CentreSectionForm,
    DocumentForm,
    InitiativesSectionForm,
    QuestionsSectionForm,
    ResourcesSectionForm,
    StartApplicationForm,
)
from ..models import Application
from ..permissions import get_own_application
from ._helpers import paginate
from .keep_typed import login_required_keeping_post, take_kept_post

SECTION_FORMS = {
    "centre": (CentreSectionForm, _("The proposed centre")),
    "initiatives": (InitiativesSectionForm, _("Flagship initiatives")),
    "resources": (ResourcesSectionForm, _("Human and financial resources")),
    "questions": (QuestionsSectionForm, _("Answers to the call's questions")),
}


def _context(application):
    questions = list(application.call.questions.all())
    documents = list(application.documents.select_related("question"))
    return questions, documents


@login_required
def my_applications(request):
    page = paginate(request, selectors.applications_for_organisations(request.user).distinct())
    return render(request, "calls/applicant/my_applications.html", {"page": page})


@login_required
@require_http_methods(["GET", "POST"])
def application_start(request, pk):
    call = selectors.public_call_or_none(pk)
    if call is None:
        raise Http404
    organisations = selectors.organisations_that_may_apply(request.user)
    form = StartApplicationForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        organisation = form.cleaned_data["organisation"]
        existing = Application.objects.filter(call=call, organisation=organisation).first()
        if existing:
            return redirect("calls:application_detail", pk=existing.pk)
        try:
            application = services.application_start(
                call_id=call.pk, organisation=organisation, actor=request.user
            )
        except TransitionRefused as refused:
            form.add_error(None, refused.reason)
        else:
            messages.success(request, _("Your application is started. It is saved as you go."))
            return redirect("calls:application_detail", pk=application.pk)
    problems = {org.pk: eligibility_problems(call=call, organisation=org) for org in organisations}
    return render(
        request,
        "calls/applicant/start.html",
        {"call": call, "form": form, "organisations": organisations, "problems": problems},
    )


@login_required
def application_detail(request, pk):
    application = get_own_application(request.user, pk)
    questions, documents = _context(application)
    feedback = None
    if application.outcome_published:
        feedback = selectors.feedback_for_applicant(application)
    return render(
        request,
        "calls/applicant/application_detail.html",
        {
            "application": application,
            "call": application.call,
            "sections": sections_for(application, questions, documents),
            "feedback": feedback,
            "criteria": list(application.call.criteria.all()),
        },
    )


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def application_section(request, pk, section):
    if section not in SECTION_FORMS:
        raise Http404
    kept = take_kept_post(request)
    application = get_own_application(request.user, pk, write=True)
    form_class, title = SECTION_FORMS[section]
    kwargs = {}
    if section == "centre":
        kwargs["call"] = application.call
    if section == "questions":
        kwargs["questions"] = list(application.call.questions.all())
    initial = {
        "proposed_centre_type": application.proposed_centre_type_id,
        "proposed_scope": application.proposed_scope,
        "host_institution": application.host_institution,
        "flagship_initiatives": application.flagship_initiatives,
        "human_resources_plan": application.human_resources_plan,
        "financial_resources_plan": application.financial_resources_plan,
        **application.answers,
    }
    form = form_class(request.POST or kept, initial=initial, **kwargs)
    if kept is not None:
        messages.info(
            request,
            _("You were signed out. What you typed is kept below: check it and save."),
        )
    if request.method == "POST":
        valid = form.is_valid()
        # A draft is saved on every POST: whatever is valid is kept even if a field is not.
        try:
            if section == "questions":
                services.application_save(
                    application_id=application.pk, actor=request.user, answers=form.answers()
                )
            else:
                fields = {k: v for k, v in form.cleaned_data.items() if k in form.fields}
                services.application_save(
                    application_id=application.pk, actor=request.user, **fields
                )
        except TransitionRefused as refused:
            form.add_error(None, refused.reason)
        else:
            if valid:
                messages.success(request, _("Saved."))
                return redirect("calls:application_detail", pk=application.pk)
    return render(
        request,
        "calls/applicant/section.html",
        {"application": application, "form": form, "title": title},
    )


@login_required
@require_http_methods(["GET", "POST"])
def application_documents(request, pk):
    application = get_own_application(request.user, pk, write=True)
    questions = list(application.call.questions.all())
    form = DocumentForm(request.POST or None, request.FILES or None, questions=questions)
    if request.method == "POST" and form.is_valid():
        question = None
        if form.cleaned_data.get("question"):
            question = next(q for q in questions if q.pk == form.cleaned_data["question"])
        try:
            services.document_add(
                application_id=application.pk,
                actor=request.user,
                title=form.cleaned_data["title"] or (str(question.label) if question else ""),
                file=form.cleaned_data["file"],
                question=question,
            )
        except TransitionRefused as refused:
            form.add_error(None, refused.reason)
        else:
            messages.success(request, _("The document was added."))
            return redirect("calls:application_documents", pk=application.pk)
    return render(
        request,
        "calls/applicant/documents.html",
        {
            "application": application,
            "form": form,
            "documents": application.documents.select_related("question"),
            "required_documents": str(application.call.required_documents),
        },
    )


@login_required
@require_POST
def document_remove(request, pk, document_pk):
    application = get_own_application(request.user, pk, write=True)
    document = get_visible_or_404(application.documents.all(), pk=document_pk)
    try:
        services.document_remove(document_id=document.pk, actor=request.user)
    except TransitionRefused as refused:
        messages.error(request, refused.reason)
    else:
        messages.success(request, _("The document was removed."))
    return redirect("calls:application_documents", pk=application.pk)


@login_required
def document_download(request, pk, document_pk):
    application = get_own_application(request.user, pk)
    document = get_visible_or_404(application.documents.all(), pk=document_pk)
    return file_response(document.file, document.original_name or document.title)


@login_required
@require_http_methods(["GET", "POST"])
def application_check(request, pk):
    application = get_own_application(request.user, pk, write=True)
    questions, documents = _context(application)
    error = None
    if request.method == "POST":
        try:
            services.application_submit(application_id=application.pk, actor=request.user)
        except TransitionRefused as refused:
            error = refused.reason
        else:
            return redirect("calls:application_submitted", pk=application.pk)
    answers = [(q, application.answers.get(q.key)) for q in questions if q.kind != "file"]
    return render(
        request,
        "calls/applicant/check.html",
        {
            "application": application,
            "call": application.call,
            "sections": sections_for(application, questions, documents),
            "answers": answers,
            "documents": documents,
            "error": error,
        },
    )


@login_required
def application_submitted(request, pk):
    application = get_own_application(request.user, pk)
    return render(request, "calls/applicant/submitted.html", {"application": application})


@login_required
@require_http_methods(["GET", "POST"])
def application_withdraw(request, pk):
    application = get_own_application(request.user, pk, write=True)
    if request.method == "POST":
        try:
            services.application_withdraw(application_id=application.pk, actor=request.user)
        except TransitionRefused as refused:
            messages.error(request, refused.reason)
        else:
            messages.success(request, _("The application was withdrawn."))
        return redirect("calls:application_detail", pk=application.pk)
    return render(request, "calls/applicant/withdraw.html", {"application": application})
