"""Messages about centre reports (alliance.notifications): to the members of the centre's
host organisation when a report opens, falls due or is decided, and to the Lab experts when
one is submitted. Also the report due dates in the centre managers' calendar feeds."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from alliance.accounts.policy import MANAGER_ROLES
from alliance.accounts.roles import StaffRole
from alliance.accounts.selectors import organisation_people, staff_in
from alliance.notifications.registry import CalendarEntry, calendar, kind, on

from .models import CentreReport
from .states import EDITABLE_STATES

kind(
    "monitoring.reports_due",
    _("Your centres' reports to fill in"),
    description=_(
        "A report opens, its due date comes near or has passed, or the Lab asks for changes."
    ),
    essential=True,
    order=60,
)
kind(
    "monitoring.report_decisions",
    _("Your centres' reports accepted"),
    description=_("The Lab accepted a report of your centre."),
    order=61,
)
kind(
    "monitoring.reports_to_review",
    _("Centre reports to review"),
    description=_("For Lab experts: a centre submitted its report."),
    order=62,
)


def _centre_people(report, event):
    """Every member of the host organisation, as the centre's reports were always sent."""
    return organisation_people(report.centre.host_organisation_id, managers_only=False)


def _lab_experts(report, event):
    return staff_in(StaffRole.LAB_EXPERT)


def _url(report, event):
    return reverse("monitoring:report_detail", kwargs={"pk": report.pk})


SUBJECTS = {
    "report.opened": (
        "monitoring.reports_due",
        _("Your centre's report is open: %(centre)s, due %(due)s"),
    ),
    "report.reminder_before": (
        "monitoring.reports_due",
        _("Reminder: your centre's report is due on %(due)s (%(centre)s)"),
    ),
    "report.reminder_after": (
        "monitoring.reports_due",
        _("Your centre's report is late: it was due on %(due)s (%(centre)s)"),
    ),
    "report.submitted": (
        "monitoring.reports_to_review",
        _("A centre submitted its report: %(centre)s"),
    ),
    "report.accepted": (
        "monitoring.report_decisions",
        _("The Lab accepted your centre's report (%(centre)s)"),
    ),
    "report.changes_requested": (
        "monitoring.reports_due",
        _("The Lab asks for changes to your centre's report (%(centre)s)"),
    ),
}

for verb, (kind_code, subject) in SUBJECTS.items():
    on(
        verb,
        kind=kind_code,
        recipients=_lab_experts if verb == "report.submitted" else _centre_people,
        subject=subject,
        subject_args=lambda report, event: {
            "centre": report.centre.name,
            "due": report.due_date.isoformat(),
        },
        template="monitoring/email/notification.txt",
        url=_url,
        context=lambda report, event: {"report": report},
        related=("centre", "period"),
    )


@calendar
def report_due_dates(user):
    """For the focal points and signatories of a centre's host organisation: the due dates
    of the centre's reports still to be submitted."""
    if not getattr(user, "is_authenticated", False):
        return []
    reports = (
        CentreReport.objects.filter(
            status__in=EDITABLE_STATES,
            centre__host_organisation__memberships__user=user,
            centre__host_organisation__memberships__role__in=MANAGER_ROLES,
        )
        .select_related("centre", "period")
        .distinct()
        .order_by("due_date", "pk")
    )
    return [
        CalendarEntry(
            uid=f"centre-report-{report.pk}-due",
            summary=_("Report due: %(centre)s (%(period)s)")
            % {"centre": report.centre.name, "period": report.period},
            start=report.due_date,
            url=_url(report, None),
        )
        for report in reports
    ]


# --- lessons learned: the Lab reviews what a centre writes ----------------------------

kind(
    "monitoring.lesson_reviews",
    _("Your lessons learned reviewed"),
    description=_("The Lab published your lesson, asked for changes or declined it."),
    order=63,
)
kind(
    "monitoring.lessons_to_review",
    _("Lessons learned to review"),
    description=_("For Lab experts: a centre sent a lesson for the public library."),
    order=64,
)


def _lesson_author(lesson, event):
    """The author (a centre's manager); the Lab's own lessons are not reviewed, and the
    Lab does not write to itself about its own decision."""
    author = lesson.author
    if author is None or not author.is_active or author.pk == event.actor_id:
        return []
    return [author]


def _lesson_url(lesson, event):
    return reverse("monitoring:lesson_detail", kwargs={"pk": lesson.pk})


LESSON_SUBJECTS = {
    "lesson.submitted": (
        "monitoring.lessons_to_review",
        _("A lesson learned is waiting for review: %(title)s"),
    ),
    "lesson.published": (
        "monitoring.lesson_reviews",
        _("Your lesson learned is published in the library: %(title)s"),
    ),
    "lesson.changes_requested": (
        "monitoring.lesson_reviews",
        _("The Lab asks for changes to your lesson learned: %(title)s"),
    ),
    "lesson.declined": (
        "monitoring.lesson_reviews",
        _("The Lab declined your lesson learned: %(title)s"),
    ),
}

for verb, (kind_code, subject) in LESSON_SUBJECTS.items():
    on(
        verb,
        kind=kind_code,
        recipients=(lambda lesson, event: staff_in(StaffRole.LAB_EXPERT))
        if verb == "lesson.submitted"
        else _lesson_author,
        subject=subject,
        subject_args=lambda lesson, event: {"title": lesson.title},
        template="monitoring/email/lesson.txt",
        url=_lesson_url,
        context=lambda lesson, event: {"lesson": lesson},
        related=("author", "centre"),
    )
