from django.db import transaction
from django.utils.translation import gettext as _

from alliance.accounts.models import Membership, MembershipRole
from alliance.accounts.roles import has_role
from alliance.core.audit import record_event
from alliance.core.states import PermissionRefused

from ..tasks import notify


def require_manager(actor, organisation) -> None:
    if not Membership.objects.filter(
        user=actor,
        organisation=organisation,
        role__in=[MembershipRole.FOCAL_POINT, MembershipRole.SIGNATORY],
    ).exists():
        raise PermissionRefused(_("Only a focal point or an authorised signatory can do this."))


def require_role(actor, *roles, message: str | None = None) -> None:
    if not has_role(actor, *roles):
        raise PermissionRefused(message)


def notify_after_commit(obj, event: str) -> None:
    model_name, pk = obj._meta.model_name, obj.pk
    transaction.on_commit(lambda: notify.enqueue(model_name, pk, event))


def advance(obj, status, *, actor, event: str, after=None, **changes):
    """The common tail of a joining transition: set the status and the other changed
    fields, save only those, record the audit event and notify after commit.
    The caller has already locked the row and checked the transition table."""
    before = obj.status
    obj.status = status
    for name, value in changes.items():
        setattr(obj, name, value)
    obj.save(update_fields=["status", *changes])
    record_event(
        actor=actor,
        verb=event,
        obj=obj,
        before=before,
        after=obj.status if after is None else after,
    )
    notify_after_commit(obj, event)
    return obj
