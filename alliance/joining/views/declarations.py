import hashlib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from alliance.accounts.forms import ReauthForm
from alliance.accounts.reauth import remember_password_confirmed
from alliance.core.access import get_visible_or_404, require_can
from alliance.core.cache import public_page
from alliance.core.files import file_response
from alliance.core.languages import current_language
from alliance.core.policy import can
from alliance.core.states import TransitionRefused

from .. import services
from ..cache import DECLARATIONS
from ..forms import (
    DeclarationDraftForm,
    ReasonForm,
    SignForm,
    VerifyFileForm,
    VerifyForm,
)
from ..models import JointDeclaration, organisation_has_signatory
from ..pdf import declaration_copy_pdf, declaration_pdf, language_in_sentence
from ..selectors import (
    assessments_visible_to,
    declarations_visible_to,
    recommendation_for,
)
from ..states import DeclarationStatus
from .common import history_for


@login_required
@require_http_methods(["GET", "POST"])
def declaration_create(request, assessment_pk):
    require_can(request.user, "joining.declaration.draft")
    assessment = get_visible_or_404(assessments_visible_to(request.user), pk=assessment_pk)
    best = recommendation_for(assessment)[0]
    form = DeclarationDraftForm(
        request.POST or None,
        initial={
            "centre_type": best.centre_type,
            "scope": assessment.scope,
            "language": request.user.preferred_language,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            declaration = services.declaration_draft(
                assessment_id=assessment.pk, actor=request.user, **form.cleaned_data
            )
        except TransitionRefused as refused:
            form.add_error(None, refused.reason)
        else:
            if organisation_has_signatory(declaration.organisation_id):
                done = _(
                    "The joint declaration is drafted. The organisation's authorised signatory "
                    "was asked to sign it."
                )
            else:
                done = _(
                    "The joint declaration is drafted. The organisation has no authorised "
                    "signatory yet: its focal point was asked to invite one, who can then sign."
                )
            messages.success(request, done)
            return redirect("joining:declaration_detail", pk=declaration.pk)
    return render(
        request,
        "joining/declaration_form.html",
        {
            "form": form,
            "assessment": assessment,
            "best": best,
            "has_signatory": organisation_has_signatory(assessment.organisation_id),
        },
    )


def _detail_context(request, declaration, **extra):
    return {
        "declaration": declaration,
        "sign_form": SignForm(user=request.user),
        "withdraw_form": ReasonForm(),
        "countersign_form": ReauthForm(user=request.user),
        "history": history_for(declaration),
        "may_invite": can(request.user, "accounts.organisation.manage", declaration.organisation),
        "original_language": language_in_sentence(declaration.language),
        **extra,
    }


@login_required
def declaration_detail(request, pk):
    declaration = get_visible_or_404(declarations_visible_to(request.user), pk=pk)
    return render(request, "joining/declaration_detail.html", _detail_context(request, declaration))


@login_required
@require_POST
def declaration_sign(request, pk):
    declaration = get_visible_or_404(declarations_visible_to(request.user), pk=pk)
    form = SignForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            services.declaration_sign(
                declaration_id=declaration.pk,
                actor=request.user,
                signatory_name=form.cleaned_data["full_name"],
            )
        except TransitionRefused as refused:
            messages.error(request, refused.reason)
        else:
            messages.success(
                request,
                _(
                    "You signed the joint declaration. The BDT Director will countersign it; "
                    "you will be told by email."
                ),
            )
        return redirect("joining:declaration_detail", pk=pk)
    context = _detail_context(request, declaration, sign_form=form, form=form)
    return render(request, "joining/declaration_detail.html", context, status=400)


@login_required
@require_POST
def declaration_countersign(request, pk):
    require_can(request.user, "joining.declaration.countersign")
    declaration = get_visible_or_404(declarations_visible_to(request.user), pk=pk)
    form = ReauthForm(request.POST, user=request.user)
    if not form.is_valid():
        context = _detail_context(request, declaration, countersign_form=form, form=form)
        return render(request, "joining/declaration_detail.html", context)
    # The password just typed counts for the Director's next decisions for a few minutes.
    remember_password_confirmed(request)
    try:
        services.declaration_countersign(declaration_id=declaration.pk, actor=request.user)
    except TransitionRefused as refused:
        messages.error(request, refused.reason)
    else:
        messages.success(request, _("The joint declaration is in force."))
    return redirect("joining:declaration_detail", pk=pk)


@login_required
@require_POST
def declaration_withdraw(request, pk):
    require_can(request.user, "joining.declaration.withdraw")
    declaration = get_visible_or_404(declarations_visible_to(request.user), pk=pk)
    form = ReasonForm(request.POST)
    if form.is_valid():
        try:
            services.declaration_withdraw(
                declaration_id=declaration.pk,
                actor=request.user,
                reason=form.cleaned_data["reason"],
            )
        except TransitionRefused as refused:
            messages.error(request, refused.reason)
        else:
            messages.success(request, _("The joint declaration is withdrawn."))
        return redirect("joining:declaration_detail", pk=pk)
    context = _detail_context(request, declaration, withdraw_form=form, form=form)
    return render(request, "joining/declaration_detail.html", context, status=400)


@login_required
def declaration_document(request, pk):
    declaration = get_visible_or_404(declarations_visible_to(request.user), pk=pk)
    filename = f"joint-declaration-{declaration.pk}.pdf"
    if declaration.in_force and declaration.document:
        # The frozen PDF whose SHA-256 the database holds, as stored.
        return file_response(declaration.document, filename, inline=True)
    if declaration.status == DeclarationStatus.WITHDRAWN:
        raise Http404
    response = HttpResponse(
        declaration_pdf(declaration, draft=True), content_type="application/pdf"
    )
    response["Content-Disposition"] = content_disposition_header(False, filename)
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def declaration_copy(request, pk):
    """A copy of a declaration in force in the reader's language, printing the fingerprint.

    The signed original stays the frozen file (its SHA-256 is the one recorded); this copy is
    drawn afresh and says whether it is a translation (docs/decisions/0012).
    """
    declaration = get_visible_or_404(declarations_visible_to(request.user), pk=pk)
    if not (declaration.in_force and declaration.sha256):
        raise Http404
    language = current_language()
    response = HttpResponse(declaration_copy_pdf(declaration, language), "application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="joint-declaration-{declaration.pk}-{language}.pdf"'
    )
    return response


def _verified(fingerprint):
    return {
        "fingerprint": fingerprint,
        "declaration": JointDeclaration.objects.select_related("organisation", "centre_type")
        .filter(Q(sha256=fingerprint) | Q(terms_sha256=fingerprint))
        .filter(status=DeclarationStatus.IN_FORCE)
        .first(),
    }


@public_page(DECLARATIONS)
def verify(request):
    form = VerifyForm(request.GET or None)
    result = None
    if form.is_bound and form.is_valid():
        result = _verified(form.cleaned_data["fingerprint"].strip().lower())
    context = {"form": form, "file_form": VerifyFileForm(), "result": result}
    return render(request, "joining/verify.html", context)


# Reading a file changes nothing, and the verification page is a cached public page whose
# CSRF token could not match each visitor's cookie: this POST needs no token.
@csrf_exempt
@require_POST
def verify_file(request):
    file_form = VerifyFileForm(request.POST, request.FILES)
    result = None
    if file_form.is_valid():
        digest = hashlib.sha256()
        for chunk in file_form.cleaned_data["document"].chunks():
            digest.update(chunk)
        result = _verified(digest.hexdigest())
    context = {"form": VerifyForm(), "file_form": file_form, "result": result}
    return render(request, "joining/verify.html", context)
