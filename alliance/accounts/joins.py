"""People and organisations: asking to join one, taking over one nobody runs, and what the
secretariat does for them (add a person, hand over the focal point)."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core import kernel, policy
from alliance.core.states import PermissionRefused, TransitionRefused

from .models import (
    Invitation,
    InvitationStatus,
    JoinRequest,
    JoinRequestKind,
    JoinRequestStatus,
    Membership,
    MembershipRole,
    Organisation,
    User,
)


@transaction.atomic
def join_request_send(*, organisation_id: int, actor: User, message: str = "") -> JoinRequest:
    """Ask to join an organisation. One that has nobody cannot answer: the request is then
    to take it over, and the secretariat answers it."""
    # The organisation's row is the lock: two people claiming the same empty organisation
    # at once are answered one after the other.
    organisation = kernel.lock(Organisation, organisation_id)
    if Membership.objects.filter(organisation=organisation, user=actor).exists():
        raise TransitionRefused(
            _("You are already a member of %(organisation)s.") % {"organisation": organisation},
            code="already_member",
        )
    if JoinRequest.objects.filter(
        organisation=organisation, user=actor, status=JoinRequestStatus.PENDING
    ).exists():
        raise TransitionRefused(
            _("You have already asked to join %(organisation)s. Wait for the answer.")
            % {"organisation": organisation},
            code="already_requested",
        )
    has_people = Membership.objects.filter(organisation=organisation).exists()
    kind = JoinRequestKind.JOIN if has_people else JoinRequestKind.CLAIM
    request = JoinRequest(kind=kind, user=actor, organisation=organisation, message=message.strip())
    return kernel.create(
        request,
        actor=actor,
        verb="join_request.sent" if has_people else "claim_request.sent",
        after={"kind": kind, "status": JoinRequestStatus.PENDING},
    )


def _lock_request(request_id: int) -> tuple[Organisation, JoinRequest]:
    # Parents first (kernel lock order): the organisation, then the request.
    organisation_id = (
        JoinRequest.objects.filter(pk=request_id).values_list("organisation_id", flat=True).first()
    )
    if organisation_id is None:
        raise JoinRequest.DoesNotExist
    organisation = kernel.lock(Organisation, organisation_id)
    request = kernel.lock(JoinRequest, request_id, related=("user",))
    request.organisation = organisation
    return organisation, request


@transaction.atomic
def join_request_approve(*, request_id: int, actor: User) -> Membership:
    organisation, request = _lock_request(request_id)
    kernel.check(request, "approve", actor)
    if request.kind == JoinRequestKind.CLAIM:
        if Membership.objects.filter(organisation=organisation).exists():
            raise TransitionRefused(
                _(
                    "%(organisation)s has people now: its focal point answers requests to "
                    "join it. Decline this request."
                )
                % {"organisation": organisation},
                code="claimed",
            )
        role = MembershipRole.FOCAL_POINT
    else:
        role = MembershipRole.MEMBER
    membership, _created = Membership.objects.get_or_create(
        user=request.user, organisation=organisation, defaults={"role": role}
    )
    kernel.transition(
        request,
        "approve",
        actor=actor,
        fields={"decided_by": actor, "decided_at": timezone.now()},
        after={"status": JoinRequestStatus.APPROVED, "role": membership.role},
    )
    request.user.forget_roles()
    return membership


@transaction.atomic
def join_request_decline(*, request_id: int, actor: User, reason: str = "") -> JoinRequest:
    _organisation, request = _lock_request(request_id)
    return kernel.transition(
        request,
        "decline",
        actor=actor,
        fields={"decided_by": actor, "decided_at": timezone.now(), "reason": reason.strip()},
    )


@transaction.atomic
def join_request_withdraw(*, request_id: int, actor: User) -> JoinRequest:
    _organisation, request = _lock_request(request_id)
    return kernel.transition(request, "withdraw", actor=actor, notify=False)


# -- the secretariat ------------------------------------------------------------------------


@transaction.atomic
def person_add(*, organisation_id: int, actor: User, email: str, role: str):
    """The secretariat adds a person: at once if they have an account, otherwise by an
    invitation to the address. Returns the Membership or the Invitation."""
    policy.require(actor, "accounts.organisations.staff")
    organisation = kernel.lock(Organisation, organisation_id)
    email = email.strip().lower()
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        if organisation.invitations.filter(
            email__iexact=email, status=InvitationStatus.PENDING
        ).exists():
            raise TransitionRefused(
                _("An invitation to %(email)s is already waiting for an answer.")
                % {"email": email},
                code="already_invited",
            )
        return kernel.create(
            Invitation(organisation=organisation, email=email, role=role, invited_by=actor),
            actor=actor,
            verb="invitation.sent",
            after={"email": email, "role": role},
        )
    if Membership.objects.filter(organisation=organisation, user=user).exists():
        raise TransitionRefused(
            _("%(email)s is already a member of this organisation.") % {"email": email},
            code="already_member",
        )
    membership = kernel.create(
        Membership(user=user, organisation=organisation, role=role),
        actor=actor,
        verb="membership.added",
        after={"email": email, "role": role},
    )
    user.forget_roles()
    return membership


@transaction.atomic
def focal_point_hand_over(*, organisation_id: int, actor: User, to_membership_id: int):
    """The chosen member becomes the focal point; the focal points before them stay as
    members. One audit event for the hand-over."""
    organisation = kernel.lock(Organisation, organisation_id)
    if not (
        policy.can(actor, "accounts.organisations.staff")
        or actor.organisation_roles().get(organisation.pk) == MembershipRole.FOCAL_POINT
    ):
        raise PermissionRefused(
            _("Only the focal point or the secretariat can hand over this role.")
        )
    rows = kernel.lock_rows(Membership.objects.filter(organisation=organisation))
    target = next((m for m in rows if m.pk == to_membership_id), None)
    if target is None:
        raise TransitionRefused(_("Choose a person of this organisation."), "not_member")
    if target.role == MembershipRole.FOCAL_POINT:
        raise TransitionRefused(
            _("%(person)s is already the focal point.") % {"person": target.user},
            "already_focal_point",
        )
    previous = [m for m in rows if m.role == MembershipRole.FOCAL_POINT]
    for membership in previous:
        membership.role = MembershipRole.MEMBER
        membership.save(update_fields=["role"])
    kernel.change(
        target,
        actor=actor,
        verb="membership.focal_point_handed_over",
        fields={"role": MembershipRole.FOCAL_POINT},
        before={"focal_points": [m.user.email for m in previous]},
        after={"focal_points": [target.user.email]},
    )
    actor.forget_roles()
    return target


def pending_requests_for(organisation: Organisation):
    return organisation.join_requests.filter(status=JoinRequestStatus.PENDING).select_related(
        "user"
    )
