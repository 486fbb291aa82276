"""Centres API for the secretariat, the Director and the Lab: accredit, suspend, reinstate,
revoke, close; design checklist; renewals (self-report, evaluation, decision); moves
between types and partner recognitions; flagship initiatives' status. Each action is one
of the centres' transition tables (states.py), through the services the pages call
(docs/api-actions.md). A centre follows its accreditation: the centre's own `suspend`,
`reinstate`, `revoke`, `change_type` are taken with the accreditation or the move."""

from datetime import date

from ninja import Schema
from pydantic import Field

from alliance.accounts.auth import TokenAuth
from alliance.core.access import get_visible_or_404
from alliance.core.api_actions import (
    mount,
    resource_family,
    state_schema,
    step,
    taken_elsewhere,
)

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


CentresStateOut = state_schema(
    "CentresStateOut",
    "Any object of the centres' tables: its id, current status and allowed actions.",
)


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


_resource = resource_family(
    prefix="centres_staff", base="/centres/staff", schema=CentresStateOut, tags=["centres: staff"]
)


centres = _resource(
    "centre",
    "centres",
    "centre_id",
    "centres.Centre",
    lambda user, pk: get_centre_for(user, pk, manage=True),
)


centres.steps(
    services,
    {
        "accredit": step(
            "accreditation_issue",
            "Accredit the centre for three years from the start date (the Director).",
            CentresStartIn,
        ),
        "close": step("centre_close", "Close the centre, with the reason.", CentresReasonIn),
        "mark_checklist": step(
            "checklist_mark", "Tick (or untick) a step of the design phase.", CentresChecklistIn
        ),
    },
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
)


accreditations.steps(
    services,
    {
        "suspend": step(
            "accreditation_suspend",
            "Suspend the accreditation (and the centre), with the reason.",
            CentresReasonIn,
        ),
        "reinstate": step(
            "accreditation_reinstate",
            "Reinstate a suspended accreditation, back to the state it was suspended from.",
            CentresOptionalReasonIn,
        ),
        "revoke": step(
            "accreditation_revoke",
            "Revoke the accreditation (and the centre's), with the reason.",
            CentresReasonIn,
        ),
        "open_renewal": step(
            "renewal_open", "Open the renewal evaluation of an accreditation due for renewal."
        ),
    },
)

renewals = _resource(
    "renewal",
    "renewals",
    "evaluation_id",
    "centres.RenewalEvaluation",
    get_evaluation_for,
)


renewals.steps(
    services,
    {
        "self_report": step(
            "renewal_self_report", "The centre's self-report for its renewal.", CentresSelfReportIn
        ),
        "evaluate": step(
            "renewal_evaluate",
            "Score every renewal criterion from 0 to 4, with a note.",
            CentresEvaluateIn,
        ),
        "renew": step(
            "renewal_decide",
            "Renew the accreditation for a new term (the Director).",
            CentresNoteIn,
            renew=True,
        ),
        "lapse": step(
            "renewal_decide",
            "Let the accreditation lapse (the Director).",
            CentresNoteIn,
            renew=False,
        ),
    },
)

changes = _resource(
    "category_change",
    "category-changes",
    "change_id",
    "centres.CategoryChange",
    lambda user, pk: get_change_for(user, pk)[0],
)


changes.steps(
    services,
    {
        "evaluate": step(
            "category_change_evaluate", "Record the evaluation of a requested move.", CentresNoteIn
        ),
        "approve": step(
            "category_change_decide",
            "Approve the move: the centre changes type (the Director).",
            CentresNoteIn,
            approve=True,
        ),
        "reject": step(
            "category_change_decide",
            "Reject the move (the Director).",
            CentresNoteIn,
            approve=False,
        ),
    },
)

recognitions = _resource(
    "recognition",
    "recognitions",
    "recognition_id",
    "centres.PartnerRecognition",
    get_recognition_for,
)


recognitions.steps(
    services,
    {
        "start_design": step(
            "recognition_start_design",
            "Open the design phase: the centre is recorded in design with its checklist (the Lab).",
        ),
        "complete_design": step(
            "recognition_complete_design",
            "Close the design phase; refused, naming each step, until every step has its evidence.",
        ),
    },
)


@recognitions.action("evaluate", body=CentresRecognitionScoresIn)
def recognition_evaluate(recognition, actor, payload):
    """Score the partner recognition on the published criteria (the Lab)."""
    scores = payload.dict()
    note = scores.pop("note")
    services.recognition_evaluate(
        recognition_id=recognition.pk, actor=actor, scores=scores, note=note
    )


recognitions.steps(
    services,
    {
        "approve": step(
            "recognition_decide",
            "Recognise the existing centre as a partner (the Director).",
            CentresRecognitionDecisionIn,
            approve=True,
        ),
        "reject": step(
            "recognition_decide",
            "Reject the recognition request (the Director).",
            CentresNoteIn,
            approve=False,
        ),
    },
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
)


initiatives.steps(
    services,
    {
        "plan": step(
            "initiative_update", "Mark the initiative planned.", status=InitiativeStatus.PLANNED
        ),
        "start": step(
            "initiative_update", "Mark the initiative running.", status=InitiativeStatus.RUNNING
        ),
        "complete": step(
            "initiative_update",
            "Mark the initiative completed.",
            status=InitiativeStatus.COMPLETED,
        ),
        "cancel": step(
            "initiative_update", "Cancel the initiative.", status=InitiativeStatus.CANCELLED
        ),
    },
)

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

router = mount(
    (centres, accreditations, renewals, changes, recognitions, initiatives),
    tags=["centres: staff"],
    auth=TokenAuth,
)
