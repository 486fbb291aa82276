"""The secretariat's announcements and the Director's pilots."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from alliance.accounts.forms import ReauthForm
from alliance.core.access import require_can
from alliance.core.states import TransitionRefused

from .. import services
from ..forms import AnnouncementForm, PilotForm
from ..models import Announcement, Pilot
from ..rendering import render_markdown
from ..selectors import all_pilots, staff_announcements


def _centres():
    from django.apps import apps

    return apps.get_model("centres", "Centre").objects.select_related("country").order_by("name")


@login_required
def staff_list(request):
    require_can(request.user, "news.manage")
    page = Paginator(staff_announcements(), 25).get_page(request.GET.get("page"))
    return render(request, "news/staff_list.html", {"page": page})


@login_required
@require_http_methods(["GET", "POST"])
def announcement_create(request):
    require_can(request.user, "news.announcement.manage")
    form = AnnouncementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        announcement = services.announcement_create(actor=request.user, **form.cleaned_data)
        messages.success(request, _("The draft announcement was saved."))
        return redirect("news:staff_detail", pk=announcement.pk)
    status = 400 if form.is_bound else 200
    return render(request, "news/staff_form.html", {"form": form}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def announcement_edit(request, pk):
    require_can(request.user, "news.announcement.manage")
    announcement = get_object_or_404(Announcement, pk=pk)
    form = AnnouncementForm(request.POST or None, instance=announcement)
    if request.method == "POST" and form.is_valid():
        try:
            services.announcement_edit(announcement_id=pk, actor=request.user, **form.cleaned_data)
        except TransitionRefused as refused:
            form.add_error(None, refused.reason)
        else:
            messages.success(request, _("The announcement was saved."))
            return redirect("news:staff_detail", pk=pk)
    status = 400 if form.is_bound else 200
    context = {"form": form, "announcement": announcement}
    return render(request, "news/staff_form.html", context, status=status)


@login_required
def staff_detail(request, pk):
    require_can(request.user, "news.manage")
    announcement = get_object_or_404(
        Announcement.objects.select_related("call", "centre", "country", "pilot"), pk=pk
    )
    return render(
        request,
        "news/staff_detail.html",
        {
            "announcement": announcement,
            "body": render_markdown(str(announcement.body)),
            "now": timezone.now(),
        },
    )


@login_required
@require_POST
def announcement_action(request, pk, action):
    require_can(request.user, "news.announcement.manage")
    get_object_or_404(Announcement, pk=pk)
    do = {
        "publish": services.announcement_publish,
        "withdraw": services.announcement_withdraw,
    }.get(action)
    if do is None:
        return redirect("news:staff_detail", pk=pk)
    try:
        announcement = do(announcement_id=pk, actor=request.user)
    except TransitionRefused as refused:
        messages.error(request, refused.reason)
    else:
        messages.success(
            request,
            _("The announcement is now: %(status)s.")
            % {"status": announcement.get_current_status_display()},
        )
    return redirect("news:staff_detail", pk=pk)


@login_required
def pilot_staff_list(request):
    require_can(request.user, "news.manage")
    return render(
        request,
        "news/staff_pilots.html",
        {"pilots": all_pilots(), "end_form": ReauthForm(user=request.user)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def pilot_designate(request):
    require_can(request.user, "news.pilot.designate")
    form = PilotForm(request.POST or None, user=request.user, centres=_centres())
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "password"}
        try:
            pilot = services.pilot_designate(actor=request.user, **data)
        except TransitionRefused as refused:
            form.add_error(None, refused.reason)
        else:
            messages.success(
                request,
                _("%(pilot)s is designated as a pilot. A draft announcement is proposed.")
                % {"pilot": pilot},
            )
            return redirect("news:staff_pilots")
    status = 400 if form.is_bound else 200
    return render(request, "news/pilot_form.html", {"form": form}, status=status)


@login_required
@require_POST
def pilot_action(request, pk, action):
    require_can(request.user, "news.pilot.designate")
    pilot = get_object_or_404(Pilot, pk=pk)
    form = ReauthForm(request.POST, user=request.user)
    if not form.is_valid():
        messages.error(request, _("The password is not correct."))
        return redirect("news:staff_pilots")
    try:
        if action == "end":
            services.pilot_end(pilot_id=pilot.pk, actor=request.user, ended_on=timezone.localdate())
        elif action == "withdraw":
            services.pilot_withdraw(pilot_id=pilot.pk, actor=request.user)
    except TransitionRefused as refused:
        messages.error(request, refused.reason)
    return redirect("news:staff_pilots")
