"""The Director's accreditation decisions: accredit, suspend, reinstate, revoke. Each locks
the centre, then the accreditation; each row's change is its own kernel write."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core import kernel
from alliance.core.policy import require
from alliance.core.states import TransitionRefused

from ..models import Accreditation, Centre, RenewalEvaluation
from ..states import (
    ACCREDITATION,
    CENTRE,
    CURRENT_ACCREDITATION_STATUSES,
    DIRECTOR,
    OPEN_EVALUATION_STATUSES,
    REINSTATE_ACTIONS,
    AccreditationStatus,
    CentreStatus,
    EvaluationStatus,
)
from .centres import settle_checklist
from .common import (
    centre_follows,
    issue,
    live_accreditations,
    lock_centre,
    lock_with_centre,
    move_accreditation,
    registry_changed,
    require_reason,
    term_end,
)

A = AccreditationStatus


@transaction.atomic
def accreditation_issue(
    *, centre_id: int, actor, start_date: date, check_actor: bool = True
) -> Accreditation:
    """The Director accredits a centre for three years from `start_date`. (`check_actor`
    is kept for callers; the kernel checks the Director's rule whatever it says.)"""
    centre = lock_centre(centre_id)
    return accredit(centre, actor=actor, start_date=start_date, check_actor=check_actor)


def accredit(centre: Centre, *, actor, start_date: date, check_actor: bool = True):
    """Accredit a centre this transaction holds (locked, or created by it)."""
    if check_actor:
        require(actor, DIRECTOR, centre)
    # Said plainly rather than "not while the status is Accredited".
    in_force = centre.accreditations.filter(status__in=CURRENT_ACCREDITATION_STATUSES)
    if str(centre.status) not in CENTRE.action("accredit").source and in_force.exists():
        raise TransitionRefused(
            _("The centre already holds an accreditation in force."),
            code="accreditation_in_force",
        )
    kernel.check(centre, "accredit", actor)
    if centre.status == CentreStatus.IN_DESIGN:
        # Each step against its data, whatever was ticked before.
        settle_checklist(centre, actor=actor)
    accreditation = issue(centre, actor=actor, start=start_date, end=term_end(start_date))
    first_listing = centre.listed_since is None
    kernel.transition(
        centre,
        "accredit",
        actor=actor,
        fields={"listed_since": timezone.localdate()} if first_listing else None,
        context={"accreditation_id": accreditation.pk},
    )
    if first_listing:
        # A centre accredited from an earlier date has had its type at least since then.
        centre.type_periods.filter(until=None, since__gt=start_date).update(since=start_date)
    registry_changed()
    return accreditation


def _each_live(centre, accreditation, action_for, *, actor, reason: str) -> None:
    """Take the action `action_for(row)` picks (None: leave the row) on every live
    accreditation of the centre, the one the Director chose first (its message is the one
    sent; the others' changes are audited without a message of their own)."""
    others = [r for r in live_accreditations(centre) if r.pk != accreditation.pk]
    # Decided before any row moves: reinstatement reads the other rows' states.
    plan = [(row, action_for(row)) for row in [accreditation, *others]]
    for row, action in plan:
        if action is not None:
            move_accreditation(row, action, actor=actor, reason=reason, notify=row is accreditation)


@transaction.atomic
def accreditation_suspend(*, accreditation_id: int, actor, reason: str) -> Accreditation:
    """The centre is suspended: so is every accreditation whose term is still to run (the
    running term and a renewal already granted), so that no code verifies as valid."""
    centre, accreditation = lock_with_centre(accreditation_id)
    kernel.check(accreditation, "suspend", actor)
    require_reason(reason)

    def action(row):
        return "suspend" if "suspend" in ACCREDITATION.available(row.status) else None

    _each_live(centre, accreditation, action, actor=actor, reason=reason)
    centre_follows(centre, "suspend", actor=actor)
    registry_changed()
    return accreditation


def reinstatement(accreditation: Accreditation) -> str:
    """The reinstate action that returns the accreditation to where it was in its renewal
    cycle: renewed (a later term was granted), under evaluation, lapsed (renewal refused),
    due for renewal (reminded), or active."""
    if (
        Accreditation.objects.filter(previous=accreditation)
        .exclude(status__in=[A.SUPERSEDED, A.REVOKED])
        .exists()
    ):
        return REINSTATE_ACTIONS[A.RENEWED]
    renewal = RenewalEvaluation.objects.filter(accreditation=accreditation).first()
    if renewal is not None and renewal.status in OPEN_EVALUATION_STATUSES:
        return REINSTATE_ACTIONS[A.UNDER_EVALUATION]
    if renewal is not None and renewal.status == EvaluationStatus.LAPSED:
        return REINSTATE_ACTIONS[A.LAPSED]
    if accreditation.reminders.exists():
        return REINSTATE_ACTIONS[A.RENEWAL_DUE]
    return REINSTATE_ACTIONS[A.ACTIVE]


@transaction.atomic
def accreditation_reinstate(*, accreditation_id: int, actor, reason: str = "") -> Accreditation:
    """Every suspended accreditation of the centre returns to its place in the cycle."""
    centre, accreditation = lock_with_centre(accreditation_id)
    kernel.check(accreditation, "reinstate", actor)
    if accreditation.end_date < timezone.localdate():
        raise TransitionRefused(
            _("The term of this accreditation is over: it cannot be reinstated."),
            code="term_over",
        )

    def action(row):
        return reinstatement(row) if row.status == A.SUSPENDED else None

    _each_live(centre, accreditation, action, actor=actor, reason=reason)
    centre_follows(centre, "reinstate", actor=actor, context={"accreditation_id": accreditation.pk})
    registry_changed()
    return accreditation


@transaction.atomic
def accreditation_revoke(*, accreditation_id: int, actor, reason: str) -> Accreditation:
    """Revocation ends the centre's place in the network; it shows at once everywhere:
    every accreditation still to run falls with it (one message: the revocation's)."""
    centre, accreditation = lock_with_centre(accreditation_id)
    kernel.check(accreditation, "revoke", actor)
    require_reason(reason)

    def action(row):
        return "revoke" if "revoke" in ACCREDITATION.available(row.status) else None

    if accreditation.end_date < timezone.localdate():
        # A term already over (renewed or lapsed, still stored so): revoked on its own.
        move_accreditation(accreditation, "revoke", actor=actor, reason=reason)
    _each_live(centre, accreditation, action, actor=actor, reason=reason)
    centre_follows(centre, "revoke", actor=actor)
    registry_changed()
    return accreditation
