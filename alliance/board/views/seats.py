"""The secretariat's and Director's pages for seats and terms."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from alliance.core.access import get_visible_or_404
from alliance.core.policy import can
from alliance.core.states import TransitionRefused

from .. import services
from ..clock import board_today
from ..forms import DesignationForm, EndSeatForm, MemberDetailsForm, RenewForm
from ..models import BoardMember, Expert, Meeting, Nomination
from ..states import NOMINATION_OPEN, ExpertStatus, MeetingStatus
from .common import APPOINT, MANAGE, requires


@requires(MANAGE)
def staff_home(request):
    now = timezone.now()
    return render(
        request,
        "board/staff_home.html",
        {
            "open_nominations": Nomination.objects.filter(status__in=NOMINATION_OPEN).count(),
            "expert_applications": Expert.objects.filter(status=ExpertStatus.APPLIED).count(),
            "next_meetings": Meeting.objects.filter(
                status=MeetingStatus.SCHEDULED, ends_at__gte=now
            ).order_by("starts_at")[:5],
            "can_appoint": can(request.user, APPOINT),
        },
    )


@requires(MANAGE)
def seat_list(request):
    seats = BoardMember.objects.select_related("nominating_organisation").order_by(
        "status", "full_name", "id"
    )
    page = Paginator(seats, 30).get_page(request.GET.get("page"))
    return render(
        request, "board/seat_list.html", {"page": page, "can_appoint": can(request.user, APPOINT)}
    )


@requires(MANAGE)
def seat_detail(request, pk):
    member = get_visible_or_404(
        BoardMember.objects.select_related("nominating_organisation", "user", "appointed_by"), pk=pk
    )
    return render(
        request,
        "board/seat_detail.html",
        {
            "member": member,
            "can_appoint": can(request.user, APPOINT),
            "renew_form": RenewForm(),
            "end_form": EndSeatForm(initial={"ended_on": board_today()}),
        },
    )


@requires(APPOINT)
@require_http_methods(["GET", "POST"])
def designate(request):
    form = DesignationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            member = services.member_designate(actor=request.user, **form.cleaned_data)
        except TransitionRefused as refused:
            form.add_error(None, refused.reason)
        else:
            messages.success(request, _("%(name)s is designated to the Board.") % {"name": member})
            return redirect("board:seat_detail", pk=member.pk)
    return render(request, "board/designation_form.html", {"form": form})


@requires(APPOINT)
@require_POST
def seat_renew(request, pk):
    member = get_visible_or_404(BoardMember.objects.all(), pk=pk)
    form = RenewForm(request.POST)
    if form.is_valid():
        try:
            services.member_renew(member_id=pk, actor=request.user, **form.cleaned_data)
        except TransitionRefused as refused:
            messages.error(request, refused.reason)
        else:
            messages.success(request, _("The term was renewed."))
    else:
        messages.error(request, _("Give the new end of term."))
    return redirect("board:seat_detail", pk=member.pk)


@requires(MANAGE)
@require_POST
def seat_end(request, pk):
    member = get_visible_or_404(BoardMember.objects.all(), pk=pk)
    form = EndSeatForm(request.POST)
    if form.is_valid():
        try:
            services.member_end(member_id=pk, actor=request.user, **form.cleaned_data)
        except TransitionRefused as refused:
            messages.error(request, refused.reason)
        else:
            messages.success(
                request, _("The seat was ended; the member now appears among past members.")
            )
    else:
        messages.error(request, _("Give the last day on the Board."))
    return redirect("board:seat_detail", pk=member.pk)


@requires(MANAGE)
@require_http_methods(["GET", "POST"])
def seat_edit(request, pk):
    member = get_visible_or_404(BoardMember.objects.all(), pk=pk)
    initial = {f: getattr(member, f) for f in MemberDetailsForm.base_fields}
    initial["country"] = member.country.code if member.country else ""
    form = MemberDetailsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.member_update(member_id=pk, actor=request.user, **form.cleaned_data)
        except TransitionRefused as refused:
            form.add_error(None, refused.reason)
        else:
            messages.success(request, _("The member's details were saved."))
            return redirect("board:seat_detail", pk=pk)
    return render(request, "board/seat_form.html", {"form": form, "member": member})
