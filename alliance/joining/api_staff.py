"""Joining API for the secretariat and the Director: acknowledge or decline expressions of
interest, review and complete preliminary assessments, draft joint declarations,
countersign and withdraw them. Each action is one of the joining tables (states.py),
through the services the pages call (docs/api-actions.md). Signing a declaration stays
on its page, which asks the signatory's password again."""

from ninja import Router, Schema
from pydantic import Field

from alliance.accounts.auth import TokenAuth
from alliance.centres.models import CentreType
from alliance.core.access import get_visible_or_404
from alliance.core.api_actions import Resource, actions_of, register, taken_elsewhere
from alliance.core.i18n import FALLBACK
from alliance.core.languages import supported
from alliance.core.models import Scope

from . import services
from .selectors import assessments_visible_to, declarations_visible_to, expressions_visible_to


class JoiningStateOut(Schema):
    """Any object of the joining tables: its id, current status and allowed actions."""

    id: int
    kind: str
    label: str
    status: str
    actions: list[str]


def _out(kind: str):
    def out(obj, user) -> dict:
        return {
            "id": obj.pk,
            "kind": kind,
            "label": str(obj),
            "status": obj.status,
            "actions": actions_of(obj, user),
        }

    return out


def _visible(selector):
    return lambda user, pk: get_visible_or_404(selector(user), pk=pk)


def _resource(name, path, id_name, model, selector) -> Resource:
    return register(
        Resource(
            name=f"joining_staff_{name}",
            path=f"/joining/staff/{path}",
            id_name=id_name,
            model=model,
            fetch=_visible(selector),
            out=_out(name),
            schema=JoiningStateOut,
            tags=["joining: staff"],
        )
    )


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


@expressions.action("acknowledge")
def acknowledge(expression, actor, payload):
    """Acknowledge a submitted expression of interest."""
    services.expression_acknowledge(expression_id=expression.pk, actor=actor)


@expressions.action("decline", body=JoiningReasonIn)
def decline(expression, actor, payload):
    """Decline an expression of interest, with the reason the organisation reads."""
    services.expression_decline(expression_id=expression.pk, actor=actor, reason=payload.reason)


assessments = _resource(
    "assessment",
    "assessments",
    "assessment_id",
    "joining.PreliminaryAssessment",
    assessments_visible_to,
)


@assessments.action("start_review")
def start_review(assessment, actor, payload):
    """Start reviewing a submitted preliminary assessment."""
    services.assessment_start_review(assessment_id=assessment.pk, actor=actor)


@assessments.action("complete", body=JoiningFindingsIn)
def complete(assessment, actor, payload):
    """Complete the review with its findings."""
    services.assessment_complete(
        assessment_id=assessment.pk, actor=actor, findings=payload.findings
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


@declarations.action("countersign")
def countersign(declaration, actor, payload):
    """The Director countersigns: the declaration is in force."""
    services.declaration_countersign(declaration_id=declaration.pk, actor=actor)


@declarations.action("withdraw", body=JoiningReasonIn)
def withdraw(declaration, actor, payload):
    """Withdraw a declaration not yet in force, with the reason."""
    services.declaration_withdraw(declaration_id=declaration.pk, actor=actor, reason=payload.reason)


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

router = Router(tags=["joining: staff"], auth=TokenAuth())
for resource in (expressions, assessments, declarations):
    router.add_router("/", resource.router(TokenAuth()))
