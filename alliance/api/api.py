from django.conf import settings
from django.views.decorators.cache import cache_page
from ninja import NinjaAPI, Router
from ninja.decorators import decorate_view
from ninja.pagination import paginate

from alliance.board.api import router as board_router
from alliance.calls.api import router as calls_router
from alliance.centres.api import router as centres_router
from alliance.centres.models import CentreType
from alliance.core.models import Country, Region, StrategicObjective
from alliance.core.states import TransitionRefused
from alliance.joining import api as joining_api
from alliance.lab.api import router as lab_router
from alliance.monitoring.api import router as monitoring_router
from alliance.notifications.api import router as notifications_router
from alliance.public.selectors import public_milestones

from .auth import TokenAuth
from .schemas import (
    CentreTypeOut,
    CountryOut,
    MeOut,
    MilestoneOut,
    ObjectiveOut,
    RegionOut,
)

api = NinjaAPI(
    title="Alliance Hub API",
    version="1.0.0",
    description="Public reference data of the Innovation and Entrepreneurship Alliance for "
    "Digital Development, and token-authenticated endpoints for members.",
    urls_namespace="api-1.0.0",
)


@api.exception_handler(TransitionRefused)
def transition_refused(request, exc: TransitionRefused):
    status = 403 if exc.code == "forbidden" else 409
    return api.create_response(request, {"code": exc.code, "message": exc.reason}, status=status)


reference = Router(tags=["reference"])
# Reference data changes rarely; every client shares one cached answer per URL.
public_cache = decorate_view(cache_page(settings.PUBLIC_CACHE_SECONDS, key_prefix="api"))


@reference.get("/objectives", response=list[ObjectiveOut])
@public_cache
def objectives(request):
    return StrategicObjective.objects.order_by("order")


@reference.get("/regions", response=list[RegionOut])
@public_cache
def regions(request):
    return Region.objects.order_by("order")


@reference.get("/countries", response=list[CountryOut])
@public_cache
@paginate
def countries(request, region: str | None = None):
    rows = Country.objects.select_related("region").order_by("code")
    if region:
        rows = rows.filter(region__code=region.upper())
    return [{"code": c.code.code, "name": c.name, "region": c.region.code} for c in rows]


@reference.get("/centre-types", response=list[CentreTypeOut])
@public_cache
def centre_types(request):
    rows = CentreType.objects.prefetch_related("objectives").order_by("order")
    return [
        {
            **{f: getattr(ct, f) for f in CentreTypeOut.model_fields if f != "objectives"},
            "objectives": [o.code for o in ct.objectives.all()],
        }
        for ct in rows
    ]


@reference.get("/milestones", response=list[MilestoneOut])
@public_cache
def milestones(request):
    return public_milestones()


me = Router(tags=["account"], auth=TokenAuth())


@me.get("/me", response=MeOut)
def whoami(request):
    user = request.auth
    return {
        "email": user.email,
        "full_name": user.full_name,
        "roles": sorted(user.role_names()),
        "organisations": [
            str(m.organisation) for m in user.memberships.select_related("organisation")
        ],
    }


api.add_router("/", reference)
api.add_router("/", me)
api.add_router("/", notifications_router)
api.add_router("/", centres_router)
api.add_router("/", board_router)
api.add_router("/", joining_api.router)
api.add_router("/", calls_router)
api.add_router("/", lab_router)
api.add_router("/", monitoring_router)
