"""Pilot countries and centres: the BDT Director's decision, audited."""

from django.db import transaction
from django.utils.translation import gettext as _

from alliance.core import kernel, policy
from alliance.core.i18n import Translations
from alliance.core.states import TransitionRefused

from ..models import Pilot
from ..states import PilotStatus


@transaction.atomic
def pilot_designate(*, actor, country, rationale, designated_on, centre=None) -> Pilot:
    """Only the Director; the draft announcement is proposed after commit (drafts.py)."""
    policy.require(actor, "news.pilot.designate")
    if centre is not None and centre.country_id != country.pk:
        raise TransitionRefused(_("The centre is not in this country."), "centre_elsewhere")
    current = Pilot.objects.filter(
        country=country, centre=centre, status=PilotStatus.DESIGNATED
    ).exists()
    if current:
        raise TransitionRefused(_("This country or centre is already a pilot."), "already_pilot")
    pilot = Pilot(
        country=country,
        centre=centre,
        rationale=Translations.of(rationale),
        designated_on=designated_on,
        designated_by=actor,
    )
    pilot.full_clean(exclude=["designated_by", "centre"])
    return kernel.create(pilot, actor=actor, verb="pilot.designated")


@transaction.atomic
def pilot_end(*, pilot_id: int, actor, ended_on) -> Pilot:
    pilot = kernel.lock(Pilot, pilot_id)
    kernel.check(pilot, "end", actor)
    if ended_on < pilot.designated_on:
        raise TransitionRefused(
            _("A pilot cannot end before it was designated."), "end_before_start"
        )
    return kernel.transition(pilot, "end", actor=actor, fields={"ended_on": ended_on})


@transaction.atomic
def pilot_withdraw(*, pilot_id: int, actor) -> Pilot:
    pilot = kernel.lock(Pilot, pilot_id)
    return kernel.transition(pilot, "withdraw", actor=actor)
