"""Who may do what with centres (alliance.core.policy).

Staff capabilities are the permissions on `Centre.Meta.permissions`, granted to the staff
roles below (migration 0005 does it in the database). A centre's managers are the members
of its host organisation (any role: they edit its profile, define its flagship
initiatives, write its self-report); the Lab confirms the design steps no data decides;
partner recognition is asked by a focal point or an authorised signatory.
"""

from django.utils.translation import gettext_lazy as _

from alliance.accounts.policy import belongs, capability, manages
from alliance.accounts.roles import StaffRole, register_grants
from alliance.core.policy import rule

from .states import DIRECTOR, INITIATIVE_RULE

GRANTS = {
    StaffRole.SECRETARIAT: ["view_all_centres", "manage_centres", "evaluate_centres"],
    StaffRole.DIRECTOR: ["view_all_centres", "decide_centres"],
    StaffRole.LAB_EXPERT: ["view_all_centres", "evaluate_centres"],
}
register_grants("centres", GRANTS)

staff = capability("centres.view_all_centres")
secretariat = capability("centres.manage_centres")
evaluator = capability("centres.evaluate_centres")
director = capability("centres.decide_centres")
member = belongs("host_organisation_id")

CENTRE_MANAGERS_ONLY = _("Only the centre's managers can do this.")
DIRECTOR_ONLY = _("Only the BDT Director can do this.")
SECRETARIAT_ONLY = _("Only the secretariat can do this.")

rule("centres.staff", staff)
rule(DIRECTOR, director, message=DIRECTOR_ONLY)
rule("centres.centre.manage", secretariat, message=SECRETARIAT_ONLY)
rule(
    "centres.centre.record",
    secretariat | director,
    message=_("Only the secretariat or the BDT Director can record a centre."),
)
rule("centres.centre.member", member)
rule(
    "centres.centre.edit_profile",
    secretariat | member,
    message=_("Only the centre's managers can edit its profile."),
)
rule(
    "centres.centre.request_move",
    secretariat | member,
    message=_("Only the centre's managers can request a move."),
)
# Only the steps no data decides are confirmed by hand, and by the Lab, not the centre.
rule(
    "centres.centre.mark_checklist",
    evaluator,
    message=_("Only the Lab or the secretariat confirms a design step."),
)
rule("centres.centre.add_initiative", secretariat | member, message=CENTRE_MANAGERS_ONLY)
rule(
    INITIATIVE_RULE,
    secretariat | belongs("centre.host_organisation_id"),
    message=CENTRE_MANAGERS_ONLY,
)
rule("centres.accreditation.open_renewal", secretariat, message=SECRETARIAT_ONLY)
rule(
    "centres.renewal.self_report",
    belongs("accreditation.centre.host_organisation_id"),
    message=_("Only the centre's managers submit its self-report."),
)
rule(
    "centres.renewal.evaluate",
    evaluator,
    message=_("Only the secretariat or the Lab evaluates a renewal."),
)
rule(
    "centres.request.evaluate",
    evaluator,
    message=_("Only the secretariat or the Lab evaluates a request."),
)
# The object is the organisation that asks.
rule(
    "centres.recognition.apply",
    manages(""),
    message=_("Only a focal point or an authorised signatory of the organisation can apply."),
)
# The indicative cost model: staff read every version, the secretariat adds new ones.
rule("centres.cost_model.view", staff)
rule("centres.cost_model.manage", secretariat, message=SECRETARIAT_ONLY)
