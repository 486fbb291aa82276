"""Public key dates of the Alliance, as on the key dates page."""

from datetime import date

from ninja import Router

from alliance.core.cache import public_api
from alliance.core.schemas import TranslatedText, WithTranslations

from .selectors import public_milestones

router = Router(tags=["reference"])


class MilestoneOut(WithTranslations("title", "description")):
    id: int
    date: date
    title: TranslatedText
    description: TranslatedText
    location: str


# operation_id: its name before the routers moved to their apps (generated clients keep it).
@router.get("/milestones", response=list[MilestoneOut], operation_id="alliance_api_api_milestones")
@public_api
def milestones(request):
    return public_milestones()
