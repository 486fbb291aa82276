from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from alliance.core.audit import record_event
from alliance.core.states import PermissionRefused, TransitionRefused

from .models import (
    Invitation,
    InvitationStatus,
    Membership,
    MembershipRole,
    Organisation,
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
    organisation.save()
    Membership.objects.create(
        user=actor, organisation=organisation, role=MembershipRole.FOCAL_POINT
    )
    record_event(
        actor=actor, verb="organisation.created", obj=organisation, after=_snapshot(organisation)
    )
    return organisation


@transaction.atomic
def organisation_update(*, organisation_id: int, actor: User, **fields) -> Organisation:
    organisation = Organisation.objects.select_for_update().get(pk=organisation_id)
    before = _snapshot(organisation)
    for name, value in fields.items():
        setattr(organisation, name, value)
    organisation.full_clean()
    organisation.save(update_fields=list(fields))
    record_event(
        actor=actor,
        verb="organisation.updated",
        obj=organisation,
        before=before,
        after=_snapshot(organisation),
    )
    return organisation


def _require_manager(actor: User, organisation: Organisation) -> None:
    if not Membership.objects.filter(
        user=actor,
        organisation=organisation,
        role__in=[MembershipRole.FOCAL_POINT, MembershipRole.SIGNATORY],
    ).exists():
        raise PermissionRefused(_("Only a focal point or an authorised signatory can do this."))


@transaction.atomic
def invitation_send(
    *, organisation: Organisation, actor: User, email: str, role: str
) -> Invitation:
    _require_manager(actor, organisation)
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
    invitation = Invitation.objects.create(
        organisation=organisation, email=email, role=role, invited_by=actor
    )
    record_event(
        actor=actor, verb="invitation.sent", obj=invitation, after={"email": email, "role": role}
    )
    language = actor.preferred_language
    transaction.on_commit(lambda: send_invitation_email.enqueue(invitation.pk, language))
    return invitation


@task()
def send_invitation_email(invitation_id: int, language: str) -> None:
    from django.conf import settings

    invitation = Invitation.objects.select_related("organisation", "invited_by").get(
        pk=invitation_id
    )
    with translation.override(language):
        path = reverse("accounts:invitation_accept", kwargs={"token": invitation.token})
        context = {"invitation": invitation, "url": settings.SITE_URL + path}
        subject = _("You are invited to join %(organisation)s on Alliance Hub") % {
            "organisation": invitation.organisation
        }
        body = render_to_string("accounts/email/invitation.txt", context)
    send_mail(subject, body, None, [invitation.email])


@transaction.atomic
def invitation_accept(*, token: str, actor: User) -> Membership:
    invitation = Invitation.objects.select_for_update().filter(token=token).first()
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
    invitation.status = InvitationStatus.ACCEPTED
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["status", "accepted_at"])
    record_event(
        actor=actor,
        verb="invitation.accepted",
        obj=invitation,
        before=InvitationStatus.PENDING,
        after=InvitationStatus.ACCEPTED,
    )
    return membership


@transaction.atomic
def invitation_revoke(*, invitation_id: int, actor: User) -> Invitation:
    invitation = (
        Invitation.objects.select_for_update().select_related("organisation").get(pk=invitation_id)
    )
    _require_manager(actor, invitation.organisation)
    if invitation.status != InvitationStatus.PENDING:
        raise TransitionRefused(
            _("Only a pending invitation can be revoked."), code="invalid_transition"
        )
    invitation.status = InvitationStatus.REVOKED
    invitation.save(update_fields=["status"])
    record_event(
        actor=actor,
        verb="invitation.revoked",
        obj=invitation,
        before=InvitationStatus.PENDING,
        after=InvitationStatus.REVOKED,
    )
    return invitation


@transaction.atomic
def membership_change_role(*, membership_id: int, actor: User, role: str) -> Membership:
    membership = (
        Membership.objects.select_for_update().select_related("organisation").get(pk=membership_id)
    )
    _require_manager(actor, membership.organisation)
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
    membership.role = role
    membership.save(update_fields=["role"])
    record_event(
        actor=actor, verb="membership.role_changed", obj=membership, before=before, after=role
    )
    return membership


@transaction.atomic
def profile_update(
    *, user: User, full_name: str, job_title: str, preferred_language: str, time_zone: str = ""
) -> User:
    user.full_name, user.job_title, user.preferred_language, user.time_zone = (
        full_name,
        job_title,
        preferred_language,
        time_zone,
    )
    user.save(update_fields=["full_name", "job_title", "preferred_language", "time_zone"])
    return user
