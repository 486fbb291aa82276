from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.accounts.models import Membership
from alliance.core.audit import record_event
from alliance.core.states import TransitionRefused, require_transition

from ..models import (
    Accreditation,
    CategoryChange,
    Centre,
    CentreType,
    CentreTypePeriod,
    DesignChecklistItem,
    PartnerRecognition,
    RenewalReminder,
)
from ..permissions import (
    MANAGER_ROLES,
    can_edit_profile,
    is_evaluator,
    require,
    require_director,
)
from ..recommender import Fit, Profile, assess
from ..states import (
    REQUEST_ALLOWED,
    AccreditationStatus,
    CentreSource,
    CentreStatus,
    RequestStatus,
)
from ._common import after_commit_public_change
from .accreditation import _create, _set_status, accreditation_issue
from .centres import centre_create


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


def _decide(request, *, actor, approve: bool, note: str, verb: str) -> None:
    target = RequestStatus.APPROVED if approve else RequestStatus.REJECTED
    require_transition(request, target, REQUEST_ALLOWED)
    if not approve and not note.strip():
        raise TransitionRefused(_("Give the reason for the rejection."), code="reason_required")
    before = request.status
    request.status = target
    request.decision_note = note
    request.decided_by, request.decided_at = actor, timezone.now()
    request.save(update_fields=["status", "decision_note", "decided_by", "decided_at"])
    record_event(actor=actor, verb=f"{verb}.{target}", obj=request, before=before, after=note)


def _evaluate(request, *, actor, note: str, verb: str, extra_fields=()) -> None:
    require(is_evaluator(actor), _("Only the secretariat or the Lab evaluates a request."))
    require_transition(request, RequestStatus.UNDER_EVALUATION, REQUEST_ALLOWED)
    before = request.status
    request.status = RequestStatus.UNDER_EVALUATION
    request.evaluation_note = note
    request.evaluated_by, request.evaluated_at = actor, timezone.now()
    request.save(
        update_fields=["status", "evaluation_note", "evaluated_by", "evaluated_at", *extra_fields]
    )
    record_event(actor=actor, verb=f"{verb}.evaluated", obj=request, before=before, after=note)


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
    centre = Centre.objects.select_for_update().select_related("centre_type").get(pk=centre_id)
    require(can_edit_profile(actor, centre), _("Only the centre's managers can request a move."))
    if to_type.pk == centre.centre_type_id:
        raise TransitionRefused(
            _("The centre is already a %(type)s: choose another type.")
            % {"type": centre.centre_type.name},
            code="same_type",
        )
    if centre.status != CentreStatus.ACCREDITED:
        raise TransitionRefused(
            _("Only an accredited centre can move to another type."), code="not_accredited"
        )
    if centre.category_changes.filter(
        status__in=[RequestStatus.REQUESTED, RequestStatus.UNDER_EVALUATION]
    ).exists():
        raise TransitionRefused(
            _("A move to another type is already being considered for this centre."),
            code="request_open",
        )
    if not justification.strip():
        raise TransitionRefused(_("Explain the resources and experience."), code="justification")
    change = CategoryChange.objects.create(
        centre=centre,
        from_type=centre.centre_type,
        to_type=to_type,
        justification=justification,
        annual_budget_usd=annual_budget_usd,
        requested_by=actor,
    )
    record_event(
        actor=actor,
        verb="category_change.requested",
        obj=change,
        after={"from": centre.centre_type.code, "to": to_type.code},
    )
    return change


def _lock_change(change_id: int) -> CategoryChange:
    return (
        CategoryChange.objects.select_for_update()
        .select_related("centre", "to_type", "from_type")
        .get(pk=change_id)
    )


@transaction.atomic
def category_change_evaluate(*, change_id: int, actor, note: str) -> CategoryChange:
    change = _lock_change(change_id)
    change.fit_score = type_fit(change.centre, change.to_type, change.annual_budget_usd).score
    _evaluate(change, actor=actor, note=note, verb="category_change", extra_fields=["fit_score"])
    return change


