"""Who may do what in joining the Alliance (alliance.core.policy)."""

from django.utils.translation import gettext_lazy as _

from alliance.accounts.policy import capability, manages, signatory
from alliance.accounts.roles import StaffRole, register_grants
from alliance.core.policy import rule

from .services.common import MANAGER_ONLY

# Staff capabilities, granted to the staff-role groups (migration 0002 does it in the database).
GRANTS = {
    StaffRole.SECRETARIAT: ["view_joining", "handle_joining", "review_assessment"],
    StaffRole.DIRECTOR: ["view_joining", "countersign_declaration"],
    StaffRole.LAB_EXPERT: ["view_joining", "review_assessment"],
}
register_grants("joining", GRANTS)

staff = capability("joining.view_joining")
handles = capability("joining.handle_joining")

rule("joining.staff", staff)
rule("joining.expression.manage", manages("organisation_id"), message=MANAGER_ONLY)
rule("joining.expression.handle", handles)
rule("joining.assessment.manage", manages("organisation_id"), message=MANAGER_ONLY)
rule("joining.assessment.review", capability("joining.review_assessment"))
rule("joining.declaration.draft", handles)
rule(
    "joining.declaration.sign",
    signatory("organisation_id"),
    message=_("Only the organisation's authorised signatory can sign."),
)
rule(
    "joining.declaration.countersign",
    capability("joining.countersign_declaration"),
    message=_("Only the BDT Director can countersign."),
)
rule("joining.declaration.withdraw", handles)
