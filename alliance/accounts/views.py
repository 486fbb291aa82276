from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from alliance.core.access import get_visible_or_404, require_can, staff_required
from alliance.core.languages import in_language, remember, supported
from alliance.core.policy import can
from alliance.core.states import TransitionRefused

from . import mfa, services
from .forms import (
    ApiTokenForm,
    InvitationForm,
    MembershipRoleForm,
    OrganisationFilterForm,
    OrganisationForm,
    ProfileForm,
    SecurityPolicyForm,
)
from .joins import pending_requests_for
from .models import Invitation, InvitationStatus, Membership, SecurityPolicy
from .permissions import get_organisation_for
from .reauth import decision_needs_password
from .roles import StaffRole
from .selectors import organisation_directory
from .tokens import token_create, token_revoke


@login_required
def dashboard(request):
    memberships = request.user.memberships.select_related("organisation").order_by(
        "organisation__name"
    )
    invitations = Invitation.objects.filter(
        email__iexact=request.user.email, status=InvitationStatus.PENDING
    ).select_related("organisation")
    roles = [StaffRole(r).label for r in request.user.role_names() if r in StaffRole.values]
    return render(
        request,
        "accounts/dashboard.html",
        {
            "memberships": memberships,
            "invitations": invitations,
            "staff_roles": roles,
            # Reviewers and Board members read confidential papers: offer them two-factor
            # authentication even when the Director does not require it.
            "offer_mfa": mfa.is_reviewer_or_board(request.user) and not mfa.has_mfa(request.user),
            "can_manage_security": can(request.user, "accounts.security.manage"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    user = request.user
    form = ProfileForm(
        request.POST or None,
        initial={
            "full_name": user.full_name,
            "job_title": user.job_title,
            "preferred_language": user.preferred_language,
            "time_zone": user.time_zone,
        },
    )
    if request.method == "POST" and form.is_valid():
        services.profile_update(user=user, **form.cleaned_data)
        messages.success(request, _("Your profile was saved."))
        return redirect("accounts:dashboard")
    return render(request, "accounts/profile.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def organisation_create(request):
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        organisation = services.organisation_create(actor=request.user, **form.cleaned_data)
        messages.success(
            request,
            _(
                "Your organisation is registered. You are its focal point. Next, express "
                "interest in joining the Alliance."
            ),
        )
        return redirect("accounts:organisation_detail", pk=organisation.pk)
    return render(request, "accounts/organisation_form.html", {"form": form})


@login_required
def organisation_detail(request, pk):
    organisation = get_organisation_for(request.user, pk)
    can_manage = can(request.user, "accounts.organisation.manage", organisation)
    is_staff = can(request.user, "accounts.organisations.staff")
    return render(
        request,
        "accounts/organisation_detail.html",
        {
            "organisation": organisation,
            "is_staff": is_staff,
            "join_requests": pending_requests_for(organisation) if (can_manage or is_staff) else [],
            "memberships": organisation.memberships.select_related("user").order_by("user__email"),
            "invitations": organisation.invitations.filter(status=InvitationStatus.PENDING)
            if can_manage
            else [],
            "can_manage": can_manage,
            "invite_form": InvitationForm() if can_manage else None,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def organisation_edit(request, pk):
    organisation = get_organisation_for(request.user, pk, manage=True)
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_update(
                organisation_id=pk, actor=request.user, **form.cleaned_data
            )
        except TransitionRefused as refused:
            form.add_error("country", refused.reason)
        else:
            messages.success(request, _("The organisation profile was saved."))
            return redirect("accounts:organisation_detail", pk=pk)
    return render(
        request, "accounts/organisation_form.html", {"form": form, "organisation": organisation}
    )


@login_required
@require_http_methods(["GET", "POST"])
def invitation_create(request, pk):
    organisation = get_organisation_for(request.user, pk, manage=True)
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.invitation_send(
                organisation=organisation, actor=request.user, **form.cleaned_data
            )
        except TransitionRefused as refused:
            form.add_error("email", refused.reason)
        else:
            messages.success(
                request,
                _("An invitation was sent to %(email)s.") % {"email": form.cleaned_data["email"]},
            )
            return redirect("accounts:organisation_detail", pk=pk)
    return render(
        request, "accounts/invitation_form.html", {"form": form, "organisation": organisation}
    )


@login_required
@require_POST
def invitation_revoke(request, pk, invitation_pk):
    organisation = get_organisation_for(request.user, pk, manage=True)
    invitation = get_visible_or_404(organisation.invitations.all(), pk=invitation_pk)
    try:
        services.invitation_revoke(invitation_id=invitation.pk, actor=request.user)
        messages.success(request, _("The invitation was revoked."))
    except TransitionRefused as refused:
        messages.error(request, refused.reason)
    return redirect("accounts:organisation_detail", pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def membership_edit(request, pk, membership_pk):
    staff = can(request.user, "accounts.organisations.staff")
    organisation = get_organisation_for(request.user, pk, manage=not staff)
    membership = get_visible_or_404(
        Membership.objects.filter(organisation=organisation).select_related("user"),
        pk=membership_pk,
    )
    form = MembershipRoleForm(request.POST or None, initial={"role": membership.role})
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_change_role(
                membership_id=membership.pk, actor=request.user, role=form.cleaned_data["role"]
            )
        except TransitionRefused as refused:
            form.add_error("role", refused.reason)
        else:
            messages.success(request, _("The role was changed."))
            return redirect("accounts:organisation_detail", pk=pk)
    return render(
        request,
        "accounts/membership_form.html",
        {"form": form, "organisation": organisation, "membership": membership},
    )


@require_http_methods(["GET", "POST"])
def invitation_accept(request, token):
    invitation = Invitation.objects.select_related("organisation").filter(token=token).first()
    if not request.user.is_authenticated:
        return render(request, "accounts/invitation_accept.html", {"invitation": invitation})
    if request.method == "POST":
        try:
            membership = services.invitation_accept(token=token, actor=request.user)
        except TransitionRefused as refused:
            messages.error(request, refused.reason)
        else:
            messages.success(
                request,
                _("You are now a member of %(organisation)s.")
                % {"organisation": membership.organisation},
            )
            return redirect("accounts:organisation_detail", pk=membership.organisation_id)
    return render(request, "accounts/invitation_accept.html", {"invitation": invitation})


@login_required
@require_http_methods(["GET", "POST"])
# Creating a token asks for the password (or a two-factor code) again if the last one is
# older than allauth's ACCOUNT_REAUTHENTICATION_TIMEOUT; allauth replays the form after.
@reauthentication_required(allow_get=True)
def api_tokens(request):
    form = ApiTokenForm(request.POST or None)
    new_token = None
    if request.method == "POST" and form.is_valid():
        try:
            _token, new_token = token_create(actor=request.user, **form.cleaned_data)
        except TransitionRefused as refused:
            form.add_error(None, refused.reason)
        else:
            form = ApiTokenForm()
    tokens = request.user.api_tokens.filter(revoked_at__isnull=True)
    return render(
        request,
        "accounts/api_tokens.html",
        {
            "form": form,
            "tokens": tokens,
            "new_token": new_token,
            "now": timezone.now(),
            "mfa_blocks_tokens": mfa.must_enrol(request.user),
        },
    )


@login_required
@require_POST
def api_token_revoke(request, token_pk):
    token = get_visible_or_404(request.user.api_tokens.filter(revoked_at__isnull=True), pk=token_pk)
    token_revoke(token_id=token.pk, actor=request.user)
    messages.success(
        request, _("The token was revoked. Programs using it can no longer call the API.")
    )
    return redirect("accounts:api_tokens")


@staff_required("accounts.view_organisation")
def organisation_directory_view(request):
    form = OrganisationFilterForm(request.GET or None)
    rows = organisation_directory(form.cleaned_data if form.is_valid() else {})
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return render(request, "accounts/organisation_directory.html", {"form": form, "page": page})


def too_many_requests(request, retry_after: int = 60):
    """429 with `Retry-After`, for the sign-in throttle and allauth's own rate limits
    (`config.urls.handler429`), as a laid-out page that says when to try again."""
    from datetime import timedelta

    response = render(
        request,
        "accounts/too_many_requests.html",
        {
            "retry_after": retry_after,
            "minutes": max(1, -(-retry_after // 60)),
            "retry_at": timezone.now() + timedelta(seconds=retry_after),
        },
        status=429,
    )
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    return response


@require_http_methods(["GET", "POST"])
def choose_language(request, code):
    """The language switcher. Anyone: the same page in that language, remembered in the
    language cookie. Signed in (a POST, so that no link can change it): it also becomes the
    person's language for emails, digests and PDFs."""
    language = supported(code)
    if language is None:
        raise Http404
    back = request.POST.get("next") or request.GET.get("next") or "/"
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = "/"
    if request.method == "POST" and request.user.is_authenticated:
        services.language_choose(user=request.user, language=language)
    return remember(redirect(in_language(back, language)), language)


@login_required
@require_http_methods(["GET", "POST"])
@decision_needs_password(rule="accounts.security.manage")
def security_policy(request):
    """The Director decides whether reviewers and Board members need two-factor
    authentication (staff need it whenever REQUIRE_STAFF_MFA is on)."""
    require_can(request.user, "accounts.security.manage")
    current = SecurityPolicy.current()
    form = SecurityPolicyForm(
        request.POST or None,
        initial={"require_reviewer_board_mfa": current.require_reviewer_board_mfa},
    )
    if request.method == "POST" and form.is_valid():
        services.security_policy_set(actor=request.user, **form.cleaned_data)
        messages.success(request, _("The security policy was saved."))
        return redirect("accounts:security_policy")
    return render(request, "accounts/security_policy.html", {"form": form, "policy": current})
