from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.accounts.models import User
from alliance.centres.selectors import cost_version_on
from alliance.core import kernel
from alliance.core.states import TransitionRefused

from ..models import ExpressionOfInterest, PreliminaryAssessment, Section
from ..sections import SECTION_FIELDS, missing_sections, section_status


@transaction.atomic
def assessment_start(*, expression_id: int, actor: User) -> PreliminaryAssessment:
    """Request the preliminary assessment: the expression of interest becomes converted."""
    expression = kernel.lock(ExpressionOfInterest, expression_id)
    kernel.transition(expression, "start_assessment", actor=actor)
    assessment = PreliminaryAssessment(
        organisation=expression.organisation,
        expression=expression,
        objectives=list(expression.objectives.values_list("code", flat=True)),
        scope=expression.scope,
    )
    assessment.section_status = {s: section_status(assessment, s) for s in Section.values}
    return kernel.create(
        assessment, actor=actor, verb="assessment.started", after=assessment.status
    )


@transaction.atomic
def assessment_save_section(
    *, assessment_id: int, actor: User, section: str, data: dict
) -> PreliminaryAssessment:
    """Save what was typed in one section, complete or not (a draft is saved at every step)."""
    assessment = kernel.lock(PreliminaryAssessment, assessment_id)
    kernel.check(assessment, "edit", actor)
    changes = {}
    for name in SECTION_FIELDS[Section(section)]:
        if name not in data:
            continue
        value = data[name]
        if name == "pillars":
            value = {**assessment.pillars, **value}
        if value is None and name in ("scope", "ownership", "sponsor"):
            value = ""
        elif value is None and name in ("objectives", "funding_sources", "human_resources"):
            value = []
        changes[name] = value
        setattr(assessment, name, value)
    changes["section_status"] = {
        **assessment.section_status,
        section: section_status(assessment, section),
    }
    return kernel.transition(
        assessment,
        "edit",
        actor=actor,
        fields=changes,
        after={"section": section, "status": changes["section_status"][section]},
        notify=False,
    )


@transaction.atomic
def assessment_submit(*, assessment_id: int, actor: User) -> PreliminaryAssessment:
    assessment = kernel.lock(PreliminaryAssessment, assessment_id)
    kernel.check(assessment, "submit", actor)
    missing = missing_sections(assessment)
    if missing:
        raise TransitionRefused(
            _("Complete every section before submitting. Still to complete: %(sections)s.")
            % {"sections": ", ".join(missing)},
            code="incomplete",
        )
    # The estimate is fixed with the figures in effect now (see recommendation_for).
    return kernel.transition(
        assessment,
        "submit",
        actor=actor,
        fields={"submitted_at": timezone.now(), "cost_model": cost_version_on()},
    )


@transaction.atomic
def assessment_start_review(*, assessment_id: int, actor: User) -> PreliminaryAssessment:
    assessment = kernel.lock(PreliminaryAssessment, assessment_id)
    return kernel.transition(assessment, "start_review", actor=actor, fields={"reviewer": actor})


@transaction.atomic
def assessment_complete(*, assessment_id: int, actor: User, findings: str) -> PreliminaryAssessment:
    assessment = kernel.lock(PreliminaryAssessment, assessment_id)
    kernel.check(assessment, "complete", actor)
    if not findings.strip():
        raise TransitionRefused(
            _("Write the findings of the review before completing it."), code="findings_required"
        )
    return kernel.transition(
        assessment,
        "complete",
        actor=actor,
        fields={"findings": findings.strip(), "completed_at": timezone.now(), "reviewer": actor},
    )
