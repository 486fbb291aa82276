"""Centres actions the API already takes through the routes of centres/api.py, declared
for the coverage test of the transition tables (docs/api-actions.md). The secretariat's
and the Director's own actions on centres, accreditations, renewals and requests are not
in the API yet: tests/api/test_action_coverage.py lists them in NOT_YET."""

from alliance.core.api_actions import taken_elsewhere

taken_elsewhere(
    "centres.Centre",
    {
        "edit": "PATCH /api/v1/centres/{centre_id}",
        "edit_profile": "PATCH /api/v1/centres/{centre_id}/profile",
    },
)
taken_elsewhere("centres.FlagshipInitiative", {"edit": "PATCH /api/v1/initiatives/{initiative_id}"})
