from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.accounts.models import Organisation, User
from alliance.core import kernel, policy
from alliance.core.states import TransitionRefused

from ..models import ExpressionOfInterest

PLAIN_FIELDS = ["instruments", "scope", "motivation", "contact_name", "contact_email"]


def _plain(data: dict) -> dict:
    return {
        name: data[name] if data[name] is not None else "" for name in PLAIN_FIELDS if name in data
    }


def _set_relations(expression: ExpressionOfInterest, data: dict) -> None:
    if "objectives" in data:
        expression.objectives.set(data["objectives"])
    if "centre_types" in data:
        expression.centre_types.set(data["centre_types"])


@transaction.atomic
def expression_create(
    *, organisation: Organisation, actor: User, data: dict
) -> ExpressionOfInterest:
    """A new draft; nothing is sent until the focal point submits it."""
    expression = ExpressionOfInterest(organisation=organisation, created_by=actor, **_plain(data))
    policy.require(actor, "joining.expression.manage", expression)
    kernel.create(expression, actor=actor, verb="expression.created", after=expression.status)
    _set_relations(expression, data)
    return expression


@transaction.atomic
def expression_update(*, expression_id: int, actor: User, data: dict) -> ExpressionOfInterest:
    expression = kernel.lock(ExpressionOfInterest, expression_id)
    kernel.check(expression, "edit", actor)
    kernel.transition(expression, "edit", actor=actor, fields=_plain(data))
    _set_relations(expression, data)
    return expression


@transaction.atomic
def expression_submit(*, expression_id: int, actor: User) -> ExpressionOfInterest:
    expression = kernel.lock(ExpressionOfInterest, expression_id)
    kernel.check(expression, "submit", actor)
    if not expression.instruments or not expression.motivation.strip():
        raise TransitionRefused(
            _("Choose at least one instrument and write your motivation before submitting."),
            code="incomplete",
        )
    if not expression.contact_email:
        raise TransitionRefused(
            _("Give a contact email address before submitting."), code="incomplete"
        )
    return kernel.transition(
        expression, "submit", actor=actor, fields={"submitted_at": timezone.now()}
    )


@transaction.atomic
def expression_acknowledge(*, expression_id: int, actor: User) -> ExpressionOfInterest:
    expression = kernel.lock(ExpressionOfInterest, expression_id)
    return kernel.transition(
        expression, "acknowledge", actor=actor, fields={"decided_at": timezone.now()}
    )


@transaction.atomic
def expression_decline(*, expression_id: int, actor: User, reason: str) -> ExpressionOfInterest:
    expression = kernel.lock(ExpressionOfInterest, expression_id)
    kernel.check(expression, "decline", actor)
    if not reason.strip():
        raise TransitionRefused(
            _("Give the reason for declining: the organisation will read it."),
            code="reason_required",
        )
    return kernel.transition(
        expression,
        "decline",
        actor=actor,
        fields={"decline_reason": reason.strip(), "decided_at": timezone.now()},
        after={"status": "declined", "reason": reason.strip()},
    )
