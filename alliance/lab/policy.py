"""Who may do what with the Lab's requests, agreements and projects (alliance.core.policy)."""

import rules
from django.utils.translation import gettext_lazy as _

from alliance.accounts.policy import belongs, capability, signed_in
from alliance.accounts.roles import StaffRole, register_grants
from alliance.core.policy import rule

# Staff capabilities, granted to the staff-role groups (migration 0003 does it in the
# database): exactly the roles the Lab's role checks let through before.
GRANTS = {
    StaffRole.SECRETARIAT: ["view_lab", "triage_request", "oversee_request", "manage_agreement"],
    StaffRole.DIRECTOR: ["view_lab"],
    StaffRole.LAB_EXPERT: ["view_lab", "triage_request", "take_request", "manage_agreement"],
}
register_grants("lab", GRANTS)

LAB_ONLY = _("Only a Lab expert or the secretariat can do this.")

triages = capability("lab.triage_request")
manages_agreements = capability("lab.manage_agreement")


@rules.predicate
def is_assigned_expert(user, request) -> bool:
    return signed_in(user) and request is not None and request.assigned_to_id == user.pk


# Sees every request, agreement and project (others see their organisations' own).
rule("lab.staff", capability("lab.view_lab"))
# The Lab queue, the experts' workload and the triage steps.
rule("lab.queue", triages)
rule("lab.request.triage", triages, message=LAB_ONLY)
# Takes assignments (and has the "assigned to you" page).
rule("lab.expert", capability("lab.take_request"))
# Any member of an Alliance organisation may ask the Lab for help.
rule(
    "lab.request.submit",
    belongs("organisation_id"),
    message=_("Only a member of the organisation can do this."),
)
# The plan, its milestones and the delivery: the assigned expert (the secretariat may
# stand in for them).
rule(
    "lab.request.work",
    is_assigned_expert | capability("lab.oversee_request"),
    message=_("Only the Lab expert assigned to this request can do this."),
)
# Agreeing the plan and rating the delivery: any member of the requesting organisation.
rule(
    "lab.request.respond",
    belongs("organisation_id"),
    message=_("Only a member of the requesting organisation can do this."),
)
rule("lab.agreement.manage", manages_agreements, message=LAB_ONLY)
rule("lab.project.manage", manages_agreements, message=LAB_ONLY)
