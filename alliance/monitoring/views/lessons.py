"""The public library of lessons learned, and writing lessons (the Lab, centre managers)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from alliance.centres.models import Centre
from alliance.centres.permissions import managed_centres
from alliance.core.access import get_visible_or_404
from alliance.core.cache import public_page
from alliance.core.files import file_response
from alliance.core.policy import can
from alliance.core.states import TransitionRefused

from .. import services
from ..forms import LessonFilterForm, LessonForm
from ..permissions import get_lesson_for
from ..selectors import lessons_library
from ..states import LessonStatus


@public_page
def library(request):
    form = LessonFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    page = Paginator(lessons_library(filters), 20).get_page(request.GET.get("page"))
    return render(request, "monitoring/lessons.html", {"form": form, "page": page})


@public_page
def lesson_detail(request, pk):
    lesson = get_lesson_for(request.user, pk)
    return render(
        request,
        "monitoring/lesson_detail.html",
        {"lesson": lesson, "body": services.render_markdown(lesson.body)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def lesson_create(request):
    # The Lab writes about any centre (or none); others about the centres they run.
    moderator = can(request.user, "monitoring.lesson.moderate")
    centres = (Centre.objects if moderator else managed_centres(request.user)).order_by("name")
    if not moderator and not centres.exists():
        raise PermissionDenied
    form = LessonForm(
        request.POST or None,
        request.FILES or None,
        centres=centres,
        initial={"language": request.user.preferred_language},
    )
    if request.method == "POST" and form.is_valid():
        try:
            lesson = services.lesson_create(actor=request.user, **form.cleaned_data)
        except TransitionRefused as refused:
            form.add_error(None, refused.reason)
        else:
            messages.success(
                request,
                _("The lesson is published in the library.")
                if lesson.in_library
                else _("The lesson is saved as a draft."),
            )
            return redirect("monitoring:lesson_detail", pk=lesson.pk)
    return render(request, "monitoring/lesson_form.html", {"form": form})


@login_required
@require_POST
def lesson_status(request, pk):
    lesson = get_lesson_for(request.user, pk)
    status = request.POST.get("status", "")
    if status not in LessonStatus.values:
        raise PermissionDenied
    try:
        services.lesson_set_status(lesson_id=lesson.pk, actor=request.user, status=status)
    except TransitionRefused as refused:
        messages.error(request, refused.reason)
    else:
        messages.success(request, _("The lesson's status is updated."))
    return redirect("monitoring:lesson_detail", pk=pk)


def lesson_attachment(request, pk, attachment_pk):
    """Files are served only to those who may read the lesson (drafts stay private)."""
    lesson = get_lesson_for(request.user, pk)
    attachment = get_visible_or_404(lesson.attachments.all(), pk=attachment_pk)
    return file_response(attachment.file, attachment.filename)
