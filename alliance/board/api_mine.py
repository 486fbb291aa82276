"""Board API for a person about their own place: the seats recorded under their address
(claimed on sign-in by the pages, on request here) and their application to the Expert
Network (the invited expert's own form). The same services and form rules as the pages."""

from ninja import Router, Schema
from pydantic import Field

from alliance.accounts.auth import TokenAuth
from alliance.core.api_actions import creating, form_values, taken_elsewhere
from alliance.core.schemas import Choice

from . import services
from .forms import ExpertApplicationForm
from .models import Availability, BoardMember, Expert, ExpertArea, Language

router = Router(tags=["board: mine"], auth=TokenAuth())


class BoardMySeatOut(Schema):
    id: int
    full_name: str
    status: Choice(BoardMember, "status")


class BoardSeatsLinkedOut(Schema):
    linked: int
    seats: list[BoardMySeatOut]


class BoardExpertApplyIn(Schema):
    full_name: str = Field(min_length=1, max_length=200)
    organisation_name: str = Field("", max_length=250)
    country: str = Field("", max_length=2, description="ISO 3166-1 alpha-2 code")
    areas: list[str] = Field(min_length=1, max_length=50, description="area codes")
    expertise: str = Field(min_length=1, max_length=20_000)
    languages: list[Language] = Field(min_length=1, max_length=10)
    availability: Availability


class BoardMyExpertOut(Schema):
    id: int
    full_name: str
    status: Choice(Expert, "status")
    areas: list[str]
    languages: list[str]


def _seats(user) -> list[dict]:
    return [
        {"id": m.pk, "full_name": m.full_name, "status": m.status}
        for m in BoardMember.objects.filter(user=user).order_by("pk")
    ]


@router.post(
    "/board/my/seats/link", response=BoardSeatsLinkedOut, operation_id="board_my_seats_link"
)
def seats_link(request):
    """Link the Board seats recorded under the caller's (verified) address to the account,
    as signing in does: a member seated before they had an account finds the members' area."""

    def compute():
        return {"linked": services.link_account(user=request.auth), "seats": _seats(request.auth)}

    return creating(request, BoardSeatsLinkedOut, compute)


@router.post(
    "/board/my/expert-application",
    response=BoardMyExpertOut,
    operation_id="board_my_expert_apply",
)
def expert_apply(request, payload: BoardExpertApplyIn):
    """Apply to the Expert Network, or complete the application you were invited to."""
    by_code = dict(ExpertArea.objects.filter(code__in=payload.areas).values_list("code", "pk"))
    # An unknown code goes to the form as is: it answers with its own "not a valid value".
    data = {**payload.model_dump(mode="json"), "areas": [by_code.get(c, c) for c in payload.areas]}

    def compute():
        cleaned = form_values(ExpertApplicationForm, data)
        expert = services.expert_apply(actor=request.auth, **cleaned)
        return {
            "id": expert.pk,
            "full_name": expert.full_name,
            "status": expert.status,
            "areas": sorted(expert.areas.values_list("code", flat=True)),
            "languages": [code for code in expert.languages.split(",") if code],
        }

    return creating(request, BoardMyExpertOut, compute)


taken_elsewhere("board.BoardMember", {"link_account": "POST /api/v1/board/my/seats/link"})
taken_elsewhere("board.Expert", {"apply": "POST /api/v1/board/my/expert-application"})
