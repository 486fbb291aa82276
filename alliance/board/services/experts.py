"""The Expert Network: applications, invitations, the secretariat's decision."""

import secrets

from django.db import transaction
from django.utils.translation import gettext as _

from alliance.accounts.models import User
from alliance.core.audit import record_event
from alliance.core.states import TransitionRefused, require_transition

from ..models import Expert
from ..permissions import require_manage
from ..states import EXPERT_ALLOWED, ExpertStatus
from ..tasks import send_expert_invitation

PROFILE_FIELDS = ["full_name", "organisation_name", "country", "expertise", "availability"]


@transaction.atomic
def expert_invite(*, actor: User, full_name: str, email: str) -> Expert:
    require_manage(actor)
    email = email.strip().lower()
    if Expert.objects.filter(email__iexact=email).exists():
        raise TransitionRefused(
            _("%(email)s is already in the Expert Network or has applied.") % {"email": email},
            code="already_expert",
        )
    expert = Expert.objects.create(
        full_name=full_name,
        email=email,
        status=ExpertStatus.INVITED,
        invited_by=actor,
        invitation_token=secrets.token_urlsafe(24),
    )
    record_event(actor=actor, verb="expert.invited", obj=expert, after=ExpertStatus.INVITED)
    transaction.on_commit(lambda: send_expert_invitation.enqueue(expert.pk))
    return expert


@transaction.atomic
def expert_apply(*, actor: User, areas, languages: list[str], **profile) -> Expert:
    """A signed-in person applies, or completes the application they were invited to."""
    expert = Expert.objects.select_for_update().filter(email__iexact=actor.email).first()
    if expert is None:
        expert = Expert(email=actor.email.lower(), status=ExpertStatus.APPLIED)
        before = None
    else:
        require_transition(expert, ExpertStatus.APPLIED, EXPERT_ALLOWED)
        before = expert.status
        expert.status = ExpertStatus.APPLIED
    if not areas:
        raise TransitionRefused(_("Choose at least one area."), code="areas_required")
    for name in PROFILE_FIELDS:
        setattr(expert, name, profile[name])
    expert.user = actor
    expert.languages = Expert.pack_languages(languages)
    expert.full_clean(exclude=["user", "invited_by", "decided_by"])
    expert.save()
    expert.areas.set(areas)
    record_event(
        actor=actor, verb="expert.applied", obj=expert, before=before, after=ExpertStatus.APPLIED
    )
    return expert


@transaction.atomic
def expert_decide(*, expert_id: int, actor: User, approve: bool, note: str = "") -> Expert:
    require_manage(actor)
    expert = Expert.objects.select_for_update().get(pk=expert_id)
    target = ExpertStatus.APPROVED if approve else ExpertStatus.DECLINED
    require_transition(expert, target, EXPERT_ALLOWED)
    before = expert.status
    expert.status, expert.decided_by, expert.decision_note = target, actor, note
    expert.save(update_fields=["status", "decided_by", "decision_note"])
    record_event(actor=actor, verb=f"expert.{target}", obj=expert, before=before, after=target)
    return expert


@transaction.atomic
def expert_leave(*, expert_id: int, actor: User) -> Expert:
    expert = Expert.objects.select_for_update().get(pk=expert_id)
    if expert.user_id != actor.pk:
        require_manage(actor)
    require_transition(expert, ExpertStatus.LEFT, EXPERT_ALLOWED)
    expert.status = ExpertStatus.LEFT
    expert.save(update_fields=["status"])
    record_event(
        actor=actor, verb="expert.left", obj=expert, before=ExpertStatus.APPROVED, after="left"
    )
    return expert
