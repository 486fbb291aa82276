"""The three lifecycles of joining the Alliance, as plain transition tables."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from alliance.core.kernel import Action, Machine


class ExpressionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    CONVERTED = "converted", _("Preliminary assessment requested")
    DECLINED = "declined", _("Declined")


E = ExpressionStatus
EXPRESSION = Machine(
    "joining.ExpressionOfInterest",
    ExpressionStatus,
    {
        "edit": Action(
            [E.DRAFT],
            None,
            "expression.updated",
            rule="joining.expression.manage",
            refused=_(
                "Only a draft can be changed. This expression of interest was already submitted."
            ),
            refused_code="not_draft",
        ),
        "submit": Action(
            [E.DRAFT], E.SUBMITTED, "expression.submitted", "joining.expression.manage"
        ),
        "acknowledge": Action(
            [E.SUBMITTED], E.ACKNOWLEDGED, "expression.acknowledged", "joining.expression.handle"
        ),
        "decline": Action(
            [E.SUBMITTED, E.ACKNOWLEDGED],
            E.DECLINED,
            "expression.declined",
            "joining.expression.handle",
        ),
        "start_assessment": Action(
            [E.ACKNOWLEDGED], E.CONVERTED, "expression.converted", "joining.expression.manage"
        ),
    },
)


class AssessmentStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    IN_REVIEW = "in_review", _("In review")
    COMPLETED = "completed", _("Completed")


PA = AssessmentStatus
ASSESSMENT = Machine(
    "joining.PreliminaryAssessment",
    AssessmentStatus,
    {
        "edit": Action(
            [PA.DRAFT],
            None,
            "assessment.section_saved",
            rule="joining.assessment.manage",
            refused=_("The assessment was submitted: it can no longer be changed."),
            refused_code="not_draft",
        ),
        "submit": Action(
            [PA.DRAFT], PA.SUBMITTED, "assessment.submitted", "joining.assessment.manage"
        ),
        "start_review": Action(
            [PA.SUBMITTED], PA.IN_REVIEW, "assessment.in_review", "joining.assessment.review"
        ),
        "complete": Action(
            [PA.IN_REVIEW], PA.COMPLETED, "assessment.completed", "joining.assessment.review"
        ),
        # Not a change of the assessment: what can be done with a completed one.
        "draft_declaration": Action(
            [PA.COMPLETED],
            None,
            "declaration.drafted",
            rule="joining.declaration.draft",
            refused=_(
                "A joint declaration can only be drafted from a completed preliminary assessment."
            ),
            refused_code="assessment_not_completed",
        ),
    },
)


class DeclarationStatus(models.TextChoices):
    DRAFTED = "drafted", _("Drafted")
    SIGNED = "signed_by_organisation", _("Signed by the organisation")
    IN_FORCE = "countersigned", _("In force")
    WITHDRAWN = "withdrawn", _("Withdrawn")


D = DeclarationStatus
DECLARATION = Machine(
    "joining.JointDeclaration",
    DeclarationStatus,
    {
        "sign": Action([D.DRAFTED], D.SIGNED, "declaration.signed", "joining.declaration.sign"),
        "countersign": Action(
            [D.SIGNED], D.IN_FORCE, "declaration.countersigned", "joining.declaration.countersign"
        ),
        "withdraw": Action(
            [D.DRAFTED, D.SIGNED],
            D.WITHDRAWN,
            "declaration.withdrawn",
            "joining.declaration.withdraw",
        ),
    },
)


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
