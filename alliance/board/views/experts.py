"""Expert Network: applying, and the secretariat's queue."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from alliance.core import kernel
from alliance.core.access import get_visible_or_404
from alliance.core.states import TransitionRefused

from .. import services
from ..forms import ExpertApplicationForm, ExpertDecisionForm, ExpertInviteForm
from ..models import Expert
from ..states import ExpertStatus
from .common import MANAGE, requires


@login_required
@require_http_methods(["GET", "POST"])
def expert_apply(request):
    existing = Expert.objects.filter(email__iexact=request.user.email).first()
    if existing and "apply" not in kernel.allowed_actions(existing, request.user):
        return render(request, "board/expert_status.html", {"expert": existing})
    initial = {"full_name": request.user.full_name or (existing.full_name if existing else "")}
    form = ExpertApplicationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            expert = services.expert_apply(actor=request.user, **form.cleaned_data)
        except TransitionRefused as refused:
            form.add_error(None, refused.reason)
        else:
            return render(
                request, "board/expert_status.html", {"expert": expert, "just_applied": True}
            )
    return render(request, "board/expert_form.html", {"form": form, "invited": existing})


@requires(MANAGE)
def expert_queue(request):
    status = request.GET.get("status") or ExpertStatus.APPLIED
    if status not in ExpertStatus.values:
        status = ExpertStatus.APPLIED
    rows = (
        Expert.objects.filter(status=status).prefetch_related("areas").order_by("-created_at", "id")
    )
    page = Paginator(rows, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "board/expert_queue.html",
        {
            "page": page,
            "status": status,
            "statuses": ExpertStatus.choices,
            "decision_form": ExpertDecisionForm(),
        },
    )


@requires(MANAGE)
@require_POST
def expert_decide(request, pk):
    get_visible_or_404(Expert.objects.all(), pk=pk)
    form = ExpertDecisionForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    approve = "approve" in request.POST
    try:
        expert = services.expert_decide(
            expert_id=pk, actor=request.user, approve=approve, note=note
        )
    except TransitionRefused as refused:
        messages.error(request, refused.reason)
    else:
        messages.success(
            request,
            (_("%(name)s joined the Expert Network.") if approve else _("%(name)s was declined."))
            % {"name": expert.full_name},
        )
    return redirect("board:expert_queue")


@requires(MANAGE)
@require_http_methods(["GET", "POST"])
def expert_invite(request):
    form = ExpertInviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.expert_invite(actor=request.user, **form.cleaned_data)
        except TransitionRefused as refused:
            form.add_error("email", refused.reason)
        else:
            messages.success(
                request,
                _("An invitation was sent to %(email)s.") % {"email": form.cleaned_data["email"]},
            )
            return redirect("board:expert_queue")
    return render(request, "board/expert_invite.html", {"form": form})


@login_required
@require_POST
def expert_leave(request):
    expert = get_visible_or_404(Expert.objects.filter(user=request.user))
    try:
        services.expert_leave(expert_id=expert.pk, actor=request.user)
    except TransitionRefused as refused:
        messages.error(request, refused.reason)
    else:
        messages.success(request, _("You left the Expert Network."))
    return redirect("board:expert_apply")
