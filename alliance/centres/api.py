"""JSON API of the Network of Acceleration Centres: the public registry and verification,
and writes for centre managers and the secretariat through the same services."""

from datetime import date
from typing import Literal

from django.http import Http404
from ninja import Query, Router, Schema

from alliance.accounts.auth import TokenAuth
from alliance.core.api_actions import creating
from alliance.core.api_errors import MAX_LIMIT, MAX_OFFSET
from alliance.core.cache import public_api
from alliance.core.kernel import allowed_actions
from alliance.core.models import Country, Region, Scope, StrategicObjective
from alliance.core.schemas import (
    Choice,
    RequiredTranslationsIn,
    TranslatedText,
    TranslationsIn,
    WithTranslations,
)

from . import services
from .credentials import verify_credential
from .models import Centre, CentreType, FlagshipInitiative
from .permissions import get_centre_for
from .selectors import (
    accreditation_by_code,
    current_accreditation,
    current_accreditations_for,
    current_status_lists,
    public_centre,
    public_status,
    registry_centres,
)
from .states import PublicStatus

router = Router(tags=["centres"])
# The centre types are reference data: listed with the objectives and regions.
reference_router = Router(tags=["reference"])

CENTRE_TYPE_FIELDS = ("code", "name", "ownership", "ownership_note", "scopes", "cost_class")
CENTRE_TYPE_FIELDS += ("resource_model", "observation")
INITIATIVE_FIELDS = ("title", "summary", "partners", "budget_usd", "start_date", "end_date")
INITIATIVE_FIELDS += ("status", "outcomes")


class CentreTypeOut(WithTranslations("name", "ownership_note", "resource_model", "observation")):
    code: str
    name: TranslatedText
    ownership: Choice(CentreType, "ownership")
    ownership_note: TranslatedText
    scopes: list[Choice(Scope)]
    objectives: list[str]
    cost_class: Choice(CentreType, "cost_class")
    resource_model: TranslatedText
    observation: TranslatedText


class AccreditationOut(Schema):
    centre_type: str
    start_date: date
    end_date: date
    status: Choice(PublicStatus)
    verification_code: str


class CentreOut(WithTranslations("description")):
    id: int
    name: str
    centre_type: str
    scope: Choice(Centre, "scope")
    ownership: Choice(Centre, "ownership")
    host_organisation: str
    country: str
    region: str
    objectives: list[str]
    status: Choice(Centre, "status")
    description: TranslatedText
    website: str
    accreditation: AccreditationOut | None


class ManagedAccreditationOut(AccreditationOut):
    actions: list[str]


class ManagedCentreOut(CentreOut):
    """A centre as its managers and the staff get it back from a write: with what they may
    do next to it and to its accreditation (the same table and policy as the pages)."""

    accreditation: ManagedAccreditationOut | None
    actions: list[str]


class InitiativeOut(WithTranslations("title", "summary")):
    id: int
    title: TranslatedText
    summary: TranslatedText
    objectives: list[str]
    partners: str
    budget_usd: int
    start_date: date | None
    end_date: date | None
    status: Choice(FlagshipInitiative, "status")
    outcomes: str


class ManagedInitiativeOut(InitiativeOut):
    actions: list[str]


class VerificationOut(Schema):
    # "unknown": no such code; "invalid": a credential whose signature does not hold.
    status: Choice(PublicStatus) | Literal["unknown", "invalid"]
    centre: str | None = None
    centre_id: int | None = None
    centre_type: str | None = None
    country: str | None = None
    start_date: date | None = None
    end_date: date | None = None
    # The code that replaced this one (status "superseded"), to verify in turn.
    superseded_by: str | None = None


class CredentialIn(Schema):
    credential: str


class ProfileIn(Schema):
    description: TranslationsIn | None = None
    website: str | None = None
    contact_name: str | None = None
    contact_email: str | None = None


class CentreIn(Schema):
    name: str | None = None
    scope: Choice(Centre, "scope") | None = None
    ownership: Choice(Centre, "ownership") | None = None
    objectives: list[str] | None = None


class InitiativeIn(Schema):
    title: RequiredTranslationsIn
    summary: TranslationsIn = {}
    objectives: list[str] = []
    partners: str = ""
    budget_usd: int = 0
    start_date: date | None = None
    end_date: date | None = None
    status: Choice(FlagshipInitiative, "status") = "planned"
    outcomes: str = ""


