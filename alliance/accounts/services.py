from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core import kernel, policy
from alliance.core.states import TransitionRefused

from .models import (
    Invitation,
    InvitationStatus,
    ItuVerification,
    Membership,
    MembershipRole,
    Organisation,
    SecurityPolicy,
    User,
)

ORGANISATION_FIELDS = [
    "name",
    "acronym",
    "kind",
    "country",
    "itu_membership",
    "website",
    "description",
]


def _snapshot(org: Organisation) -> dict:
    return {f: str(getattr(org, f)) for f in ORGANISATION_FIELDS}


@transaction.atomic
def organisation_create(*, actor: User, **fields) -> Organisation:
    """Register an organisation; its creator becomes its focal point."""
    organisation = Organisation(**fields)
    organisation.full_clean()
    kernel.create(
        organisation, actor=actor, verb="organisation.created", after=_snapshot(organisation)
    )
    Membership.objects.create(
        user=actor, organisation=organisation, role=MembershipRole.FOCAL_POINT
    )
    actor.forget_roles()
    return organisation


@transaction.atomic
def organisation_update(*, organisation_id: int, actor: User, **fields) -> Organisation:
    organisation = kernel.lock(Organisation, organisation_id)
    before = _snapshot(organisation)
    if organisation.itu_status == ItuVerification.VERIFIED and any(
        str(fields.get(name, getattr(organisation, name))) != str(getattr(organisation, name))
        for name in ("country", "itu_membership")
    ):
        raise TransitionRefused(
            _(
                "The secretariat has verified this organisation's ITU membership: ask it to "
                "change the country or the membership."
            ),
            code="verified",
        )
    for name, value in fields.items():
        setattr(organisation, name, value)
    organisation.full_clean()
    return kernel.change(
        organisation,
        actor=actor,
        verb="organisation.updated",
        fields=fields,
        before=before,
        after=_snapshot(organisation),
    )


@transaction.atomic
def invitation_send(
    *, organisation: Organisation, actor: User, email: str, role: str
) -> Invitation:
    policy.require(actor, "accounts.organisation.manage", organisation)
    email = email.strip().lower()
    if Membership.objects.filter(organisation=organisation, user__email__iexact=email).exists():
        raise TransitionRefused(
            _("%(email)s is already a member of this organisation.") % {"email": email},
            code="already_member",
        )
    if organisation.invitations.filter(
        email__iexact=email, status=InvitationStatus.PENDING
    ).exists():
        raise TransitionRefused(
            _("An invitation to %(email)s is already waiting for an answer.") % {"email": email},
            code="already_invited",
        )
    return kernel.create(
        Invitation(organisation=organisation, email=email, role=role, invited_by=actor),
        actor=actor,
        verb="invitation.sent",
        after={"email": email, "role": role},
    )


@transaction.atomic
def invitation_accept(*, token: str, actor: User) -> Membership:
    try:
        invitation = kernel.lock(Invitation, token=token)
    except Invitation.DoesNotExist:
        invitation = None
    if invitation is None or invitation.status != InvitationStatus.PENDING:
        raise TransitionRefused(
            _("This invitation is no longer valid. Ask your colleague to send a new one."),
            code="invitation_invalid",
        )
    if invitation.email.lower() != actor.email.lower():
        raise TransitionRefused(
            _("This invitation was sent to %(email)s. Sign in with that address to accept it.")
            % {"email": invitation.email},
            code="invitation_other_email",
        )
    membership, _created = Membership.objects.get_or_create(
        user=actor, organisation=invitation.organisation, defaults={"role": invitation.role}
    )
    kernel.transition(invitation, "accept", actor=actor, fields={"accepted_at": timezone.now()})
    actor.forget_roles()
    return membership


@transaction.atomic
def invitation_revoke(*, invitation_id: int, actor: User) -> Invitation:
    invitation = kernel.lock(Invitation, invitation_id, related=("organisation",))
    return kernel.transition(invitation, "revoke", actor=actor)


@transaction.atomic
def membership_change_role(*, membership_id: int, actor: User, role: str) -> Membership:
    membership = kernel.lock(Membership, membership_id, related=("organisation",))
    policy.require(actor, "accounts.membership.change_role", membership)
    before = membership.role
    if before == MembershipRole.FOCAL_POINT and role != before:
        others = membership.organisation.memberships.filter(
            role=MembershipRole.FOCAL_POINT
        ).exclude(pk=membership.pk)
        if not others.exists():
            raise TransitionRefused(
                _("An organisation needs at least one focal point. Name another one first."),
                code="last_focal_point",
            )
    kernel.change(
        membership,
        actor=actor,
        verb="membership.role_changed",
        fields={"role": role},
        before=before,
        after=role,
    )
    actor.forget_roles()
    return membership


@transaction.atomic
def profile_update(
    *, user: User, full_name: str, job_title: str, preferred_language: str, time_zone: str = ""
) -> User:
    """A person's own details; not audited (they change nothing in the Alliance)."""
    user.full_name, user.job_title, user.preferred_language, user.time_zone = (
        full_name,
        job_title,
        preferred_language,
        time_zone,
    )
    user.save(update_fields=["full_name", "job_title", "preferred_language", "time_zone"])
    return user


def language_choose(*, user: User, language: str) -> None:
    """The language chosen on the pages becomes the person's: their emails, digests and
    PDFs follow it. A preference, like the profile: not audited."""
    if user.preferred_language != language:
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])


@transaction.atomic
def security_policy_set(*, actor, require_reviewer_board_mfa: bool) -> SecurityPolicy:
    """The Director's choice: reviewers and Board members must use two-factor
    authentication (enforced like staff MFA, pages and API tokens alike)."""
    policy.require(actor, "accounts.security.manage")
    SecurityPolicy.objects.get_or_create(pk=1)
    row = kernel.lock(SecurityPolicy, 1)
    before = row.require_reviewer_board_mfa
    return kernel.change(
        row,
        actor=actor,
        verb="security_policy.changed",
        fields={"require_reviewer_board_mfa": bool(require_reviewer_board_mfa)},
        before={"require_reviewer_board_mfa": before},
        after={"require_reviewer_board_mfa": bool(require_reviewer_board_mfa)},
    )
