from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.accounts.models import Organisation, User
from alliance.accounts.roles import StaffRole
from alliance.core.audit import record_event
from alliance.core.states import TransitionRefused, require_transition

from ..models import ExpressionOfInterest
from ..states import EXPRESSION_ALLOWED, ExpressionStatus
from .common import advance, require_manager, require_role

PLAIN_FIELDS = ["instruments", "scope", "motivation", "contact_name", "contact_email"]


def _apply(expression: ExpressionOfInterest, data: dict) -> None:
    for name in PLAIN_FIELDS:
        if name in data:
            setattr(expression, name, data[name] if data[name] is not None else "")
    expression.save()
    if "objectives" in data:
        expression.objectives.set(data["objectives"])
    if "centre_types" in data:
        expression.centre_types.set(data["centre_types"])


@transaction.atomic
def expression_create(
    *, organisation: Organisation, actor: User, data: dict
) -> ExpressionOfInterest:
    """A new draft; nothing is sent until the focal point submits it."""
    require_manager(actor, organisation)
    expression = ExpressionOfInterest(organisation=organisation, created_by=actor)
    _apply(expression, data)
    record_event(actor=actor, verb="expression.created", obj=expression, after=expression.status)
    return expression


@transaction.atomic
def expression_update(*, expression_id: int, actor: User, data: dict) -> ExpressionOfInterest:
    expression = ExpressionOfInterest.objects.select_for_update().get(pk=expression_id)
    require_manager(actor, expression.organisation)
    if expression.status != ExpressionStatus.DRAFT:
        raise TransitionRefused(
            _("Only a draft can be changed. This expression of interest was already submitted."),
            code="not_draft",
        )
    _apply(expression, data)
    return expression


@transaction.atomic
def expression_submit(*, expression_id: int, actor: User) -> ExpressionOfInterest:
    expression = ExpressionOfInterest.objects.select_for_update().get(pk=expression_id)
    require_manager(actor, expression.organisation)
    require_transition(expression, ExpressionStatus.SUBMITTED, EXPRESSION_ALLOWED)
    if not expression.instruments or not expression.motivation.strip():
        raise TransitionRefused(
            _("Choose at least one instrument and write your motivation before submitting."),
            code="incomplete",
        )
    if not expression.contact_email:
        raise TransitionRefused(
            _("Give a contact email address before submitting."), code="incomplete"
        )
    return advance(
        expression,
        ExpressionStatus.SUBMITTED,
        actor=actor,
        event="expression.submitted",
        submitted_at=timezone.now(),
    )


@transaction.atomic
def expression_acknowledge(*, expression_id: int, actor: User) -> ExpressionOfInterest:
    expression = ExpressionOfInterest.objects.select_for_update().get(pk=expression_id)
    require_role(actor, StaffRole.SECRETARIAT)
    require_transition(expression, ExpressionStatus.ACKNOWLEDGED, EXPRESSION_ALLOWED)
    return advance(
        expression,
        ExpressionStatus.ACKNOWLEDGED,
        actor=actor,
        event="expression.acknowledged",
        decided_at=timezone.now(),
    )


@transaction.atomic
def expression_decline(*, expression_id: int, actor: User, reason: str) -> ExpressionOfInterest:
    expression = ExpressionOfInterest.objects.select_for_update().get(pk=expression_id)
    require_role(actor, StaffRole.SECRETARIAT)
    require_transition(expression, ExpressionStatus.DECLINED, EXPRESSION_ALLOWED)
    if not reason.strip():
        raise TransitionRefused(
            _("Give the reason for declining: the organisation will read it."),
            code="reason_required",
        )
    return advance(
        expression,
        ExpressionStatus.DECLINED,
        actor=actor,
        event="expression.declined",
        after={"status": ExpressionStatus.DECLINED, "reason": reason.strip()},
        decline_reason=reason.strip(),
        decided_at=timezone.now(),
    )