@transaction.atomic
def category_change_decide(*, change_id: int, actor, approve: bool, note: str = ""):
    """On approval the centre's type changes and its accreditation is reissued for the
    rest of the term under the new type (the old credential is revoked as replaced)."""
    require_director(actor)
    change = _lock_change(change_id)
    centre = Centre.objects.select_for_update().get(pk=change.centre_id)
    if approve:
        if change.to_type.scopes and centre.scope not in change.to_type.scopes:
            raise TransitionRefused(
                _("A %(type)s cannot have the centre's current scope: change the scope first.")
                % {"type": change.to_type.name},
                code="scope_not_allowed",
            )
        current = (
            Accreditation.objects.select_for_update()
            .filter(
                centre=centre,
                status__in=[AccreditationStatus.ACTIVE, AccreditationStatus.RENEWAL_DUE],
            )
            .first()
        )
        if current is None:
            raise TransitionRefused(
                _(
                    "The centre's accreditation is not in a state that can be reissued "
                    "(suspended, or under renewal evaluation)."
                ),
                code="cannot_reissue",
            )
    _decide(change, actor=actor, approve=approve, note=note, verb="category_change")
    if not approve:
        return change
    today = timezone.localdate()
    before = centre.centre_type.code
    centre.centre_type = change.to_type
    centre.ownership = change.to_type.ownership
    centre.save(update_fields=["centre_type", "ownership", "updated_at"])
    CentreTypePeriod.objects.filter(centre=centre, until=None).update(until=today)
    CentreTypePeriod.objects.create(
        centre=centre, centre_type=change.to_type, since=today, category_change=change
    )
    record_event(
        actor=actor,
        verb="centre.type_changed",
        obj=centre,
        before=before,
        after=change.to_type.code,
    )
    _set_status(current, AccreditationStatus.SUPERSEDED, actor=actor, reason=note)
    start = max(today, current.start_date)
    new = _create(centre, actor=actor, start=start, end=current.end_date, previous=current)
    # Reminders already sent for this term are not sent again for the reissued one.
    RenewalReminder.objects.bulk_create(
        [
            RenewalReminder(accreditation=new, days_before=r.days_before)
            for r in current.reminders.all()
        ]
    )
    if current.status == AccreditationStatus.RENEWAL_DUE:
        Accreditation.objects.filter(pk=new.pk).update(status=AccreditationStatus.RENEWAL_DUE)
    after_commit_public_change(centre.pk, "moved", accreditation_id=new.pk)
    return change


# --- partner recognition ---------------------------------------------------------------


@transaction.atomic
def recognition_request(*, organisation, actor, **fields) -> PartnerRecognition:
    """An organisation that already runs a centre asks to become a partner ITU centre."""
    require(
        Membership.objects.filter(
            user=actor, organisation=organisation, role__in=MANAGER_ROLES
        ).exists(),
        _("Only a focal point or an authorised signatory of the organisation can apply."),
    )
    recognition = PartnerRecognition(organisation=organisation, requested_by=actor, **fields)
    if recognition.centre_type.scopes and recognition.scope not in recognition.centre_type.scopes:
        raise TransitionRefused(
            _("A %(type)s cannot have this scope.") % {"type": recognition.centre_type.name},
            code="scope_not_allowed",
        )
    recognition.full_clean()
    recognition.save()
    record_event(
        actor=actor,
        verb="partner_recognition.requested",
        obj=recognition,
        after={"type": recognition.centre_type.code, "organisation": organisation.pk},
    )
    return recognition


def _lock_recognition(recognition_id: int) -> PartnerRecognition:
    return (
        PartnerRecognition.objects.select_for_update()
        .select_related("organisation", "centre_type", "country")
        .get(pk=recognition_id)
    )


@transaction.atomic
def recognition_evaluate(*, recognition_id: int, actor, note: str) -> PartnerRecognition:
    recognition = _lock_recognition(recognition_id)
    _evaluate(recognition, actor=actor, note=note, verb="partner_recognition")
    return recognition


@transaction.atomic
def recognition_decide(
    *, recognition_id: int, actor, approve: bool, note: str = "", start_date: date | None = None
) -> PartnerRecognition:
    """Approval creates the centre and accredits it: the recognition's evaluation stands
    for the design phase, whose steps are recorded as done by the Director."""
    require_director(actor)
    recognition = _lock_recognition(recognition_id)
    _decide(recognition, actor=actor, approve=approve, note=note, verb="partner_recognition")
    if not approve:
        return recognition
    centre = centre_create(
        actor=actor,
        check_actor=False,
        centre_type=recognition.centre_type,
        scope=recognition.scope,
        host_organisation=recognition.organisation,
        country=recognition.country,
        name=recognition.centre_name,
        source=CentreSource.PARTNER_RECOGNITION,
        source_object=recognition,
        description_en=recognition.description,
    )
    DesignChecklistItem.objects.filter(centre=centre).update(
        done_by=actor,
        done_at=timezone.now(),
        note=_("Evaluated through partner recognition."),
    )
    recognition.centre = centre
    recognition.save(update_fields=["centre"])
    accreditation_issue(
        centre_id=centre.pk,
        actor=actor,
        start_date=start_date or timezone.localdate(),
        check_actor=False,
    )
    return recognition
