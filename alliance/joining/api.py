"""JSON API of the joining journey: the public recommender and, with a token, the
organisation's own expressions of interest, assessments and declarations. It calls the
same services as the HTML pages."""

from datetime import datetime
from typing import Literal

from django.shortcuts import get_object_or_404
from ninja import Body, Field, Query, Router, Schema
from ninja.errors import HttpError

from alliance.accounts.auth import TokenAuth
from alliance.accounts.permissions import get_organisation_for
from alliance.centres.models import CentreType
from alliance.centres.recommender import Profile, recommend
from alliance.core.access import get_visible_or_404
from alliance.core.api_actions import creating, form_values, taken_elsewhere, window, window_query
from alliance.core.models import StrategicObjective
from alliance.core.schemas import Choice, WithActions

from . import services
from .forms import SECTION_FORMS, SignForm
from .models import ExpressionOfInterest, Instrument, JointDeclaration, PreliminaryAssessment
from .selectors import (
    assessments_visible_to,
    centre_types,
    declarations_visible_to,
    expressions_visible_to,
    recommendation_for,
)

public = Router(tags=["joining"])
members = Router(tags=["joining"], auth=TokenAuth())


class CostOut(Schema):
    currency: str = "USD"
    indicative: bool = True
    annual: int
    low: int
    high: int
    parts: dict[str, int]
    # The cost model version whose figures made the estimate (its figures: on the page).
    version: int


class FitOut(Schema):
    centre_type: str
    name: str
    eligible: bool
    score: int
    covers: list[str]
    missing: list[str]
    reasons: list[str]
    cost: CostOut


class RecommendationOut(Schema):
    results: list[FitOut]


class RecommendationQuery(Schema):
    objectives: list[str] = Field(default_factory=list)
    scope: Literal["global", "regional", "national"] | None = None
    ownership: Literal["itu", "country", "host_institution"] | None = None
    sponsor: Literal["host_country", "academia", "host_organisation"] | None = None
    annual_budget_usd: int | None = Field(default=None, ge=0)
    flagship_initiatives: int = Field(default=1, ge=0, le=20)


def _fits_out(fits) -> dict:
    return {
        "results": [
            {
                "centre_type": f.centre_type.code,
                "name": str(f.centre_type.name),
                "eligible": f.recommended,
                "score": f.score,
                "covers": f.covered,
                "missing": f.missing,
                "reasons": [text for _ok, text in f.reasons],
                "cost": {
                    "annual": f.cost.annual_usd,
                    "low": f.cost.low_usd,
                    "high": f.cost.high_usd,
                    "parts": dict(f.cost.parts),
                    "version": f.cost.version,
                },
            }
            for f in fits
        ]
    }


def _objective_codes(values: list[str]) -> list[str]:
    codes = [c.strip().upper() for v in values for c in v.split(",") if c.strip()]
    known = set(StrategicObjective.objects.values_list("code", flat=True))
    unknown = sorted(set(codes) - known)
    if unknown:
        raise HttpError(422, f"objectives: unknown code(s) {', '.join(unknown)}")
    return codes


@public.get("/recommendation", response=RecommendationOut)
def recommendation(request, query: Query[RecommendationQuery]):
    """Rank the four centre types for a profile (the public "Which centre type fits us?")."""
    profile = Profile(
        objectives=frozenset(_objective_codes(query.objectives)),
        scope=query.scope,
        ownership=query.ownership,
        sponsor=query.sponsor,
        annual_budget_usd=query.annual_budget_usd,
        flagship_initiatives=query.flagship_initiatives,
    )
    return _fits_out(recommend(profile, centre_types()))


# A budget class stands for an annual operating budget (USD) the recommender can compare with
# each type's indicative cost; see docs/glossary/joining.md.
BUDGET_CLASS_USD = {"low": 150_000, "moderate": 600_000, "high": 2_000_000}


class RecommendationIn(Schema):
    objectives: list[Literal["FORESIGHT", "OPEN_TECH", "ENTREPRENEURSHIP", "POLICY", "ECOSYSTEM"]]
    scope: Literal["global", "regional", "national"]
    ownership: Literal["itu", "country", "host_institution"]
    sponsor: Literal["host_country", "academia", "host_organisation"]
    budget: Literal["high", "moderate", "low"]
    flagship_initiatives: int = Field(default=1, ge=0, le=20)


@public.post("/recommendations", response=RecommendationOut)
def recommendations(request, payload: RecommendationIn):
    """The same ranking from a JSON profile; an unknown code or a missing field is a 422."""
    profile = Profile(
        objectives=frozenset(payload.objectives),
        scope=payload.scope,
        ownership=payload.ownership,
        sponsor=payload.sponsor,
        annual_budget_usd=BUDGET_CLASS_USD[payload.budget],
        flagship_initiatives=payload.flagship_initiatives,
    )
    return _fits_out(recommend(profile, centre_types()))


