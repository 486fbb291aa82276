"""Joining API for the secretariat and the Director: acknowledge or decline expressions of
interest, review and complete preliminary assessments, draft joint declarations,
countersign and withdraw them. Each action is one of the joining tables (states.py),
through the services the pages call (docs/api-actions.md). The organisation's signatory
signs through joining/api.py, with their password (ADR 0025)."""

from ninja import Schema
from pydantic import Field

from alliance.accounts.auth import TokenAuth
from alliance.accounts.forms import ReauthForm
from alliance.centres.models import CentreType
from alliance.core import kernel
from alliance.core.access import get_visible_or_404
from alliance.core.api_actions import (
    Resource,
    form_values,
    mount,
    resource_family,
    state_schema,
    step,
    taken_elsewhere,
)
from alliance.core.i18n import FALLBACK
from alliance.core.languages import supported
from alliance.core.models import Scope

from . import services
from .selectors import assessments_visible_to, declarations_visible_to, expressions_visible_to

JoiningStateOut = state_schema(
    "JoiningStateOut",
    "Any object of the joining tables: its id, current status and allowed actions.",
)


def _visible(selector):
    return lambda user, pk: get_visible_or_404(selector(user), pk=pk)


_family = resource_family(
    prefix="joining_staff", base="/joining/staff", schema=JoiningStateOut, tags=["joining: staff"]
)


def _resource(name, path, id_name, model, selector) -> Resource:
    return _family(name, path, id_name, model, _visible(selector))


class JoiningReasonIn(Schema):
    reason: str = Field(max_length=5000)


class JoiningFindingsIn(Schema):
    findings: str = Field(max_length=50_000)


class JoiningDeclarationDraftIn(Schema):
    centre_type: str = Field(max_length=32)
    scope: Scope
    commitments: str = Field("", max_length=50_000)
    language: str = Field(FALLBACK, max_length=10)


expressions = _resource(
    "expression",
    "expressions",
    "expression_id",
    "joining.ExpressionOfInterest",
    expressions_visible_to,
)


expressions.steps(
    services,
    {
        "acknowledge": step(
            "expression_acknowledge", "Acknowledge a submitted expression of interest."
        ),
        "decline": step(
            "expression_decline",
            "Decline an expression of interest, with the reason the organisation reads.",
            JoiningReasonIn,
        ),
    },
)


assessments = _resource(
    "assessment",
    "assessments",
    "assessment_id",
    "joining.PreliminaryAssessment",
    assessments_visible_to,
)


assessments.steps(
    services,
    {
        "start_review": step(
            "assessment_start_review", "Start reviewing a submitted preliminary assessment."
        ),
        "complete": step(
            "assessment_complete", "Complete the review with its findings.", JoiningFindingsIn
        ),
    },
)


@assessments.action("draft_declaration", body=JoiningDeclarationDraftIn)
def draft_declaration(assessment, actor, payload):
    """Draft the joint declaration of a completed assessment, for the organisation to sign."""
    centre_type = get_visible_or_404(CentreType.objects.all(), code=payload.centre_type)
    services.declaration_draft(
        assessment_id=assessment.pk,
        actor=actor,
        centre_type=centre_type,
        scope=payload.scope,
        commitments=payload.commitments,
        language=supported(payload.language) or FALLBACK,
    )


declarations = _resource(
    "declaration",
    "declarations",
    "declaration_id",
    "joining.JointDeclaration",
    declarations_visible_to,
)


class JoiningCountersignIn(Schema):
    password: str = Field(
        min_length=1, max_length=4096, description="the Director's password, checked again"
    )


@declarations.action("countersign", body=JoiningCountersignIn)
def countersign(declaration, actor, payload):
    """The Director countersigns, with their password: the declaration is in force.

    A token alone does not put a declaration in force: the body carries the Director's
    password, checked as the page checks it (ADR 0025). A wrong one is a 422 on `password`
    and nothing is countersigned. The caller's right and the declaration's state are checked
    first (403, 409), so a password is only ever tried by the one person who may
    countersign, on a declaration that can be countersigned."""
    kernel.check(declaration, "countersign", actor)
    form_values(ReauthForm, payload.model_dump(), user=actor)
    services.declaration_countersign(declaration_id=declaration.pk, actor=actor)


declarations.steps(
    services,
    {
        "withdraw": step(
            "declaration_withdraw",
            "Withdraw a declaration not yet in force, with the reason.",
            JoiningReasonIn,
        ),
    },
)


# The applicant's side, taken by the existing routes of joining/api.py.
taken_elsewhere(
    "joining.ExpressionOfInterest",
    {
        "submit": "POST /api/v1/joining/expressions/{expression_id}/submit",
        "start_assessment": "POST /api/v1/joining/expressions/{expression_id}/assessment",
    },
)
taken_elsewhere(
    "joining.PreliminaryAssessment",
    {
        "edit": "POST /api/v1/joining/assessments/{assessment_id}/sections/{section}",
        "submit": "POST /api/v1/joining/assessments/{assessment_id}/submit",
    },
)

router = mount((expressions, assessments, declarations), tags=["joining: staff"], auth=TokenAuth)