# operation_id: its name before the routers moved to their apps (generated clients keep it).
@reference_router.get(
    "/centre-types", response=list[CentreTypeOut], operation_id="alliance_api_api_centre_types"
)
@public_api
def centre_types(request):
    rows = CentreType.objects.prefetch_related("objectives").order_by("order")
    return [
        {
            **{f: getattr(ct, f) for f in CentreTypeOut.model_fields if f in CENTRE_TYPE_FIELDS},
            "objectives": [o.code for o in ct.objectives.all()],
        }
        for ct in rows
    ]


def _accreditation_out(accreditation):
    if accreditation is None:
        return None
    return {
        "centre_type": accreditation.centre_type.code,
        "start_date": accreditation.start_date,
        "end_date": accreditation.end_date,
        "status": public_status(accreditation),
        "verification_code": accreditation.verification_code,
    }


def _centre_out(centre, accreditation):
    return {
        "id": centre.pk,
        "name": centre.name,
        "centre_type": centre.centre_type.code,
        "scope": centre.scope,
        "ownership": centre.ownership,
        "host_organisation": centre.host_organisation.name,
        "country": centre.country.code.code,
        "region": centre.country.region.code,
        "objectives": [o.code for o in centre.objectives.all()],
        "status": centre.status,
        "description": centre.description,
        "website": centre.website,
        "accreditation": _accreditation_out(accreditation),
    }


def _actions(obj, user) -> list[str]:
    return sorted(allowed_actions(obj, user))


def _managed_centre_out(centre, accreditation, user):
    out = _centre_out(centre, accreditation)
    out["actions"] = _actions(centre, user)
    if accreditation is not None:
        out["accreditation"]["actions"] = _actions(accreditation, user)
    return out


class CentrePage(Schema):
    count: int
    items: list[CentreOut]


@router.get("/centres", response=CentrePage)
def centre_list(
    request,
    centre_type: str | None = None,
    region: str | None = None,
    country: str | None = None,
    status: str | None = None,
    scope: str | None = None,
    objective: str | None = None,
    q: str | None = None,
    limit: int = Query(50, ge=1, le=MAX_LIMIT),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
):
    """The public registry, `limit`/`offset` paginated; unknown codes match nothing."""
    filters = {
        "centre_type": CentreType.objects.filter(code=centre_type).first() if centre_type else None,
        "region": Region.objects.filter(code=(region or "").upper()).first() if region else None,
        "country": Country.objects.filter(code=(country or "").upper()).first()
        if country
        else None,
        "objective": StrategicObjective.objects.filter(code=objective).first()
        if objective
        else None,
        "status": status,
        "scope": scope,
        "q": q,
    }
    asked = {"centre_type": centre_type, "region": region, "country": country}
    asked["objective"] = objective
    if any(value and filters[name] is None for name, value in asked.items()):
        return {"count": 0, "items": []}
    rows = registry_centres(filters)
    centres = list(rows[offset : offset + limit])
    accreditations = current_accreditations_for(centres)
    return {
        "count": rows.count(),
        "items": [_centre_out(c, accreditations.get(c.pk)) for c in centres],
    }


@router.get("/centres/{centre_id}", response=CentreOut)
def centre_detail(request, centre_id: int):
    try:
        centre = public_centre(centre_id)
    except Centre.DoesNotExist as exc:
        raise Http404 from exc
    return _centre_out(centre, current_accreditation(centre))


@router.get("/centres/{centre_id}/initiatives", response=list[InitiativeOut])
def initiatives(request, centre_id: int):
    try:
        centre = public_centre(centre_id)
    except Centre.DoesNotExist as exc:
        raise Http404 from exc
    return [_initiative_out(i) for i in centre.initiatives.all()]


def _initiative_out(i: FlagshipInitiative) -> dict:
    return {
        **{f: getattr(i, f) for f in InitiativeOut.model_fields if f in INITIATIVE_FIELDS},
        "id": i.pk,
        "objectives": [o.code for o in i.objectives.all()],
    }


