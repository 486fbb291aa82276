"""Public reference data of the Alliance: strategic objectives, ITU-D regions, Member States."""

from ninja import Router, Schema
from ninja.pagination import paginate

from .cache import public_api
from .models import Country, Region, StrategicObjective
from .schemas import TranslatedText, WithTranslations

router = Router(tags=["reference"])


class ObjectiveOut(WithTranslations("name", "description")):
    code: str
    name: TranslatedText
    description: TranslatedText


class RegionOut(WithTranslations("name")):
    code: str
    name: TranslatedText
    regional_office: str


class CountryOut(Schema):
    code: str
    name: str
    region: str


# operation_id: the names these had before the routers moved to their apps, so that
# generated API clients keep their method names.
@router.get("/objectives", response=list[ObjectiveOut], operation_id="alliance_api_api_objectives")
@public_api
def objectives(request):
    return StrategicObjective.objects.order_by("order")


@router.get("/regions", response=list[RegionOut], operation_id="alliance_api_api_regions")
@public_api
def regions(request):
    return Region.objects.order_by("order")


@router.get("/countries", response=list[CountryOut], operation_id="alliance_api_api_countries")
@public_api
@paginate
def countries(request, region: str | None = None):
    rows = Country.objects.select_related("region").order_by("code")
    if region:
        rows = rows.filter(region__code=region.upper())
    return [{"code": c.code.code, "name": c.name, "region": c.region.code} for c in rows]
