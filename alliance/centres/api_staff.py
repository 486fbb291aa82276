"""Centres API for the secretariat, the Director and the Lab: accredit, suspend, reinstate,
revoke, close; design checklist; renewals (self-report, evaluation, decision); moves
between types and partner recognitions; flagship initiatives' status. Each action is one
of the centres' transition tables (states.py), through the services the pages call
(docs/api-actions.md). A centre follows its accreditation: the centre's own `suspend`,
`reinstate`, `revoke`, `change_type` are taken with the accreditation or the move."""

from datetime import date

from ninja import Router, Schema
from pydantic import Field

from alliance.accounts.auth import TokenAuth
from alliance.core.access import get_visible_or_404
from alliance.core.api_actions import Resource, actions_of, register, taken_elsewhere

from . import services
from .models import CentreType, FlagshipInitiative
from .permissions import (
    get_accreditation_for,
    get_centre_for,
    get_change_for,
    get_evaluation_for,
    get_recognition_for,
)
from .states import ChecklistItem, InitiativeStatus

API = "/api/v1/centres/staff"


class CentresStateOut(Schema):
    """Any object of the centres' tables: its id, current status and allowed actions."""

    id: int
    kind: str
    label: str
    status: str
    actions: list[str]


def _out(kind: str):
    def out(obj, user) -> dict:
        status = getattr(obj, "current_status", None) or obj.status
        return {
            "id": obj.pk,
            "kind": kind,
            "label": str(obj),
            "status": status,
            "actions": actions_of(obj, user),
        }

    return out


class CentresStartIn(Schema):
    start_date: date


class CentresReasonIn(Schema):
    reason: str = Field(max_length=5000)


class CentresOptionalReasonIn(Schema):
    reason: str = Field("", max_length=5000)


class CentresChecklistIn(Schema):
    item: ChecklistItem
    done: bool = True
    note: str = Field("", max_length=2000)


class CentresMoveIn(Schema):
    to_type: str = Field(max_length=32)
    justification: str = Field(max_length=10_000)
    annual_budget_usd: int | None = Field(None, ge=0, le=10**12)


class CentresSelfReportIn(Schema):
    self_report: str = Field(max_length=50_000)


class CentresEvaluateIn(Schema):
    scores: dict[str, int] = Field(max_length=20)
    note: str = Field(max_length=10_000)


class CentresNoteIn(Schema):
    note: str = Field("", max_length=10_000)


class CentresRecognitionScoresIn(Schema):
    """A score from 0 to 4 on each published criterion (RECOGNITION_CRITERIA)."""

    track_record: int = Field(..., ge=0, le=4)
    objectives: int = Field(..., ge=0, le=4)
    resources: int = Field(..., ge=0, le=4)
    flagship: int = Field(..., ge=0, le=4)
    network: int = Field(..., ge=0, le=4)
    note: str = Field("", max_length=10_000)


class CentresRecognitionDecisionIn(Schema):
    note: str = Field("", max_length=10_000)
    start_date: date | None = None


def _resource(name, path, id_name, model, fetch, kind) -> Resource:
    return register(
        Resource(
            name=f"centres_staff_{name}",
            path=f"/centres/staff/{path}",
            id_name=id_name,
            model=model,
            fetch=fetch,
            out=_out(kind),
            schema=CentresStateOut,
            tags=["centres: staff"],
        )
    )


centres = _resource(
    "centre",
    "centres",
    "centre_id",
    "centres.Centre",
    lambda user, pk: get_centre_for(user, pk, manage=True),
    "centre",
)


@centres.action("accredit", body=CentresStartIn)
def accredit(centre, actor, payload):
    """Accredit the centre for three years from the start date (the Director)."""
    services.accreditation_issue(centre_id=centre.pk, actor=actor, start_date=payload.start_date)


@centres.action("close", body=CentresReasonIn)
def close(centre, actor, payload):
    """Close the centre, with the reason."""
    services.centre_close(centre_id=centre.pk, actor=actor, reason=payload.reason)


@centres.action("mark_checklist", body=CentresChecklistIn)
def mark_checklist(centre, actor, payload):
    """Tick (or untick) a step of the design phase."""
    services.checklist_mark(
        centre_id=centre.pk, item=payload.item, actor=actor, done=payload.done, note=payload.note
    )


