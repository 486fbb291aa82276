from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.accounts.models import User
from alliance.accounts.roles import StaffRole
from alliance.core.audit import record_event
from alliance.core.states import TransitionRefused, require_transition

from ..models import ExpressionOfInterest, PreliminaryAssessment, Section
from ..sections import SECTION_FIELDS, missing_sections, section_status
from ..states import (
    ASSESSMENT_ALLOWED,
    EXPRESSION_ALLOWED,
    AssessmentStatus,
    ExpressionStatus,
)
from .common import advance, notify_after_commit, require_manager, require_role

REVIEW_ROLES = (StaffRole.SECRETARIAT, StaffRole.LAB_EXPERT)


@transaction.atomic
def assessment_start(*, expression_id: int, actor: User) -> PreliminaryAssessment:
    """Request the preliminary assessment: the expression of interest becomes converted."""
    expression = ExpressionOfInterest.objects.select_for_update().get(pk=expression_id)
    require_manager(actor, expression.organisation)
    require_transition(expression, ExpressionStatus.CONVERTED, EXPRESSION_ALLOWED)
    before = expression.status
    expression.status = ExpressionStatus.CONVERTED
    expression.save(update_fields=["status"])
    assessment = PreliminaryAssessment.objects.create(
        organisation=expression.organisation,
        expression=expression,
        objectives=list(expression.objectives.values_list("code", flat=True)),
        scope=expression.scope,
    )
    assessment.section_status = {s: section_status(assessment, s) for s in Section.values}
    assessment.save(update_fields=["section_status"])
    record_event(
        actor=actor,
        verb="expression.converted",
        obj=expression,
        before=before,
        after=expression.status,
    )
    record_event(actor=actor, verb="assessment.started", obj=assessment, after=assessment.status)
    notify_after_commit(assessment, "assessment.started")
    return assessment


@transaction.atomic
def assessment_save_section(
    *, assessment_id: int, actor: User, section: str, data: dict
) -> PreliminaryAssessment:
    """Save what was typed in one section, complete or not (a draft is saved at every step)."""
    assessment = PreliminaryAssessment.objects.select_for_update().get(pk=assessment_id)
    require_manager(actor, assessment.organisation)
    if assessment.status != AssessmentStatus.DRAFT:
        raise TransitionRefused(
            _("The assessment was submitted: it can no longer be changed."), code="not_draft"
        )
    fields = SECTION_FIELDS[Section(section)]
    for name in fields:
        if name not in data:
            continue
        value = data[name]
        if name == "pillars":
            merged = dict(assessment.pillars)
            merged.update(value)
            value = merged
        if value is None and name in ("scope", "ownership", "sponsor"):
            value = ""
        elif value is None and name in ("objectives", "funding_sources", "human_resources"):
            value = []
        setattr(assessment, name, value)
    assessment.section_status = {
        **assessment.section_status,
        section: section_status(assessment, section),
    }
    assessment.save(update_fields=[*fields, "section_status", "updated_at"])
    return assessment


@transaction.atomic
def assessment_submit(*, assessment_id: int, actor: User) -> PreliminaryAssessment:
    assessment = PreliminaryAssessment.objects.select_for_update().get(pk=assessment_id)
    require_manager(actor, assessment.organisation)
    require_transition(assessment, AssessmentStatus.SUBMITTED, ASSESSMENT_ALLOWED)
    missing = missing_sections(assessment)
    if missing:
        raise TransitionRefused(
            _("Complete every section before submitting. Still to complete: %(sections)s.")
            % {"sections": ", ".join(missing)},
            code="incomplete",
        )
    return advance(
        assessment,
        AssessmentStatus.SUBMITTED,
        actor=actor,
        event="assessment.submitted",
        submitted_at=timezone.now(),
    )


@transaction.atomic
def assessment_start_review(*, assessment_id: int, actor: User) -> PreliminaryAssessment:
    assessment = PreliminaryAssessment.objects.select_for_update().get(pk=assessment_id)
    require_role(actor, *REVIEW_ROLES)
    require_transition(assessment, AssessmentStatus.IN_REVIEW, ASSESSMENT_ALLOWED)
    return advance(
        assessment,
        AssessmentStatus.IN_REVIEW,
        actor=actor,
        event="assessment.in_review",
        reviewer=actor,
    )


@transaction.atomic
def assessment_complete(*, assessment_id: int, actor: User, findings: str) -> PreliminaryAssessment:
    assessment = PreliminaryAssessment.objects.select_for_update().get(pk=assessment_id)
    require_role(actor, *REVIEW_ROLES)
    require_transition(assessment, AssessmentStatus.COMPLETED, ASSESSMENT_ALLOWED)
    if not findings.strip():
        raise TransitionRefused(
            _("Write the findings of the review before completing it."), code="findings_required"
        )
    return advance(
        assessment,
        AssessmentStatus.COMPLETED,
        actor=actor,
        event="assessment.completed",
        findings=findings.strip(),
        completed_at=timezone.now(),
        reviewer=actor,
    )