# --- The organisation's own records (token) --------------------------------------------


class JoiningExpressionEditIn(Schema):
    """The draft's fields (an edit sends them all, as the form does)."""

    instruments: list[Literal["host_centre", "join_board", "partner", "lab_support"]]
    objectives: list[str] = Field(default_factory=list)
    centre_types: list[str] = Field(default_factory=list)
    scope: Literal["global", "regional", "national", ""] = ""
    motivation: str = Field(min_length=1, max_length=5000)
    contact_name: str = Field(min_length=1, max_length=200)
    contact_email: str = Field(min_length=3, max_length=254)


class ExpressionIn(JoiningExpressionEditIn):
    organisation_id: int


class ExpressionOut(WithActions):
    id: int
    organisation_id: int
    status: Choice(ExpressionOfInterest, "status")
    instruments: list[Choice(Instrument)]
    objectives: list[str]
    centre_types: list[str]
    scope: Choice(ExpressionOfInterest, "scope")
    motivation: str
    decline_reason: str
    created_at: datetime
    submitted_at: datetime | None

    @staticmethod
    def resolve_objectives(obj):
        return [o.code for o in obj.objectives.all()]

    @staticmethod
    def resolve_centre_types(obj):
        return [ct.code for ct in obj.centre_types.all()]


class AssessmentOut(WithActions):
    id: int
    organisation_id: int
    expression_id: int
    status: Choice(PreliminaryAssessment, "status")
    section_status: dict[str, str]
    pillars: dict
    human_resources: list
    annual_budget_usd: int | None
    funding_sources: list[str]
    years_secured: int | None
    objectives: list[str]
    scope: Choice(PreliminaryAssessment, "scope")
    ownership: Choice(PreliminaryAssessment, "ownership")
    sponsor: Choice(PreliminaryAssessment, "sponsor")
    flagship_initiatives: int | None
    findings: str
    submitted_at: datetime | None
    completed_at: datetime | None


class AssessmentDetailOut(AssessmentOut):
    recommendation: RecommendationOut


class DeclarationOut(WithActions):
    id: int
    organisation_id: int
    assessment_id: int
    status: Choice(JointDeclaration, "status")
    centre_type: str
    scope: Choice(JointDeclaration, "scope")
    signatory_name: str
    signed_at: datetime | None
    countersigned_at: datetime | None
    sha256: str

    @staticmethod
    def resolve_centre_type(obj):
        return obj.centre_type.code


@members.get("/joining/expressions", response=list[ExpressionOut])
def list_expressions(request, paging: Query[window_query(200)]):
    """Newest first (`limit` up to 200, `offset`)."""
    return window(expressions_visible_to(request.auth).order_by("-created_at", "-pk"), paging)


@members.post("/joining/expressions", response={201: ExpressionOut})
def create_expression(request, payload: ExpressionIn):
    """A new draft. With an `Idempotency-Key`, a retry gets the first draft (201 again)."""

    def compute():
        organisation = get_organisation_for(request.auth, payload.organisation_id, manage=True)
        return services.expression_create(
            organisation=organisation, actor=request.auth, data=_expression_data(payload)
        )

    return creating(request, ExpressionOut, compute, orm=True, status=201, field_errors=True)


def _expression_data(payload) -> dict:
    """What the draft form saves, from the API's body (codes for the related rows)."""
    objectives = list(StrategicObjective.objects.filter(code__in=payload.objectives))
    if len(objectives) != len(set(payload.objectives)):
        raise HttpError(422, "objectives: unknown code")
    types = list(CentreType.objects.filter(code__in=payload.centre_types))
    if len(types) != len(set(payload.centre_types)):
        raise HttpError(422, "centre_types: unknown code")
    return {
        "instruments": [i for i in payload.instruments if i in Instrument.values],
        "objectives": objectives,
        "centre_types": types,
        "scope": payload.scope,
        "motivation": payload.motivation,
        "contact_name": payload.contact_name,
        "contact_email": payload.contact_email,
    }


@members.get("/joining/expressions/{expression_id}", response=ExpressionOut)
def get_expression(request, expression_id: int):
    return get_visible_or_404(expressions_visible_to(request.auth), pk=expression_id)


@members.put(
    "/joining/expressions/{expression_id}",
    response=ExpressionOut,
    operation_id="joining_expression_edit",
)
def edit_expression(request, expression_id: int, payload: JoiningExpressionEditIn):
    """Save the draft again with all its fields, as the draft form does (a draft only)."""
    expression = get_visible_or_404(expressions_visible_to(request.auth), pk=expression_id)

    def compute():
        services.expression_update(
            expression_id=expression.pk, actor=request.auth, data=_expression_data(payload)
        )
        return get_object_or_404(expressions_visible_to(request.auth), pk=expression_id)

    return creating(request, ExpressionOut, compute, orm=True)