@centres.action("request_move", body=CentresMoveIn)
def request_move(centre, actor, payload):
    """Ask to move the centre to another type (a category change)."""
    to_type = get_visible_or_404(CentreType.objects.all(), code=payload.to_type)
    services.category_change_request(
        centre_id=centre.pk,
        actor=actor,
        to_type=to_type,
        justification=payload.justification,
        annual_budget_usd=payload.annual_budget_usd,
    )


accreditations = _resource(
    "accreditation",
    "accreditations",
    "accreditation_id",
    "centres.Accreditation",
    get_accreditation_for,
    "accreditation",
)


@accreditations.action("suspend", body=CentresReasonIn)
def suspend(accreditation, actor, payload):
    """Suspend the accreditation (and the centre), with the reason."""
    services.accreditation_suspend(
        accreditation_id=accreditation.pk, actor=actor, reason=payload.reason
    )


@accreditations.action("reinstate", body=CentresOptionalReasonIn)
def reinstate(accreditation, actor, payload):
    """Reinstate a suspended accreditation, back to the state it was suspended from."""
    services.accreditation_reinstate(
        accreditation_id=accreditation.pk, actor=actor, reason=payload.reason
    )


@accreditations.action("revoke", body=CentresReasonIn)
def revoke(accreditation, actor, payload):
    """Revoke the accreditation (and the centre's), with the reason."""
    services.accreditation_revoke(
        accreditation_id=accreditation.pk, actor=actor, reason=payload.reason
    )


@accreditations.action("open_renewal")
def open_renewal(accreditation, actor, payload):
    """Open the renewal evaluation of an accreditation due for renewal."""
    services.renewal_open(accreditation_id=accreditation.pk, actor=actor)


renewals = _resource(
    "renewal",
    "renewals",
    "evaluation_id",
    "centres.RenewalEvaluation",
    get_evaluation_for,
    "renewal",
)


@renewals.action("self_report", body=CentresSelfReportIn)
def self_report(evaluation, actor, payload):
    """The centre's self-report for its renewal."""
    services.renewal_self_report(
        evaluation_id=evaluation.pk, actor=actor, self_report=payload.self_report
    )


@renewals.action("evaluate", body=CentresEvaluateIn)
def evaluate(evaluation, actor, payload):
    """Score every renewal criterion from 0 to 4, with a note."""
    services.renewal_evaluate(
        evaluation_id=evaluation.pk, actor=actor, scores=payload.scores, note=payload.note
    )


@renewals.action("renew", body=CentresNoteIn)
def renew(evaluation, actor, payload):
    """Renew the accreditation for a new term (the Director)."""
    services.renewal_decide(evaluation_id=evaluation.pk, actor=actor, renew=True, note=payload.note)


@renewals.action("lapse", body=CentresNoteIn)
def lapse(evaluation, actor, payload):
    """Let the accreditation lapse (the Director)."""
    services.renewal_decide(
        evaluation_id=evaluation.pk, actor=actor, renew=False, note=payload.note
    )


changes = _resource(
    "category_change",
    "category-changes",
    "change_id",
    "centres.CategoryChange",
    lambda user, pk: get_change_for(user, pk)[0],
    "category_change",
)


@changes.action("evaluate", body=CentresNoteIn)
def change_evaluate(change, actor, payload):
    """Record the evaluation of a requested move."""
    services.category_change_evaluate(change_id=change.pk, actor=actor, note=payload.note)


@changes.action("approve", body=CentresNoteIn)
def change_approve(change, actor, payload):
    """Approve the move: the centre changes type (the Director)."""
    services.category_change_decide(
        change_id=change.pk, actor=actor, approve=True, note=payload.note
    )


@changes.action("reject", body=CentresNoteIn)
def change_reject(change, actor, payload):
    """Reject the move (the Director)."""
    services.category_change_decide(
        change_id=change.pk, actor=actor, approve=False, note=payload.note
    )


recognitions = _resource(
    "recognition",
    "recognitions",
    "recognition_id",
    "centres.PartnerRecognition",
    get_recognition_for,
    "recognition",
)


@recognitions.action("start_design")
def recognition_start_design(recognition, actor, payload):
    """Open the design phase: the centre is recorded in design with its checklist (the Lab)."""
    services.recognition_start_design(recognition_id=recognition.pk, actor=actor)


