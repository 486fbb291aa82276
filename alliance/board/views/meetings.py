"""The secretariat's meeting pages: schedule, agenda and papers, invitations, attendance,
minutes and decisions (including the co-chairs' election)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from alliance.core.access import get_visible_or_404
from alliance.core.states import TransitionRefused

from .. import services
from ..clock import meeting_day
from ..forms import (
    AgendaItemForm,
    AttendanceForm,
    DecisionForm,
    DecisionStatusForm,
    DocumentForm,
    ElectionForm,
    MeetingForm,
    MinutesForm,
)
from ..models import Decision, Meeting
from ..selectors import meeting_for_staff, members_on
from .common import MANAGE, requires


@requires(MANAGE)
def meeting_list(request):
    page = Paginator(Meeting.objects.order_by("-starts_at"), 20).get_page(request.GET.get("page"))
    return render(request, "board/meeting_list.html", {"page": page})


@requires(MANAGE)
@require_http_methods(["GET", "POST"])
def meeting_create(request):
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_schedule(actor=request.user, **form.service_fields())
        except TransitionRefused as refused:
            form.add_error(None, refused.reason)
        else:
            messages.success(
                request, _("The meeting is scheduled. Build its agenda, then invite the members.")
            )
            return redirect("board:meeting_detail", pk=meeting.pk)
    return render(request, "board/meeting_form.html", {"form": form})


@requires(MANAGE)
@require_http_methods(["GET", "POST"])
def meeting_edit(request, pk):
    meeting = get_visible_or_404(Meeting.objects.all(), pk=pk)
    form = MeetingForm(request.POST or None, initial=MeetingForm.initial_for(meeting))
    if request.method == "POST" and form.is_valid():
        try:
            updated = services.meeting_update(
                meeting_id=pk, actor=request.user, **form.service_fields()
            )
        except TransitionRefused as refused:
            form.add_error(None, refused.reason)
        else:
            if updated.sequence > meeting.sequence and updated.invitations_sent_at:
                messages.success(
                    request,
                    _("The meeting was updated. The invited members are sent the new details."),
                )
            else:
                messages.success(request, _("The meeting was updated."))
            return redirect("board:meeting_detail", pk=pk)
    return render(request, "board/meeting_form.html", {"form": form, "meeting": meeting})


@requires(MANAGE)
def meeting_detail(request, pk):
    meeting = meeting_for_staff(pk)
    return render(
        request,
        "board/meeting_detail.html",
        {
            "meeting": meeting,
            "agenda_form": AgendaItemForm(),
            "status_form": DecisionStatusForm(),
        },
    )


def _run(request, pk, action, success, **kwargs):
    try:
        action(meeting_id=pk, actor=request.user, **kwargs)
    except TransitionRefused as refused:
        messages.error(request, refused.reason)
    else:
        messages.success(request, success)
    return redirect("board:meeting_detail", pk=pk)


def _subform(request, meeting, form, *, heading, success, save, multipart=False):
    """A meeting's sub-page (paper, attendance, minutes, decision, election): on a valid
    POST run `save(data)`, show a refusal as a form error, else go back to the meeting."""
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except TransitionRefused as refused:
            form.add_error(None, refused.reason)
        else:
            messages.success(request, success)
            return redirect("board:meeting_detail", pk=meeting.pk)
    return render(
        request,
        "board/meeting_subform.html",
        {"meeting": meeting, "form": form, "heading": heading, "multipart": multipart},
    )


@requires(MANAGE)
@require_POST
def meeting_cancel(request, pk):
    get_visible_or_404(Meeting.objects.all(), pk=pk)
    return _run(request, pk, services.meeting_cancel, _("The meeting was cancelled."))


@requires(MANAGE)
@require_POST
def meeting_invite(request, pk):
    get_visible_or_404(Meeting.objects.all(), pk=pk)
    try:
        count = services.meeting_invite(meeting_id=pk, actor=request.user)
    except TransitionRefused as refused:
        messages.error(request, refused.reason)
    else:
        messages.success(
            request, _("%(count)s invitation(s) sent with a calendar file.") % {"count": count}
        )
    return redirect("board:meeting_detail", pk=pk)


@requires(MANAGE)
@require_POST
def agenda_add(request, pk):
    meeting = get_visible_or_404(Meeting.objects.all(), pk=pk)
    form = AgendaItemForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "board/meeting_subform.html",
            {
                "meeting": meeting,
                "form": form,
                "heading": _("Add an agenda item"),
                "multipart": False,
            },
        )
    return _run(
        request, pk, services.agenda_item_add, _("The agenda item was added."), **form.cleaned_data
    )


@requires(MANAGE)
@require_http_methods(["GET", "POST"])
def paper_add(request, pk):
    meeting = get_visible_or_404(Meeting.objects.all(), pk=pk)
    form = DocumentForm(request.POST or None, request.FILES or None, meeting=meeting)
    return _subform(
        request,
        meeting,
        form,
        heading=_("Add a Board paper"),
        success=_("The paper was added; Board members can read it now."),
        save=lambda data: services.document_add(meeting_id=pk, actor=request.user, **data),
        multipart=True,
    )


@requires(MANAGE)
@require_http_methods(["GET", "POST"])
def attendance(request, pk):
    meeting = meeting_for_staff(pk)
    form = AttendanceForm(request.POST or None, attendances=meeting.attendances.all())
    return _subform(
        request,
        meeting,
        form,
        heading=_("Record attendance"),
        success=_("Attendance was recorded."),
        save=lambda data: services.attendance_record(
            meeting_id=pk, actor=request.user, statuses=form.statuses()
        ),
    )


@requires(MANAGE)
@require_http_methods(["GET", "POST"])
def minutes(request, pk):
    meeting = get_visible_or_404(Meeting.objects.all(), pk=pk)
    form = MinutesForm(request.POST or None, initial={"minutes": meeting.minutes})
    return _subform(
        request,
        meeting,
        form,
        heading=_("Minutes"),
        success=_("The minutes were saved."),
        save=lambda data: services.minutes_record(meeting_id=pk, actor=request.user, **data),
    )


@requires(MANAGE)
@require_http_methods(["GET", "POST"])
def decision_create(request, pk):
    meeting = get_visible_or_404(Meeting.objects.all(), pk=pk)
    form = DecisionForm(request.POST or None)
    return _subform(
        request,
        meeting,
        form,
        heading=_("Record a decision"),
        success=_("The decision was recorded."),
        save=lambda data: services.decision_record(meeting_id=pk, actor=request.user, **data),
    )


@requires(MANAGE)
@require_http_methods(["GET", "POST"])
def election(request, pk):
    meeting = get_visible_or_404(Meeting.objects.all(), pk=pk)
    seated = members_on(meeting_day(meeting)).exclude(role="chair")
    form = ElectionForm(request.POST or None, members=seated)

    def elect(data):
        data = dict(data)
        data["member_ids"] = [m.pk for m in data.pop("members")]
        services.co_chairs_elect(meeting_id=pk, actor=request.user, **data)

    return _subform(
        request,
        meeting,
        form,
        heading=_("Election of the co-chairs"),
        success=_("The election was recorded and the co-chairs were set."),
        save=elect,
    )


@requires(MANAGE)
@require_POST
def decision_status(request, pk):
    decision = get_visible_or_404(Decision.objects.all(), pk=pk)
    form = DecisionStatusForm(request.POST)
    try:
        if not form.is_valid():
            raise TransitionRefused(_("Choose a follow-up status."))
        services.decision_set_status(decision_id=pk, actor=request.user, **form.cleaned_data)
    except TransitionRefused as refused:
        messages.error(request, refused.reason)
    else:
        messages.success(request, _("The follow-up status was changed."))
    return redirect("board:meeting_detail", pk=decision.meeting_id)


@requires(MANAGE)
@require_POST
def decision_publish(request, pk):
    decision = get_visible_or_404(Decision.objects.all(), pk=pk)
    publish = request.POST.get("publish") == "1"
    try:
        services.decision_publish(decision_id=pk, actor=request.user, publish=publish)
    except TransitionRefused as refused:
        messages.error(request, refused.reason)
    else:
        messages.success(
            request,
            _("The decision is published.") if publish else _("The decision is no longer public."),
        )
    return redirect("board:meeting_detail", pk=decision.meeting_id)
