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
from alliance.core.states import TransitionRefused

from .. import services
from ..forms import LessonFilterForm, LessonForm
from ..models import LessonLearned
from ..permissions import is_lab
from ..selectors import lessons_library
from ..states import LessonStatus


@public_page
def library(request):
    form = LessonFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    page = Paginator(lessons_library(filters), 20).get_page(request.GET.get("page"))
    return render(request, "monitoring/lessons.html", {"form": form, "page": page})


def _lessons_visible_to(user):
    rows = LessonLearned.objects.select_related(
        "objective", "region", "centre", "author"
    ).prefetch_related("attachments")
    if is_lab(user):
        return rows
    if getattr(user, "is_authenticated", False):
        from django.db.models import Q

        return rows.filter(Q(status=LessonStatus.PUBLISHED) | Q(author=user))
    return rows.filter(status=LessonStatus.PUBLISHED)


@public_page
def lesson_detail(request, pk):
    lesson = get_visible_or_404(_lessons_visible_to(request.user), pk=pk)
    can_change = request.user.is_authenticated and (
        is_lab(request.user) or lesson.author_id == request.user.pk
    )
    return render(
        request,
        "monitoring/lesson_detail.html",
        {
            "lesson": lesson,
            "body": services.render_markdown(lesson.body),
            "can_change": can_change,
        },
    )


def _author_centres(user):
    if is_lab(user):
        return Centre.objects.order_by("name")
    return managed_centres(user).order_by("name")


@login_required
@require_http_methods(["GET", "POST"])
def lesson_create(request):
    centres = _author_centres(request.user)
    if not is_lab(request.user) and not centres.exists():
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
                if lesson.status == LessonStatus.PUBLISHED
                else _("The lesson is saved as a draft."),
            )
            return redirect("monitoring:lesson_detail", pk=lesson.pk)
    return render(request, "monitoring/lesson_form.html", {"form": form})


@login_required
@require_POST
def lesson_status(request, pk):
    lesson = get_visible_or_404(_lessons_visible_to(request.user), pk=pk)
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
    from django.http import FileResponse

    lesson = get_visible_or_404(_lessons_visible_to(request.user), pk=pk)
    attachment = get_visible_or_404(lesson.attachments.all(), pk=attachment_pk)
    return FileResponse(
        attachment.file.open("rb"), as_attachment=True, filename=attachment.filename
    )
