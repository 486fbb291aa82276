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
from alliance.core.access import get_visible_or_404, require_can
from alliance.core.cache import public_page
from alliance.core.files import file_response
from alliance.core.kernel import allowed_actions
from alliance.core.policy import can
from alliance.core.states import TransitionRefused

from .. import services
from ..cache import LESSONS
from ..forms import LessonFilterForm, LessonForm, LessonReviewForm
from ..permissions import get_lesson_for
from ..selectors import lessons_desk, lessons_library
from ..states import CHANGE_LESSON, MODERATE_LESSON, LessonStatus


@public_page(LESSONS)
def library(request):
    form = LessonFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    page = Paginator(lessons_library(filters), 20).get_page(request.GET.get("page"))
    return render(request, "monitoring/lessons.html", {"form": form, "page": page})


def _detail(request, lesson, review_form=None, status=200):
    return render(
        request,
        "monitoring/lesson_detail.html",
        {
            "lesson": lesson,
            "body": services.render_markdown(lesson.body),
            "review_form": review_form or LessonReviewForm(),
        },
        status=status,
    )


@public_page(LESSONS)
def lesson_detail(request, pk):
    return _detail(request, get_lesson_for(request.user, pk))


@login_required
def lesson_desk(request):
    """The Lab's queue of lessons waiting for review; a centre manager's own lessons."""
    moderator = can(request.user, MODERATE_LESSON)
    page = Paginator(lessons_desk(request.user, moderator=moderator), 20).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "monitoring/lesson_desk.html",
        {"page": page, "moderator": moderator},
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
        moderator=moderator,
        initial={"language": request.user.preferred_language},
    )
    if request.method == "POST" and form.is_valid():
        try:
            lesson = services.lesson_create(actor=request.user, **form.cleaned_data)
        except TransitionRefused as refused:
            form.add_error(None, refused.reason)
        else:
            messages.success(request, _saved_message(lesson))
            return redirect("monitoring:lesson_detail", pk=lesson.pk)
    return render(request, "monitoring/lesson_form.html", {"form": form, "moderator": moderator})


def _saved_message(lesson) -> str:
    if lesson.in_library:
        return _("The lesson is published in the library.")
    if lesson.status == LessonStatus.SUBMITTED:
        return _("The lesson is sent to the Lab: it is published once the Lab has reviewed it.")
    return _("The lesson is saved as a draft.")


@login_required
@require_http_methods(["GET", "POST"])
def lesson_edit(request, pk):
    """The author changes a draft or a lesson the Lab sent back (and may send it again)."""
    lesson = get_lesson_for(request.user, pk)
    require_can(request.user, CHANGE_LESSON, lesson)
    if "edit" not in allowed_actions(lesson, request.user):
        messages.error(request, _("This lesson can no longer be changed."))
        return redirect("monitoring:lesson_detail", pk=pk)
    moderator = can(request.user, MODERATE_LESSON)
    centres = (Centre.objects if moderator else managed_centres(request.user)).order_by("name")
    fields = ["title", "summary", "body", "objective", "region", "centre", "language"]
    form = LessonForm(
        request.POST or None,
        request.FILES or None,
        centres=centres,
        moderator=moderator,
        initial={name: getattr(lesson, name) for name in fields},
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        publish = data.pop("publish")
        attachments = data.pop("attachments")
        try:
            services.lesson_update(
                lesson_id=lesson.pk, actor=request.user, attachments=attachments, **data
            )
            if publish:
                target = LessonStatus.PUBLISHED if moderator else LessonStatus.SUBMITTED
                lesson = services.lesson_set_status(
                    lesson_id=lesson.pk, actor=request.user, status=target
                )
        except TransitionRefused as refused:
            form.add_error(None, refused.reason)
        else:
            lesson.refresh_from_db()
            messages.success(request, _saved_message(lesson))
            return redirect("monitoring:lesson_detail", pk=lesson.pk)
    return render(
        request,
        "monitoring/lesson_form.html",
        {"form": form, "lesson": lesson, "moderator": moderator},
    )


@login_required
@require_POST
def lesson_status(request, pk):
    """Submit, publish, ask for changes, decline or withdraw; a refusal shows the page again
    with the reason typed kept."""
    lesson = get_lesson_for(request.user, pk)
    status = request.POST.get("status", "")
    if status not in LessonStatus.values:
        raise PermissionDenied
    form = LessonReviewForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    if form.is_valid():
        try:
            services.lesson_set_status(
                lesson_id=lesson.pk, actor=request.user, status=status, reason=reason
            )
        except TransitionRefused as refused:
            if refused.code != "reason_required":
                messages.error(request, refused.reason)
                return redirect("monitoring:lesson_detail", pk=pk)
            form.add_error("reason", refused.reason)
        else:
            messages.success(request, _("The lesson's status is updated."))
            return redirect("monitoring:lesson_detail", pk=pk)
    return _detail(request, lesson, review_form=form, status=400)


def lesson_attachment(request, pk, attachment_pk):
    """Files are served only to those who may read the lesson (drafts stay private)."""
    lesson = get_lesson_for(request.user, pk)
    attachment = get_visible_or_404(lesson.attachments.all(), pk=attachment_pk)
    return file_response(attachment.file, attachment.filename)
