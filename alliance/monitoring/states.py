from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportStatus(models.TextChoices):
    DUE = "due", _("Due")
    SUBMITTED = "submitted", _("Submitted")
    ACCEPTED = "accepted", _("Accepted")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")


REPORT_ALLOWED = {
    ReportStatus.DUE: {ReportStatus.SUBMITTED},
    ReportStatus.SUBMITTED: {ReportStatus.ACCEPTED, ReportStatus.CHANGES_REQUESTED},
    ReportStatus.CHANGES_REQUESTED: {ReportStatus.SUBMITTED},
}

# The centre can still type into the report.
EDITABLE_STATES = {ReportStatus.DUE, ReportStatus.CHANGES_REQUESTED}


class LessonStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


LESSON_ALLOWED = {
    LessonStatus.DRAFT: {LessonStatus.PUBLISHED},
    LessonStatus.PUBLISHED: {LessonStatus.WITHDRAWN},
    LessonStatus.WITHDRAWN: {LessonStatus.PUBLISHED},
}
