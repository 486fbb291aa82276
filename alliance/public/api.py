"""Public key dates of the Alliance, as on the key dates page."""

from datetime import date

from ninja import Router, Schema

from alliance.core.cache import public_api

from .selectors import public_milestones

router = Router(tags=["reference"])


class MilestoneOut(Schema):
    id: int
    date: date
    title_en: str
    title_fr: str
    description_en: str
    description_fr: str
    location: str


# operation_id: its name before the routers moved to their apps (generated clients keep it).
@router.get("/milestones", response=list[MilestoneOut], operation_id="alliance_api_api_milestones")
@public_api
def milestones(request):
    return public_milestones()
