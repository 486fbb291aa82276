"""Who may do what with calls, applications and reviews (alliance.core.policy)."""

import rules
from django.utils.translation import gettext_lazy as _

from alliance.accounts.policy import belongs, capability, manages
from alliance.accounts.roles import StaffRole, register_grants
from alliance.core.policy import rule

# Staff capabilities granted by the app itself (migration 0005 does it in the database);
# view_call, manage_call and decide_call are granted in accounts/roles.py.
GRANTS = {StaffRole.REVIEWER: ["review_application"]}
register_grants("calls", GRANTS)

MANAGER_ONLY = _("Only a focal point or an authorised signatory can do this.")

staff = capability("calls.view_call")
manages_calls = capability("calls.manage_call")
decides = capability("calls.decide_call")


@rules.predicate
def is_assigned_reviewer(user, assignment) -> bool:
    return assignment is not None and user.pk is not None and assignment.reviewer_id == user.pk


# Pages of the secretariat and the Director, and the reviewers' queue.
rule("calls.staff", staff)
rule("calls.reviewer", capability("calls.review_application"))
# A call: draft it, open it, screen and assign; decide and publish the results.
rule("calls.call.manage", manages_calls)
rule("calls.call.decide", decides)
rule("calls.call.export", staff)
# An application: the organisation's focal points and signatories write it, any member of
# the organisation reads it; the secretariat screens it, the Director decides on it.
rule("calls.application.manage", manages("organisation_id"), message=MANAGER_ONLY)
rule("calls.application.read", belongs("organisation_id"))
rule("calls.application.screen", manages_calls)
rule("calls.application.decide", decides)
# A review assignment: only the assigned reviewer declares conflicts and scores.
rule("calls.assignment.review", is_assigned_reviewer)
rule("calls.assignment.remind", manages_calls)
