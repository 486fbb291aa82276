"""Moves between types: requested, evaluated, decided (partner recognitions: recognitions.py)."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core import kernel
from alliance.core.states import TransitionRefused

from ..models import (
    Accreditation,
    CategoryChange,
    Centre,
    CentreType,
    CentreTypePeriod,
    RenewalEvaluation,
    RenewalReminder,
)
from ..recommender import Fit, Profile, assess
from ..states import ACCREDITATION, OPEN_REQUEST_STATUSES
from .common import (
    issue,
    live_accreditations,
    lock_centre,
    move_accreditation,
    registry_changed,
)


def type_fit(centre: Centre, target: CentreType, annual_budget_usd: int | None = None) -> Fit:
    """How well the centre fits the target type, by the recommender of the joining issue."""
    profile = Profile(
        objectives=frozenset(o.code for o in centre.objectives.all()),
        scope=centre.scope,
        ownership=centre.ownership,
        annual_budget_usd=annual_budget_usd,
        flagship_initiatives=max(centre.initiatives.count(), 1),
    )
    return assess(profile, target)


def _evaluate(request, *, actor, note: str, fields: dict | None = None):
    return kernel.transition(
        request,
        "evaluate",
        actor=actor,
        fields={
            "evaluation_note": note,
            "evaluated_by": actor,
            "evaluated_at": timezone.now(),
            **(fields or {}),
        },
        after=note,
    )


def _decision(request, approve: bool, *, actor, note: str) -> tuple[str, dict]:
    """Check the decision (policy, state, a reason for a rejection); the action and fields."""
    action = "approve" if approve else "reject"
    kernel.check(request, action, actor)
    if not approve and not note.strip():
        raise TransitionRefused(_("Give the reason for the rejection."), code="reason_required")
    return action, {"decision_note": note, "decided_by": actor, "decided_at": timezone.now()}


# --- moves between types -------------------------------------------------------------


@transaction.atomic
def category_change_request(
    *,
    centre_id: int,
    actor,
    to_type: CentreType,
    justification: str,
    annual_budget_usd: int | None = None,
) -> CategoryChange:
    centre = lock_centre(centre_id)
    kernel.check(centre, "request_move", actor)
    if to_type.pk == centre.centre_type_id:
        raise TransitionRefused(
            _("The centre is already a %(type)s: choose another type.")
            % {"type": centre.centre_type.name},
            code="same_type",
        )
    if centre.category_changes.filter(status__in=OPEN_REQUEST_STATUSES).exists():
        raise TransitionRefused(
            _("A move to another type is already being considered for this centre."),
            code="request_open",
        )
    if not justification.strip():
        raise TransitionRefused(_("Explain the resources and experience."), code="justification")
    change = CategoryChange(
        centre=centre,
        from_type=centre.centre_type,
        to_type=to_type,
        justification=justification,
        annual_budget_usd=annual_budget_usd,
        requested_by=actor,
    )
    return kernel.create(
        change,
        actor=actor,
        verb="category_change.requested",
        after={"from": centre.centre_type.code, "to": to_type.code},
    )


@transaction.atomic
def category_change_evaluate(*, change_id: int, actor, note: str) -> CategoryChange:
    change = kernel.lock(CategoryChange, change_id, related=("centre", "to_type", "from_type"))
    kernel.check(change, "evaluate", actor)
    fit = type_fit(change.centre, change.to_type, change.annual_budget_usd).score
    return _evaluate(change, actor=actor, note=note, fields={"fit_score": fit})


@transaction.atomic
def category_change_decide(*, change_id: int, actor, approve: bool, note: str = ""):
    """On approval the centre's type changes and every accreditation whose term is still
    to run (the current one, and a renewal already granted) is reissued under the new
    type in the same transaction: each old code then verifies as superseded by its new
    one. Locks the centre, the request, the accreditations, then their evaluations."""
    centre = lock_centre(
        CategoryChange.objects.values_list("centre_id", flat=True).get(pk=change_id)
    )
    change = kernel.lock(CategoryChange, change_id, related=("to_type", "from_type"))
    change.centre = centre
    action, decision = _decision(change, approve, actor=actor, note=note)
    if not approve:
        return kernel.transition(change, action, actor=actor, fields=decision, after=note)
    if change.to_type.scopes and centre.scope not in change.to_type.scopes:
        raise TransitionRefused(
            _("A %(type)s cannot have the centre's current scope: change the scope first.")
            % {"type": change.to_type.name},
            code="scope_not_allowed",
        )
    kernel.check(centre, "change_type", actor)
    live = sorted(live_accreditations(centre), key=lambda a: (a.start_date, a.pk))
    if not live or any("supersede" not in ACCREDITATION.available(a.status) for a in live):
        raise TransitionRefused(
            _("The centre's accreditation is not in a state that can be reissued (suspended)."),
            code="cannot_reissue",
        )
    today = timezone.localdate()
    kernel.transition(
        centre,
        "change_type",
        actor=actor,
        fields={"centre_type": change.to_type, "ownership": change.to_type.ownership},
        before=centre.centre_type.code,
        after=change.to_type.code,
    )
    CentreTypePeriod.objects.filter(centre=centre, until=None).update(until=today)
    CentreTypePeriod.objects.create(
        centre=centre, centre_type=change.to_type, since=today, category_change=change
    )
    reissued = _reissue(centre, live, actor=actor, note=note, today=today)
    kernel.transition(
        change,
        action,
        actor=actor,
        fields=decision,
        after=note,
        context={"accreditation_id": reissued[0].pk},
    )
    registry_changed()
    return change


def _reissue(centre, live: list[Accreditation], *, actor, note: str, today) -> list:
    """Supersede every live accreditation, then issue each again under the centre's new
    type: same end date, same place in the renewal cycle, the reminders already sent and
    the renewal evaluation carried over. Only the first term's message is sent."""
    evaluations = kernel.lock_rows(RenewalEvaluation.objects.filter(accreditation__in=live))
    places = {a.pk: a.status for a in live}
    for i, old in enumerate(live):
        move_accreditation(old, "supersede", actor=actor, reason=note, notify=i == 0)
    new_of: dict[int, Accreditation] = {}
    for old in live:
        # A term ending today still needs a day of its own (end after start).
        start = min(max(today, old.start_date), old.end_date - timedelta(days=1))
        new_of[old.pk] = issue(
            centre,
            actor=actor,
            start=start,
            end=old.end_date,
            previous=new_of.get(old.previous_id),
            replaces=old,
            status=places[old.pk],
        )
        RenewalReminder.objects.bulk_create(
            [
                RenewalReminder(accreditation=new_of[old.pk], days_before=r.days_before)
                for r in old.reminders.all()
            ]
        )
    for evaluation in evaluations:
        new = new_of[evaluation.accreditation_id]
        kernel.change(
            evaluation,
            actor=actor,
            verb="renewal.carried_over",
            fields={"accreditation": new},
            before=evaluation.accreditation_id,
            after=new.pk,
        )
    return [new_of[a.pk] for a in live]
