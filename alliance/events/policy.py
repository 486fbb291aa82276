"""Who may do what with community events (alliance.core.policy).

The secretariat and the Lab run events (`events.manage_event`, granted to both roles here
and in migration 0002). Anyone signed in registers for an open event; an event kept for
members is open only to members of an organisation whose joint declaration is in force.
A person cancels only their own registration; a focal point sees their organisation's."""

from django.utils.translation import gettext_lazy as _
from rules import predicate

from alliance.accounts.policy import capability, manages, signed_in
from alliance.accounts.roles import StaffRole, register_grants
from alliance.core.policy import rule

GRANTS = {
    StaffRole.SECRETARIAT: ["manage_event"],
    StaffRole.LAB_EXPERT: ["manage_event"],
}
register_grants("events", GRANTS)

MANAGE_ONLY = _("Only the secretariat and the Lab can do this.")
MEMBERS_ONLY = _(
    "This event is for members of organisations that joined the Alliance. Ask your "
    "organisation's focal point if you think you should be able to register."
)
SIGN_IN = _("Sign in to register.")
OWN_ONLY = _("Only the person registered can cancel this registration.")

manages_events = capability("events.manage_event")


def joined_organisation_ids(user) -> set[int]:
    """The user's organisations whose joint declaration is in force (read once per user)."""
    if not signed_in(user):
        return set()
    cached = getattr(user, "_joined_organisation_ids", None)
    if cached is None:
        from alliance.joining.models import JointDeclaration
        from alliance.joining.states import DeclarationStatus

        cached = set(
            JointDeclaration.objects.filter(
                organisation_id__in=list(user.organisation_roles()),
                status=DeclarationStatus.IN_FORCE,
            ).values_list("organisation_id", flat=True)
        )
        user._joined_organisation_ids = cached
    return cached


@predicate
def may_attend(user, event) -> bool:
    if not signed_in(user):
        return False
    if event is None or not event.members_only:
        return True
    return bool(joined_organisation_ids(user))


@predicate
def own_registration(user, registration) -> bool:
    return signed_in(user) and registration is not None and registration.user_id == user.pk


rule("events.manage", manages_events, message=MANAGE_ONLY)
rule("events.event.manage", manages_events, message=MANAGE_ONLY)
rule("events.event.register", may_attend, message=MEMBERS_ONLY)
rule("events.registration.cancel", own_registration, message=OWN_ONLY)
rule("events.registration.mark", manages_events, message=MANAGE_ONLY)
# An organisation's focal point (or signatory) sees who of theirs registered.
rule("events.organisation.registrations", manages("") | manages_events)
