from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from alliance.core.access import get_visible_or_404
from alliance.core.files import file_response
from alliance.core.keep_typed import kept_notice, login_required_keeping_post, take_kept_post
from alliance.core.kernel import allowed_actions
from alliance.core.policy import can
from alliance.core.states import TransitionRefused

from .. import selectors, services
from ..forms import DeclarationForm, ReviewForm
from ..permissions import get_assignment_for
from ._helpers import paginate


@login_required
def queue(request):
    if not can(request.user, "calls.reviewer"):
        raise Http404
    page = paginate(request, selectors.reviewer_queue(request.user), 50)
    return render(request, "calls/reviewer/queue.html", {"page": page})


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def review(request, pk):
    assignment = get_assignment_for(request.user, pk)
    application = assignment.application
    actions = allowed_actions(assignment, request.user)
    if "declare_no_conflict" in actions:
        form = DeclarationForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                services.assignment_declare(
                    assignment_id=assignment.pk,
                    actor=request.user,
                    has_conflict=form.cleaned_data["has_conflict"],
                    note=form.cleaned_data["note"],
                )
            except TransitionRefused as refused:
                form.add_error(None, refused.reason)
            else:
                if form.cleaned_data["has_conflict"]:
                    messages.success(
                        request,
                        _("Thank you. You are recused and the application is withdrawn from you."),
                    )
                    return redirect("calls:review_queue")
                return redirect("calls:review", pk=assignment.pk)
        return render(
            request,
            "calls/reviewer/declare.html",
            {"assignment": assignment, "application": application, "form": form},
        )

    criteria = list(application.call.criteria.all())
    existing = {s.criterion_id: s for s in assignment.scores.all()}
    initial = {
        "shared_comment": assignment.shared_comment,
        "private_notes": assignment.private_notes,
    }
    for c in criteria:
        if c.pk in existing:
            initial[f"score_{c.pk}"] = existing[c.pk].value
            initial[f"comment_{c.pk}"] = existing[c.pk].comment
    kept = take_kept_post(request)
    kept_notice(request, kept)
    form = ReviewForm(request.POST or kept or None, initial=initial, criteria=criteria)
    if request.method == "POST" and form.is_valid():
        submit = "submit" in request.POST
        try:
            services.review_save(
                assignment_id=assignment.pk,
                actor=request.user,
                scores=form.scores(),
                shared_comment=form.cleaned_data["shared_comment"],
                private_notes=form.cleaned_data["private_notes"],
                submit=submit,
            )
        except TransitionRefused as refused:
            form.add_error(None, refused.reason)
        else:
            messages.success(
                request, _("Your review was submitted.") if submit else _("Your draft was saved.")
            )
            if submit:
                return redirect("calls:review_queue")
            return redirect("calls:review", pk=assignment.pk)
    questions = list(application.call.questions.all())
    return render(
        request,
        "calls/reviewer/review.html",
        {
            "assignment": assignment,
            "application": application,
            "call": application.call,
            "form": form,
            "answers": [(q, application.answers.get(q.key)) for q in questions if q.kind != "file"],
            "documents": application.documents.all(),
            "read_only": "submit" not in actions,
            "criteria": criteria,
            "existing": existing,
        },
    )


@login_required
def document_download(request, pk, document_pk):
    assignment = get_assignment_for(request.user, pk)
    document = get_visible_or_404(assignment.application.documents.all(), pk=document_pk)
    return file_response(document.file, document.original_name or document.title)
