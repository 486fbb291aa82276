"""Predicates the apps build their rules from (alliance.core.policy).

The vocabulary, as data: a staff role is a group, and what it may do is the Django
permissions granted to that group (`capability`). People of an organisation hold a
membership role (focal point, authorised signatory, member); `manages` and `belongs`
test it against the organisation an object belongs to, named by an attribute path.
"""

from operator import attrgetter

from rules import predicate

from .models import MembershipRole

MANAGER_ROLES = frozenset({MembershipRole.FOCAL_POINT, MembershipRole.SIGNATORY})


@predicate
def signed_in(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def capability(perm: str):
    """Holds a Django permission, granted through a staff-role group."""

    @predicate(f"capability:{perm}")
    def has_capability(user) -> bool:
        return signed_in(user) and user.has_perm(perm)

    return has_capability


def _organisation_id(obj, path: str):
    if obj is None:
        return None
    value = attrgetter(path)(obj) if path else obj
    return getattr(value, "pk", value)


def manages(path: str = "organisation_id"):
    """Focal point or authorised signatory of the organisation at `path` on the object
    (the object itself when path is empty)."""

    @predicate(f"manages:{path or 'self'}")
    def is_manager(user, obj) -> bool:
        if not signed_in(user):
            return False
        org = _organisation_id(obj, path)
        return org is not None and user.organisation_roles().get(org) in MANAGER_ROLES

    return is_manager


def belongs(path: str = "organisation_id"):
    """Any member of the organisation at `path` on the object."""

    @predicate(f"belongs:{path or 'self'}")
    def is_member(user, obj) -> bool:
        if not signed_in(user):
            return False
        org = _organisation_id(obj, path)
        return org is not None and org in user.organisation_roles()

    return is_member


def signatory(path: str = "organisation_id"):
    """The organisation's authorised signatory."""

    @predicate(f"signatory:{path or 'self'}")
    def is_signatory(user, obj) -> bool:
        if not signed_in(user):
            return False
        org = _organisation_id(obj, path)
        return user.organisation_roles().get(org) == MembershipRole.SIGNATORY

    return is_signatory


@predicate
def is_invitee(user, invitation) -> bool:
    return signed_in(user) and invitation.email.lower() == user.email.lower()


@predicate
def asked_by(user, request) -> bool:
    return signed_in(user) and request.user_id == user.pk


@predicate
def decides_join_request(user, request) -> bool:
    """A request to join is for the organisation's managers to answer; a request to take
    over an organisation that has nobody is for the secretariat (below, in the rule)."""
    from .models import JoinRequestKind

    if request.kind != JoinRequestKind.JOIN or not signed_in(user):
        return False
    return user.organisation_roles().get(request.organisation_id) in MANAGER_ROLES


@predicate
def manages_any_organisation(user) -> bool:
    return signed_in(user) and any(r in MANAGER_ROLES for r in user.organisation_roles().values())


@predicate
def is_director(user) -> bool:
    from .roles import StaffRole, has_role

    return signed_in(user) and has_role(user, StaffRole.DIRECTOR)


def _rules() -> None:
    from django.utils.translation import gettext_lazy as _

    from alliance.core.policy import rule

    manager_only = _("Only a focal point or an authorised signatory can do this.")
    # The object is the organisation itself.
    rule("accounts.organisation.manage", manages(""), message=manager_only)
    rule("accounts.organisation.member", belongs(""))
    rule("accounts.organisation.sign", signatory(""))
    rule("accounts.invitation.revoke", manages("organisation_id"), message=manager_only)
    rule("accounts.invitation.accept", is_invitee)
    rule(
        "accounts.security.manage",
        is_director,
        message=_("Only the BDT Director can change the security policy."),
    )
    staff = capability("accounts.manage_organisations")
    rule(
        "accounts.membership.change_role",
        manages("organisation_id") | staff,
        message=manager_only,
    )
    rule(
        "accounts.organisations.staff",
        staff,
        message=_("Only the secretariat can do this."),
    )
    rule(
        "accounts.join_request.decide",
        decides_join_request | staff,
        message=_("Only the organisation's focal point or the secretariat can answer this."),
    )
    rule("accounts.join_request.withdraw", asked_by)


_rules()
