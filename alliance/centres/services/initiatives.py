"""A centre's flagship initiatives: its managers (and the secretariat) record and update them."""

from django.db import transaction
from django.utils.translation import gettext as _

from alliance.core import kernel
from alliance.core.i18n import audit_value
from alliance.core.policy import require
from alliance.core.states import TransitionRefused

from ..models import FlagshipInitiative
from ..states import INITIATIVE_ACTIONS
from .common import lock_centre, registry_changed


def _check_dates(initiative: FlagshipInitiative) -> None:
    if (
        initiative.start_date
        and initiative.end_date
        and initiative.end_date < initiative.start_date
    ):
        raise TransitionRefused(
            _("The end date must be on or after the start date."), code="invalid_dates"
        )


def _snapshot(initiative, fields) -> dict:
    return {f: audit_value(getattr(initiative, f)) for f in fields}


@transaction.atomic
def initiative_create(*, centre_id: int, actor, objectives=(), **fields) -> FlagshipInitiative:
    centre = lock_centre(centre_id)
    require(actor, "centres.centre.add_initiative", centre)
    initiative = FlagshipInitiative(centre=centre, **fields)
    _check_dates(initiative)
    initiative.full_clean(exclude=["objectives"])
    kernel.create(
        initiative,
        actor=actor,
        verb="initiative.created",
        after={"title": audit_value(initiative.title)},
    )
    initiative.objectives.set(objectives)
    registry_changed()
    return initiative


@transaction.atomic
def initiative_update(*, initiative_id: int, actor, objectives=None, **fields):
    """Any of the details, the status among them (the centre's own account of it)."""
    centre_id = FlagshipInitiative.objects.values_list("centre_id", flat=True).get(pk=initiative_id)
    centre = lock_centre(centre_id)
    initiative = kernel.lock(FlagshipInitiative, initiative_id)
    initiative.centre = centre
    action = "edit"
    if "status" in fields and fields["status"] != initiative.status:
        # An unknown status stays an edit: full_clean() below refuses it.
        action = INITIATIVE_ACTIONS.get(fields["status"], "edit")
    kernel.check(initiative, action, actor)
    before = _snapshot(initiative, fields)
    for name, value in fields.items():
        setattr(initiative, name, value)
    _check_dates(initiative)
    initiative.full_clean(exclude=["objectives"])
    kernel.transition(
        initiative,
        action,
        actor=actor,
        fields=fields,
        before=before,
        after=_snapshot(initiative, fields),
    )
    if objectives is not None:
        initiative.objectives.set(objectives)
    registry_changed()
    return initiative
