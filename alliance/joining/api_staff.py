"""Joining actions the API already takes through the routes of joining/api.py (the
applicant's side), declared for the coverage test of the transition tables
(docs/api-actions.md). The secretariat's side is not in the API yet: NOT_YET in
tests/api/test_action_coverage.py."""

from alliance.core.api_actions import taken_elsewhere

taken_elsewhere(
    "joining.ExpressionOfInterest",
    {
        "submit": "POST /api/v1/joining/expressions/{expression_id}/submit",
        "start_assessment": "POST /api/v1/joining/expressions/{expression_id}/assessment",
    },
)
taken_elsewhere(
    "joining.PreliminaryAssessment",
    {
        "edit": "POST /api/v1/joining/assessments/{assessment_id}/sections/{section}",
        "submit": "POST /api/v1/joining/assessments/{assessment_id}/submit",
    },
)