@members.post("/joining/expressions/{expression_id}/submit", response=ExpressionOut)
def submit_expression(request, expression_id: int):
    expression = get_visible_or_404(expressions_visible_to(request.auth), pk=expression_id)
    services.expression_submit(expression_id=expression.pk, actor=request.auth)
    return get_object_or_404(expressions_visible_to(request.auth), pk=expression_id)


@members.post("/joining/expressions/{expression_id}/assessment", response={201: AssessmentOut})
def start_assessment(request, expression_id: int):
    expression = get_visible_or_404(expressions_visible_to(request.auth), pk=expression_id)

    def compute():
        return services.assessment_start(expression_id=expression.pk, actor=request.auth)

    return creating(request, AssessmentOut, compute, orm=True, status=201, field_errors=True)


class SectionSaved(Schema):
    assessment: AssessmentOut
    errors: dict[str, list[str]]


@members.post("/joining/assessments/{assessment_id}/sections/{section}", response=SectionSaved)
def save_section(request, assessment_id: int, section: str, payload: Body[dict]):
    """Save one section with the same fields as its page; what is valid is saved, the rest
    comes back in `errors` (as on the page)."""
    if section not in SECTION_FORMS:
        raise HttpError(404, "Unknown section")
    assessment = get_visible_or_404(assessments_visible_to(request.auth), pk=assessment_id)
    form = SECTION_FORMS[section](payload)
    form.is_valid()
    saved = services.assessment_save_section(
        assessment_id=assessment.pk, actor=request.auth, section=section, data=form.section_data()
    )
    return {"assessment": saved, "errors": {k: list(v) for k, v in form.errors.items()}}


@members.get("/joining/assessments", response=list[AssessmentOut])
def list_assessments(request, paging: Query[window_query(200)]):
    """Newest first (`limit` up to 200, `offset`)."""
    return window(assessments_visible_to(request.auth).order_by("-created_at", "-pk"), paging)


@members.get("/joining/assessments/{assessment_id}", response=AssessmentDetailOut)
def get_assessment(request, assessment_id: int):
    assessment = get_visible_or_404(assessments_visible_to(request.auth), pk=assessment_id)
    assessment.recommendation = _fits_out(recommendation_for(assessment))
    return assessment


@members.post("/joining/assessments/{assessment_id}/submit", response=AssessmentOut)
def submit_assessment(request, assessment_id: int):
    assessment = get_visible_or_404(assessments_visible_to(request.auth), pk=assessment_id)
    return services.assessment_submit(assessment_id=assessment.pk, actor=request.auth)


@members.get("/joining/declarations", response=list[DeclarationOut])
def list_declarations(request, paging: Query[window_query(200)]):
    """Latest drafted first (`limit` up to 200, `offset`)."""
    return window(declarations_visible_to(request.auth).order_by("-drafted_at", "-pk"), paging)


@members.get(
    "/joining/declarations/{declaration_id}",
    response=DeclarationOut,
    operation_id="joining_declaration_detail",
)
def get_declaration(request, declaration_id: int):
    return get_visible_or_404(declarations_visible_to(request.auth), pk=declaration_id)


class JoiningSignIn(Schema):
    password: str = Field(min_length=1, max_length=4096, description="the signatory's password")
    full_name: str = Field(min_length=1, max_length=200)
    confirm: bool = Field(description="I am authorised to sign for my organisation")


@members.post(
    "/joining/declarations/{declaration_id}/sign",
    response=DeclarationOut,
    operation_id="joining_declaration_sign",
)
def sign_declaration(request, declaration_id: int, payload: JoiningSignIn):
    """The organisation's authorised signatory signs. A token alone does not sign: the body
    carries the signatory's password, checked as the page checks it (ADR 0025)."""
    declaration = get_visible_or_404(declarations_visible_to(request.auth), pk=declaration_id)

    def compute():
        data = payload.model_dump()
        data["confirm"] = "on" if payload.confirm else ""
        cleaned = form_values(SignForm, data, user=request.auth)
        services.declaration_sign(
            declaration_id=declaration.pk, actor=request.auth, signatory_name=cleaned["full_name"]
        )
        return get_object_or_404(declarations_visible_to(request.auth), pk=declaration_id)

    return creating(request, DeclarationOut, compute, orm=True)


taken_elsewhere(
    "joining.ExpressionOfInterest", {"edit": "PUT /api/v1/joining/expressions/{expression_id}"}
)
taken_elsewhere(
    "joining.JointDeclaration", {"sign": "POST /api/v1/joining/declarations/{declaration_id}/sign"}
)


router = Router()
router.add_router("/", public)
router.add_router("/", members)