@recognitions.action("complete_design")
def recognition_complete_design(recognition, actor, payload):
    """Close the design phase; refused, naming each step, until every step has its evidence."""
    services.recognition_complete_design(recognition_id=recognition.pk, actor=actor)


@recognitions.action("evaluate", body=CentresRecognitionScoresIn)
def recognition_evaluate(recognition, actor, payload):
    """Score the partner recognition on the published criteria (the Lab)."""
    scores = payload.dict()
    note = scores.pop("note")
    services.recognition_evaluate(
        recognition_id=recognition.pk, actor=actor, scores=scores, note=note
    )


@recognitions.action("approve", body=CentresRecognitionDecisionIn)
def recognition_approve(recognition, actor, payload):
    """Recognise the existing centre as a partner (the Director)."""
    services.recognition_decide(
        recognition_id=recognition.pk,
        actor=actor,
        approve=True,
        note=payload.note,
        start_date=payload.start_date,
    )


@recognitions.action("reject", body=CentresNoteIn)
def recognition_reject(recognition, actor, payload):
    """Reject the recognition request (the Director)."""
    services.recognition_decide(
        recognition_id=recognition.pk, actor=actor, approve=False, note=payload.note
    )


def _initiative(user, pk: int) -> FlagshipInitiative:
    initiative = get_visible_or_404(FlagshipInitiative.objects.all(), pk=pk)
    get_centre_for(user, initiative.centre_id, manage=True)
    return initiative


initiatives = _resource(
    "initiative",
    "initiatives",
    "initiative_id",
    "centres.FlagshipInitiative",
    _initiative,
    "initiative",
)


def _initiative_status(name: str, status: str, doc: str):
    def run(initiative, actor, payload):
        services.initiative_update(initiative_id=initiative.pk, actor=actor, status=status)

    initiatives.action(name, summary=doc)(run)


_initiative_status("plan", InitiativeStatus.PLANNED, "Mark the initiative planned.")
_initiative_status("start", InitiativeStatus.RUNNING, "Mark the initiative running.")
_initiative_status("complete", InitiativeStatus.COMPLETED, "Mark the initiative completed.")
_initiative_status("cancel", InitiativeStatus.CANCELLED, "Cancel the initiative.")

# Changes of the centre taken with its accreditation or its move, and writes that the
# existing routes of centres/api.py take.
taken_elsewhere(
    "centres.Centre",
    {
        "edit": "PATCH /api/v1/centres/{centre_id}",
        "edit_profile": "PATCH /api/v1/centres/{centre_id}/profile",
        "suspend": f"POST {API}/accreditations/{{accreditation_id}}/actions/suspend",
        "reinstate": f"POST {API}/accreditations/{{accreditation_id}}/actions/reinstate",
        "revoke": f"POST {API}/accreditations/{{accreditation_id}}/actions/revoke",
        "change_type": f"POST {API}/category-changes/{{change_id}}/actions/approve",
        # A centre designed for a partner recognition is closed when the Director rejects it.
        "drop_design": f"POST {API}/recognitions/{{recognition_id}}/actions/reject",
    },
)
taken_elsewhere(
    "centres.Accreditation",
    {
        "reinstate_renewal_due": f"POST {API}/accreditations/{{accreditation_id}}/actions/reinstate",
        "reinstate_under_evaluation": (
            f"POST {API}/accreditations/{{accreditation_id}}/actions/reinstate"
        ),
        # Reinstating a centre puts each of its terms back where it was, in one write.
        "reinstate_renewed": f"POST {API}/accreditations/{{accreditation_id}}/actions/reinstate",
        "reinstate_lapsed": f"POST {API}/accreditations/{{accreditation_id}}/actions/reinstate",
        "renew": f"POST {API}/renewals/{{evaluation_id}}/actions/renew",
        "lapse": f"POST {API}/renewals/{{evaluation_id}}/actions/lapse",
        "supersede": f"POST {API}/category-changes/{{change_id}}/actions/approve",
    },
)
taken_elsewhere("centres.FlagshipInitiative", {"edit": "PATCH /api/v1/initiatives/{initiative_id}"})

router = Router(tags=["centres: staff"], auth=TokenAuth())
for resource in (centres, accreditations, renewals, changes, recognitions, initiatives):
    router.add_router("/", resource.router(TokenAuth()))