def _verification_out(accreditation):
    if accreditation is None:
        return {"status": "unknown"}
    centre = accreditation.centre
    return {
        "status": public_status(accreditation),
        "centre": centre.name,
        "centre_id": centre.pk,
        "centre_type": accreditation.centre_type.code,
        "country": centre.country.code.code,
        "start_date": accreditation.start_date,
        "end_date": accreditation.end_date,
        "superseded_by": accreditation.reissue.verification_code if accreditation.reissue else None,
    }


@router.get("/centres/{centre_id}/accreditations", response=list[AccreditationOut])
def accreditations(request, centre_id: int):
    """Every accreditation of a public centre, newest first, with public fields only."""
    try:
        centre = public_centre(centre_id)
    except Centre.DoesNotExist as exc:
        raise Http404 from exc
    rows = centre.accreditations.select_related("centre_type").order_by("-start_date", "-id")
    return [_accreditation_out(a) for a in rows]


@router.get("/verify/{code}", response=VerificationOut)
def verify_code(request, code: str):
    """Unknown and malformed codes both answer {"status": "unknown"}."""
    return _verification_out(accreditation_by_code(code))


@router.post("/verify", response=VerificationOut)
def verify_file(request, payload: CredentialIn):
    result = verify_credential(payload.credential, current_status_lists())
    if result.outcome == "invalid":
        return {"status": "invalid"}
    return _verification_out(accreditation_by_code(result.code))


@router.patch("/centres/{centre_id}/profile", response=ManagedCentreOut, auth=TokenAuth())
def profile_update(request, centre_id: int, payload: ProfileIn):
    centre = get_centre_for(request.auth, centre_id, manage=True)
    fields = payload.dict(exclude_none=True)
    centre = services.centre_profile_update(centre_id=centre.pk, actor=request.auth, **fields)
    return _managed_centre_out(centre, current_accreditation(centre), request.auth)


@router.post(
    "/centres/{centre_id}/initiatives", response={201: ManagedInitiativeOut}, auth=TokenAuth()
)
def initiative_create(request, centre_id: int, payload: InitiativeIn):
    """With an `Idempotency-Key`, a retry gets the first initiative (201 again)."""
    centre = get_centre_for(request.auth, centre_id, manage=True)

    def compute():
        data = payload.dict()
        objectives = list(StrategicObjective.objects.filter(code__in=data.pop("objectives")))
        initiative = services.initiative_create(
            centre_id=centre.pk, actor=request.auth, objectives=objectives, **data
        )
        return {**_initiative_out(initiative), "actions": _actions(initiative, request.auth)}

    return creating(request, ManagedInitiativeOut, compute, status=201, field_errors=True)


@router.patch("/centres/{centre_id}", response=ManagedCentreOut, auth=TokenAuth())
def centre_update(request, centre_id: int, payload: CentreIn):
    """The secretariat's fields (a centre manager gets a 403: they edit the profile)."""
    centre = get_centre_for(request.auth, centre_id, manage=True)
    fields = payload.dict(exclude_none=True)
    objectives = fields.pop("objectives", None)
    if objectives is not None:
        objectives = list(StrategicObjective.objects.filter(code__in=objectives))
    centre = services.centre_update(
        centre_id=centre.pk, actor=request.auth, objectives=objectives, **fields
    )
    return _managed_centre_out(centre, current_accreditation(centre), request.auth)


class InitiativePatch(Schema):
    title: RequiredTranslationsIn | None = None
    summary: TranslationsIn | None = None
    objectives: list[str] | None = None
    partners: str | None = None
    budget_usd: int | None = None
    start_date: date | None = None
    end_date: date | None = None
    status: Choice(FlagshipInitiative, "status") | None = None
    outcomes: str | None = None


@router.patch("/initiatives/{initiative_id}", response=ManagedInitiativeOut, auth=TokenAuth())
def initiative_update(request, initiative_id: int, payload: InitiativePatch):
    initiative = FlagshipInitiative.objects.filter(pk=initiative_id).first()
    if initiative is None:
        raise Http404
    get_centre_for(request.auth, initiative.centre_id, manage=True)
    data = payload.dict(exclude_unset=True)
    codes = data.pop("objectives", None)
    objectives = None if codes is None else list(StrategicObjective.objects.filter(code__in=codes))
    initiative = services.initiative_update(
        initiative_id=initiative.pk, actor=request.auth, objectives=objectives, **data
    )
    return {**_initiative_out(initiative), "actions": _actions(initiative, request.auth)}
