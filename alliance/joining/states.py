"""The three lifecycles of joining the Alliance, as plain transition tables."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ExpressionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    CONVERTED = "converted", _("Preliminary assessment requested")
    DECLINED = "declined", _("Declined")


EXPRESSION_ALLOWED = {
    ExpressionStatus.DRAFT: {ExpressionStatus.SUBMITTED},
    ExpressionStatus.SUBMITTED: {ExpressionStatus.ACKNOWLEDGED, ExpressionStatus.DECLINED},
    ExpressionStatus.ACKNOWLEDGED: {ExpressionStatus.CONVERTED, ExpressionStatus.DECLINED},
}


class AssessmentStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    IN_REVIEW = "in_review", _("In review")
    COMPLETED = "completed", _("Completed")


ASSESSMENT_ALLOWED = {
    AssessmentStatus.DRAFT: {AssessmentStatus.SUBMITTED},
    AssessmentStatus.SUBMITTED: {AssessmentStatus.IN_REVIEW},
    AssessmentStatus.IN_REVIEW: {AssessmentStatus.COMPLETED},
}


class DeclarationStatus(models.TextChoices):
    DRAFTED = "drafted", _("Drafted")
    SIGNED = "signed_by_organisation", _("Signed by the organisation")
    IN_FORCE = "countersigned", _("In force")
    WITHDRAWN = "withdrawn", _("Withdrawn")


DECLARATION_ALLOWED = {
    DeclarationStatus.DRAFTED: {DeclarationStatus.SIGNED, DeclarationStatus.WITHDRAWN},
    DeclarationStatus.SIGNED: {DeclarationStatus.IN_FORCE, DeclarationStatus.WITHDRAWN},
}


class SectionStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")


STATUS_TAG = {
    "draft": "tag-grey",
    "submitted": "",
    "acknowledged": "tag-green",
    "converted": "tag-green",
    "declined": "tag-red",
    "in_review": "tag-yellow",
    "completed": "tag-green",
    "drafted": "tag-grey",
    "signed_by_organisation": "tag-yellow",
    "countersigned": "tag-green",
    "withdrawn": "tag-red",
}
