"""Access-checked fetchers for monitoring: a 404 for what a person may not see. Who may do
what is in policy.py."""

from django.db.models import Q, QuerySet

from alliance.centres.permissions import managed_centres
from alliance.core.access import get_visible_or_404
from alliance.core.policy import can

from .models import CentreReport, LessonLearned
from .states import LessonStatus


def reports_visible_to(user) -> QuerySet[CentreReport]:
    """Staff see every report; a member of a host organisation sees its centres' reports."""
    rows = CentreReport.objects.select_related("centre", "period")
    if can(user, "monitoring.staff"):
        return rows
    return rows.filter(centre__in=managed_centres(user).values("pk"))


def get_report_for(user, pk: int) -> CentreReport:
    return get_visible_or_404(reports_visible_to(user), pk=pk)


def lessons_visible_to(user) -> QuerySet[LessonLearned]:
    """Everyone reads the published lessons; authors also their own, the Lab every one."""
    rows = LessonLearned.objects.select_related(
        "objective", "region", "centre", "author"
    ).prefetch_related("attachments")
    if can(user, "monitoring.lesson.moderate"):
        return rows
    if getattr(user, "is_authenticated", False):
        return rows.filter(Q(status=LessonStatus.PUBLISHED) | Q(author=user))
    return rows.filter(status=LessonStatus.PUBLISHED)


def get_lesson_for(user, pk: int) -> LessonLearned:
    return get_visible_or_404(lessons_visible_to(user), pk=pk)
