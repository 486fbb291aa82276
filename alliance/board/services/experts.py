"""The Expert Network: applications, invitations, the secretariat's decision."""

import secrets

from django.db import transaction
from django.utils.translation import gettext as _

from alliance.accounts.models import User
from alliance.core import kernel, policy
from alliance.core.states import TransitionRefused

from ..models import Expert
from ..states import ExpertStatus

PROFILE_FIELDS = ["full_name", "organisation_name", "country", "expertise", "availability"]


@transaction.atomic
def expert_invite(*, actor: User, full_name: str, email: str) -> Expert:
    """The invitation email goes out after commit (notifications.py)."""
    policy.require(actor, "board.expert.invite")
    email = email.strip().lower()
    if Expert.objects.filter(email__iexact=email).exists():
        raise TransitionRefused(
            _("%(email)s is already in the Expert Network or has applied.") % {"email": email},
            code="already_expert",
        )
    expert = Expert(
        full_name=full_name,
        email=email,
        status=ExpertStatus.INVITED,
        invited_by=actor,
        invitation_token=secrets.token_urlsafe(24),
    )
    return kernel.create(expert, actor=actor, verb="expert.invited", after=ExpertStatus.INVITED)


@transaction.atomic
def expert_apply(*, actor: User, areas, languages: list[str], **profile) -> Expert:
    """A signed-in person applies, or completes the application they were invited to."""
    invited = kernel.lock_rows(Expert.objects.filter(email__iexact=actor.email))
    expert = invited[0] if invited else Expert(email=actor.email.lower())
    if invited:
        kernel.check(expert, "apply", actor)
    else:
        policy.require(actor, "board.expert.apply", expert)
    if not areas:
        raise TransitionRefused(_("Choose at least one area."), code="areas_required")
    changes = {name: profile[name] for name in PROFILE_FIELDS}
    changes.update(user=actor, languages=Expert.pack_languages(languages))
    for name, value in changes.items():
        setattr(expert, name, value)
    if invited:
        expert.full_clean(exclude=["user", "invited_by", "decided_by"])
        kernel.transition(expert, "apply", actor=actor, fields=changes)
    else:
        expert.status = ExpertStatus.APPLIED
        expert.full_clean(exclude=["user", "invited_by", "decided_by"])
        kernel.create(expert, actor=actor, verb="expert.applied", after=ExpertStatus.APPLIED)
    expert.areas.set(areas)
    return expert


@transaction.atomic
def expert_decide(*, expert_id: int, actor: User, approve: bool, note: str = "") -> Expert:
    expert = kernel.lock(Expert, expert_id)
    return kernel.transition(
        expert,
        "approve" if approve else "decline",
        actor=actor,
        fields={"decided_by": actor, "decision_note": note},
        context={"note": note},
    )


@transaction.atomic
def expert_leave(*, expert_id: int, actor: User) -> Expert:
    expert = kernel.lock(Expert, expert_id)
    return kernel.transition(expert, "leave", actor=actor)
