"""Messages about calls: to the applicant organisation's focal points and signatories, and
to reviewers (alliance.notifications); and their dates in the personal calendar feed."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from alliance.accounts.policy import MANAGER_ROLES
from alliance.accounts.selectors import organisation_people
from alliance.notifications.registry import CalendarEntry, calendar, kind, on

from .models import Application, ReviewAssignment
from .states import ASSIGNMENT_ACTIVE, ApplicationStatus, CallStatus

# Both are essential: a deadline or a consequence hangs on every one of these messages (the
# receipt is the proof that an application made its deadline).
kind(
    "calls.applications",
    _("Your applications to calls"),
    description=_(
        "Receipts, screening, requests for information, deadlines and results of your "
        "organisations' applications."
    ),
    essential=True,
    order=20,
)
kind(
    "calls.reviews",
    _("Reviews you are asked to do"),
    description=_("A new review for you, and reminders when it is due."),
    essential=True,
    order=21,
)


def _managers(application, event):
    return organisation_people(application.organisation_id)


def _to_applicants(verb, subject, template):
    on(
        verb,
        kind="calls.applications",
        recipients=_managers,
        subject=subject,
        subject_args=lambda application, event: {"call": str(application.call.title)},
        template=template,
        url=lambda application, event: reverse(
            "calls:application_detail", kwargs={"pk": application.pk}
        ),
        context=lambda application, event: {"application": application, "call": application.call},
        related=("call", "organisation"),
    )


RECEIVED = _("Your application to “%(call)s” was received")
_to_applicants("application.submitted", RECEIVED, "calls/email/submitted.txt")
_to_applicants("application.resubmitted", RECEIVED, "calls/email/submitted.txt")
_to_applicants(
    "application.screened",
    _("Screening of your application to “%(call)s”"),
    "calls/email/screened.txt",
)
_to_applicants(
    "application.more_info_requested",
    _("More information is needed for your application to “%(call)s”"),
    "calls/email/more_info.txt",
)
# Announced per decided application when the call's results are published.
_to_applicants(
    "application.results_published",
    _("Results of the call “%(call)s”"),
    "calls/email/results.txt",
)
# Announced by the deadline command, 7 days and 1 day before the call closes.
_to_applicants(
    "application.closing_reminder",
    _("The call “%(call)s” closes soon: your application is still a draft"),
    "calls/email/closing.txt",
)


def _to_reviewer(verb, subject, template):
    on(
        verb,
        kind="calls.reviews",
        recipients=lambda assignment, event: [assignment.reviewer],
        subject=subject,
        subject_args=lambda assignment, event: {"call": str(assignment.application.call.title)},
        template=template,
        url=lambda assignment, event: reverse("calls:review", kwargs={"pk": assignment.pk}),
        context=lambda assignment, event: {
            "assignment": assignment,
            "call": assignment.application.call,
        },
        related=("reviewer", "application__call", "application__organisation"),
    )


_to_reviewer(
    "review.assigned",
    _("You are asked to review an application to “%(call)s”"),
    "calls/email/assigned.txt",
)
REMINDER = _("Reminder: your review for “%(call)s” is due")
# Sent by the secretariat (audited), and by the deadline command (not audited).
_to_reviewer("review.reminded", REMINDER, "calls/email/reminder.txt")
_to_reviewer("review.reminder_due", REMINDER, "calls/email/reminder.txt")


@calendar
def application_deadlines(user):
    """The deadlines of the applications the person's organisations are drafting (focal
    points and signatories), and the reply dates of information requested from them."""
    if not user.is_authenticated:
        return []
    managed = [org for org, role in user.organisation_roles().items() if role in MANAGER_ROLES]
    if not managed:
        return []
    now = timezone.now()
    rows = (
        Application.objects.filter(organisation_id__in=managed)
        .filter(
            status=ApplicationStatus.DRAFT, call__status=CallStatus.OPEN, call__closes_at__gt=now
        )
        .select_related("call", "organisation")
        .order_by("pk")
    )
    entries = [
        CalendarEntry(
            uid=f"application-{a.pk}-deadline",
            summary=gettext("Deadline of the call “%(call)s” (%(organisation)s)")
            % {"call": str(a.call.title), "organisation": a.organisation},
            start=a.call.closes_at,
            url=reverse("calls:application_detail", kwargs={"pk": a.pk}),
        )
        for a in rows
    ]
    replies = (
        Application.objects.filter(organisation_id__in=managed)
        .filter(status=ApplicationStatus.MORE_INFO_REQUESTED, more_info_due_at__gt=now)
        .select_related("call", "organisation")
        .order_by("pk")
    )
    entries += [
        CalendarEntry(
            uid=f"application-{a.pk}-reply",
            summary=gettext("Reply due: information for the call “%(call)s” (%(organisation)s)")
            % {"call": str(a.call.title), "organisation": a.organisation},
            start=a.more_info_due_at,
            url=reverse("calls:application_detail", kwargs={"pk": a.pk}),
        )
        for a in replies
    ]
    return entries


@calendar
def review_deadlines(user):
    """The due dates of the person's reviews still to do."""
    if not user.is_authenticated:
        return []
    rows = (
        ReviewAssignment.objects.filter(reviewer=user, status__in=ASSIGNMENT_ACTIVE)
        .select_related("application__call", "application__organisation")
        .order_by("pk")
    )
    return [
        CalendarEntry(
            uid=f"review-{a.pk}-due",
            summary=gettext("Review due: %(organisation)s, call “%(call)s”")
            % {"organisation": a.application.organisation, "call": str(a.application.call.title)},
            start=a.due_at,
            url=reverse("calls:review", kwargs={"pk": a.pk}),
        )
        for a in rows
    ]
