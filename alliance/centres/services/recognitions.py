"""Partner recognition: an organisation that already runs a centre applies; the Lab runs
the same design phase as for a new centre (the centre is recorded in design, its checklist
checked against its data), then scores it against the published criteria
(RECOGNITION_CRITERIA); the Director decides. Approval accredits the centre."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core import kernel
from alliance.core.policy import require
from alliance.core.states import TransitionRefused

from ..models import PartnerRecognition
from ..states import RECOGNITION_CRITERIA, CentreSource
from .accreditation import accredit
from .centres import centre_create, settle_checklist
from .common import lock_centre


@transaction.atomic
def recognition_request(*, organisation, actor, **fields) -> PartnerRecognition:
    """An organisation that already runs a centre asks to become a partner ITU centre."""
    require(actor, "centres.recognition.apply", organisation)
    recognition = PartnerRecognition(organisation=organisation, requested_by=actor, **fields)
    if recognition.centre_type.scopes and recognition.scope not in recognition.centre_type.scopes:
        raise TransitionRefused(
            _("A %(type)s cannot have this scope.") % {"type": recognition.centre_type.name},
            code="scope_not_allowed",
        )
    recognition.full_clean()
    return kernel.create(
        recognition,
        actor=actor,
        verb="partner_recognition.requested",
        after={"type": recognition.centre_type.code, "organisation": organisation.pk},
    )


def _lock(recognition_id: int) -> PartnerRecognition:
    """The centre (when there is one) before its recognition: the global lock order."""
    centre_id = (
        PartnerRecognition.objects.values_list("centre_id", flat=True)
        .filter(pk=recognition_id)
        .first()
    )
    centre = lock_centre(centre_id) if centre_id else None
    recognition = kernel.lock(
        PartnerRecognition, recognition_id, related=("organisation", "centre_type", "country")
    )
    if centre is not None:
        recognition.centre = centre
    return recognition


@transaction.atomic
def recognition_start_design(*, recognition_id: int, actor) -> PartnerRecognition:
    """The Lab opens the design phase: the centre is recorded in design, with the same
    checklist as a new centre, hosted by the organisation that applied."""
    recognition = _lock(recognition_id)
    kernel.check(recognition, "start_design", actor)
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
        description={"en": recognition.description},
    )
    return kernel.transition(
        recognition,
        "start_design",
        actor=actor,
        fields={"centre": centre, "design_started_at": timezone.now()},
        context={"centre_id": centre.pk},
    )


@transaction.atomic
def recognition_complete_design(*, recognition_id: int, actor) -> PartnerRecognition:
    """Refused, naming what is missing, until every step has its evidence."""
    recognition = _lock(recognition_id)
    kernel.check(recognition, "complete_design", actor)
    settle_checklist(recognition.centre, actor=actor)
    return kernel.transition(
        recognition, "complete_design", actor=actor, fields={"design_completed_at": timezone.now()}
    )


@transaction.atomic
def recognition_evaluate(
    *, recognition_id: int, actor, scores: dict[str, int], note: str = ""
) -> PartnerRecognition:
    """Scores 0-4 on every published criterion, and the evaluators' note."""
    recognition = _lock(recognition_id)
    kernel.check(recognition, "evaluate", actor)
    codes = [code for code, _label in RECOGNITION_CRITERIA]
    if sorted(scores) != sorted(codes) or any(
        not isinstance(v, int) or not 0 <= v <= 4 for v in scores.values()
    ):
        raise TransitionRefused(_("Score every criterion from 0 to 4."), code="scores_incomplete")
    return kernel.transition(
        recognition,
        "evaluate",
        actor=actor,
        fields={
            "scores": {code: scores[code] for code in codes},
            "evaluation_note": note,
            "evaluated_by": actor,
            "evaluated_at": timezone.now(),
        },
        after={"scores": scores, "total": sum(scores.values())},
    )


@transaction.atomic
def recognition_decide(
    *, recognition_id: int, actor, approve: bool, note: str = "", start_date: date | None = None
) -> PartnerRecognition:
    """Approval accredits the centre designed for the recognition (its checklist checked
    once more). A rejection says why; a centre still in design is closed with it."""
    recognition = _lock(recognition_id)
    action = "approve" if approve else "reject"
    kernel.check(recognition, action, actor)
    if not approve and not note.strip():
        raise TransitionRefused(_("Give the reason for the rejection."), code="reason_required")
    decision = {"decision_note": note, "decided_by": actor, "decided_at": timezone.now()}
    centre = recognition.centre
    if approve:
        accredit(centre, actor=actor, start_date=start_date or timezone.localdate())
    elif centre is not None and "drop_design" in kernel.allowed_actions(centre, actor):
        kernel.transition(centre, "drop_design", actor=actor, after=note)
    return kernel.transition(recognition, action, actor=actor, fields=decision, after=note)
