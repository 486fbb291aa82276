"""The Director's accreditation pages, and the certificate and credential downloads."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from alliance.accounts.reauth import decision_needs_password
from alliance.core.access import require_can
from alliance.core.languages import supported
from alliance.core.states import TransitionRefused

from .. import services
from ..certificates import certificate_pdf
from ..forms import AccreditationIssueForm, ReasonForm
from ..permissions import get_accreditation_for, get_centre_for
from ..states import DIRECTOR
from .manage import action_page, refused


@login_required
@require_http_methods(["GET", "POST"])
@decision_needs_password(rule=DIRECTOR)
def accredit(request, pk):
    centre = get_centre_for(request.user, pk, manage=True)
    require_can(request.user, DIRECTOR, centre)
    form = AccreditationIssueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.accreditation_issue(
                centre_id=centre.pk, actor=request.user, start_date=form.cleaned_data["start_date"]
            )
        except TransitionRefused as exc:
            refused(request, form, exc)
        else:
            messages.success(
                request, _("The centre is accredited for three years. Its certificate is ready.")
            )
            return redirect("centres:manage", pk=centre.pk)
    return action_page(
        request,
        form=form,
        title=_("Accredit %(centre)s") % {"centre": centre},
        intro=_("The accreditation runs for three years from the start date."),
        back_url="centres:manage",
        extra={"back_pk": centre.pk},
        submit=_("Accredit the centre"),
    )


ACCREDITATION_ACTIONS = {
    "suspend": (services.accreditation_suspend, True, lambda: _("Suspend the accreditation")),
    "reinstate": (
        services.accreditation_reinstate,
        False,
        lambda: _("Reinstate the accreditation"),
    ),
    "revoke": (services.accreditation_revoke, True, lambda: _("Revoke the accreditation")),
}


@login_required
@require_http_methods(["GET", "POST"])
@decision_needs_password(rule=DIRECTOR)
def accreditation_action(request, pk, action):
    accreditation = get_accreditation_for(request.user, pk)
    require_can(request.user, DIRECTOR, accreditation)
    if action not in ACCREDITATION_ACTIONS:
        raise PermissionDenied
    service, needs_reason, title = ACCREDITATION_ACTIONS[action]
    form = ReasonForm(request.POST or None)
    if not needs_reason:
        form.fields["reason"].required = False
    if request.method == "POST" and form.is_valid():
        try:
            service(
                accreditation_id=accreditation.pk,
                actor=request.user,
                reason=form.cleaned_data["reason"],
            )
        except TransitionRefused as exc:
            refused(request, form, exc)
        else:
            messages.success(request, _("Done. The registry and the verification page show it."))
            return redirect("centres:manage", pk=accreditation.centre_id)
    return action_page(
        request,
        form=form,
        title=title(),
        intro=str(accreditation),
        back_url="centres:manage",
        extra={"back_pk": accreditation.centre_id},
        submit=title(),
    )


@login_required
def certificate(request, pk):
    accreditation = get_accreditation_for(request.user, pk)
    language = supported(request.GET.get("lang")) or request.LANGUAGE_CODE
    pdf = certificate_pdf(accreditation, language)
    response = HttpResponse(pdf, content_type="application/pdf")
    name = f"accreditation-{accreditation.verification_code}-{language}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def credential_file(request, pk):
    accreditation = get_accreditation_for(request.user, pk)
    response = HttpResponse(accreditation.credential_jwt, content_type="application/vc+jwt")
    name = f"accreditation-{accreditation.verification_code}.jwt"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
