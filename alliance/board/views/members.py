"""The members' area: Board papers before the meeting. Everyone else gets a 404."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from alliance.core.files import file_response
from alliance.core.policy import can

from ..selectors import get_document_for_member, get_meeting_for_member, meetings_for_member


@login_required
def member_area(request):
    if not can(request.user, "board.papers"):
        raise Http404
    now = timezone.now()
    meetings = meetings_for_member(request.user)
    return render(
        request,
        "board/member_area.html",
        {
            "upcoming": meetings.filter(ends_at__gte=now).order_by("starts_at")[:10],
            "past": meetings.filter(ends_at__lt=now)[:10],
        },
    )


@login_required
def member_meeting(request, pk):
    meeting = get_meeting_for_member(request.user, pk)
    return render(request, "board/member_meeting.html", {"meeting": meeting})


@login_required
def paper(request, pk):
    document = get_document_for_member(request.user, pk)
    return file_response(document.file, document.original_name or document.title)
