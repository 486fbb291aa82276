"""The JSON API: one NinjaAPI object, with the router of each app that has endpoints."""

from ninja import NinjaAPI

from alliance.accounts.api import router as account_router
from alliance.accounts.api_orgs import router as organisations_router
from alliance.board.api import router as board_router
from alliance.calls.api import router as calls_router
from alliance.centres.api import reference_router as centre_types_router
from alliance.centres.api import router as centres_router
from alliance.core.api import router as reference_router
from alliance.core.states import TransitionRefused
from alliance.joining.api import router as joining_router
from alliance.lab.api import router as lab_router
from alliance.monitoring.api import router as monitoring_router
from alliance.notifications.api import router as notifications_router
from alliance.public.api import router as milestones_router

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


# The order of the routers is the order of the paths in the OpenAPI document.
api.add_router("/", reference_router)
api.add_router("/", centre_types_router)
api.add_router("/", milestones_router)
api.add_router("/", account_router)
api.add_router("/", organisations_router)
api.add_router("/", notifications_router)
api.add_router("/", centres_router)
api.add_router("/", board_router)
api.add_router("/", joining_router)
api.add_router("/", calls_router)
api.add_router("/", lab_router)
api.add_router("/", monitoring_router)
