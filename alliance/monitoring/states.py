"""The lifecycles of monitoring, as plain transition tables (docs/states/monitoring.md).

Opening a report is the creation of its row by the `open_reports` job, and reminders change
no state: neither is an action here (services/schedule.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from alliance.core.kernel import Action, Machine


class ReportStatus(models.TextChoices):
    DUE = "due", _("Due")
    SUBMITTED = "submitted", _("Submitted")
    ACCEPTED = "accepted", _("Accepted")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")


R = ReportStatus
FILL = "monitoring.report.fill"
DECIDE = "monitoring.report.decide"
REPORT = Machine(
    "monitoring.CentreReport",
    ReportStatus,
    {
        # Drafts, values, initiative progress and attachments (services/reports.py).
        "edit": Action(
            [R.DUE, R.CHANGES_REQUESTED],
            None,
            "report.saved",
            rule=FILL,
            refused=_("This report was submitted: it can no longer be changed."),
            refused_code="not_editable",
        ),
        "submit": Action([R.DUE, R.CHANGES_REQUESTED], R.SUBMITTED, "report.submitted", FILL),
        "accept": Action([R.SUBMITTED], R.ACCEPTED, "report.accepted", DECIDE),
        "request_changes": Action(
            [R.SUBMITTED], R.CHANGES_REQUESTED, "report.changes_requested", DECIDE
        ),
    },
)

# The centre can still type into the report (and is reminded of it).
EDITABLE_STATES = frozenset(REPORT.action("edit").source)

# Display only: the colour of a report's status tag.
REPORT_TAG = {
    R.SUBMITTED: "tag-yellow",
    R.ACCEPTED: "tag-green",
    R.CHANGES_REQUESTED: "tag-red",
}


class LessonStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Waiting for review")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    PUBLISHED = "published", _("Published")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


L = LessonStatus
CHANGE_LESSON = "monitoring.lesson.change"
MODERATE_LESSON = "monitoring.lesson.moderate"
# What a centre writes reaches the public library only once the Lab has read it: the
# author submits, the Lab publishes, asks for changes or declines (with a reason). The
# Lab's own lessons need no review: a moderator publishes a draft directly.
LESSON = Machine(
    "monitoring.LessonLearned",
    LessonStatus,
    {
        "edit": Action(
            [L.DRAFT, L.CHANGES_REQUESTED],
            None,
            "lesson.updated",
            CHANGE_LESSON,
            refused=_("This lesson can no longer be changed."),
            refused_code="not_editable",
        ),
        "submit": Action(
            [L.DRAFT, L.CHANGES_REQUESTED, L.WITHDRAWN],
            L.SUBMITTED,
            "lesson.submitted",
            "monitoring.lesson.submit",
        ),
        "publish": Action(
            [L.DRAFT, L.SUBMITTED, L.WITHDRAWN], L.PUBLISHED, "lesson.published", MODERATE_LESSON
        ),
        "request_changes": Action(
            [L.SUBMITTED], L.CHANGES_REQUESTED, "lesson.changes_requested", MODERATE_LESSON
        ),
        "decline": Action([L.SUBMITTED], L.DECLINED, "lesson.declined", MODERATE_LESSON),
        "withdraw": Action([L.PUBLISHED], L.WITHDRAWN, "lesson.withdrawn", CHANGE_LESSON),
    },
)

# The status a person asks for on the lesson page -> the action that leads there.
LESSON_ACTION_TO = {
    L.SUBMITTED: "submit",
    L.PUBLISHED: "publish",
    L.CHANGES_REQUESTED: "request_changes",
    L.DECLINED: "decline",
    L.WITHDRAWN: "withdraw",
}
# The Lab tells the author why.
LESSON_REASON_REQUIRED = {"request_changes", "decline"}
LESSON_TAG = {
    L.SUBMITTED: "tag-yellow",
    L.CHANGES_REQUESTED: "tag-red",
    L.DECLINED: "tag-red",
    L.PUBLISHED: "tag-green",
}
