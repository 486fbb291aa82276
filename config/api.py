"""The JSON API: one NinjaAPI object, with the router of each app that has endpoints.

AllianceAPI (alliance/core/api_errors.py) gives every operation of every router the error
contract: the Error schema for each 4xx it can answer, the exception handlers and the input
guards (docs/api.md)."""

from alliance.accounts.api import router as account_router
from alliance.accounts.api_invitations import router as invitations_router
from alliance.accounts.api_orgs import router as organisations_router
from alliance.board.api import router as board_router
from alliance.board.api_mine import router as board_mine_router
from alliance.board.api_staff import router as board_staff_router
from alliance.calls.api import router as calls_router
from alliance.calls.api_staff import router as calls_staff_router
from alliance.calls.api_staff_applications import mine_router as calls_mine_router
from alliance.calls.api_staff_applications import router as calls_applications_router
from alliance.centres.api import reference_router as centre_types_router
from alliance.centres.api import router as centres_router
from alliance.centres.api_staff import router as centres_staff_router
from alliance.core.api import router as reference_router
from alliance.core.api_errors import AllianceAPI
from alliance.events.api import router as events_router
from alliance.events.api import staff_router as events_staff_router
from alliance.joining.api import router as joining_router
from alliance.joining.api_staff import router as joining_staff_router
from alliance.lab.api import router as lab_router
from alliance.lab.api_staff import router as lab_staff_router
from alliance.monitoring.api import router as monitoring_router
from alliance.monitoring.api_staff import router as monitoring_staff_router
from alliance.news.api import router as news_router
from alliance.news.api_staff import router as news_staff_router
from alliance.notifications.api import router as notifications_router
from alliance.public.api import router as milestones_router

api = AllianceAPI(
    title="Alliance Hub API",
    version="1.0.0",
    description="Public reference data of the Innovation and Entrepreneurship Alliance for "
    "Digital Development, and token-authenticated endpoints for members.",
    urls_namespace="api-1.0.0",
)


# The order of the routers is the order of the paths in the OpenAPI document.
api.add_router("/", reference_router)
api.add_router("/", centre_types_router)
api.add_router("/", milestones_router)
api.add_router("/", account_router)
api.add_router("/", organisations_router)
api.add_router("/", invitations_router)
api.add_router("/", notifications_router)
api.add_router("/", centres_router)
api.add_router("/", board_router)
api.add_router("/", events_router)
api.add_router("/", joining_router)
api.add_router("/", calls_router)
api.add_router("/", news_router)
# Staff actions and the applicant's own writes, driven by the transition tables
# (alliance.core.api_actions, docs/api-actions.md).
api.add_router("/", calls_mine_router)
api.add_router("/", calls_staff_router)
api.add_router("/", calls_applications_router)
api.add_router("/", lab_router)
api.add_router("/", monitoring_router)
api.add_router("/", joining_staff_router)
api.add_router("/", board_staff_router)
api.add_router("/", board_mine_router)
api.add_router("/", centres_staff_router)
api.add_router("/", lab_staff_router)
api.add_router("/", monitoring_staff_router)
api.add_router("/", news_staff_router)
api.add_router("/", events_staff_router)
