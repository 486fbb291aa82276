import hashlib

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.accounts.models import MembershipRole, User
from alliance.accounts.roles import StaffRole
from alliance.core.audit import record_event
from alliance.core.states import PermissionRefused, TransitionRefused, require_transition

from ..models import JointDeclaration, PreliminaryAssessment
from ..states import DECLARATION_ALLOWED, AssessmentStatus, DeclarationStatus
from .common import advance, notify_after_commit, require_role

ACTIVE = [DeclarationStatus.DRAFTED, DeclarationStatus.SIGNED, DeclarationStatus.IN_FORCE]


@transaction.atomic
def declaration_draft(
    *,
    assessment_id: int,
    actor: User,
    centre_type,
    scope: str,
    commitments: str = "",
    language: str = "en",
) -> JointDeclaration:
    """The secretariat drafts the declaration from a completed preliminary assessment."""
    assessment = PreliminaryAssessment.objects.select_for_update().get(pk=assessment_id)
    require_role(actor, StaffRole.SECRETARIAT)
    if assessment.status != AssessmentStatus.COMPLETED:
        raise TransitionRefused(
            _("A joint declaration can only be drafted from a completed preliminary assessment."),
            code="assessment_not_completed",
        )
    if JointDeclaration.objects.filter(
        organisation=assessment.organisation, status__in=ACTIVE
    ).exists():
        raise TransitionRefused(
            _(
                "This organisation already has a joint declaration that is drafted, signed or "
                "in force."
            ),
            code="already_declared",
        )
    if scope not in centre_type.scopes:
        raise TransitionRefused(
            _("This centre type does not allow that scope."), code="scope_not_allowed"
        )
    declaration = JointDeclaration.objects.create(
        organisation=assessment.organisation,
        assessment=assessment,
        centre_type=centre_type,
        scope=scope,
        commitments=commitments.strip(),
        language=language,
        drafted_by=actor,
    )
    record_event(actor=actor, verb="declaration.drafted", obj=declaration, after=declaration.status)
    notify_after_commit(declaration, "declaration.drafted")
    return declaration


@transaction.atomic
def declaration_sign(*, declaration_id: int, actor: User, signatory_name: str) -> JointDeclaration:
    """The organisation's authorised signatory signs (the view has re-checked the password)."""
    declaration = JointDeclaration.objects.select_for_update().get(pk=declaration_id)
    if not declaration.organisation.memberships.filter(
        user=actor, role=MembershipRole.SIGNATORY
    ).exists():
        raise PermissionRefused(_("Only the organisation's authorised signatory can sign."))
    require_transition(declaration, DeclarationStatus.SIGNED, DECLARATION_ALLOWED)
    if not signatory_name.strip():
        raise TransitionRefused(_("Type your full name to sign."), code="name_required")
    name = signatory_name.strip()
    return advance(
        declaration,
        DeclarationStatus.SIGNED,
        actor=actor,
        event="declaration.signed",
        after={"status": DeclarationStatus.SIGNED, "signatory_name": name},
        signed_by=actor,
        signatory_name=name,
        signed_at=timezone.now(),
    )


@transaction.atomic
def declaration_countersign(*, declaration_id: int, actor: User) -> JointDeclaration:
    """The BDT Director countersigns: the declaration is in force and its PDF is frozen."""
    from ..pdf import declaration_pdf

    declaration = JointDeclaration.objects.select_for_update().get(pk=declaration_id)
    require_role(actor, StaffRole.DIRECTOR, message=_("Only the BDT Director can countersign."))
    require_transition(declaration, DeclarationStatus.IN_FORCE, DECLARATION_ALLOWED)
    before = declaration.status
    declaration.status = DeclarationStatus.IN_FORCE
    declaration.countersigned_by = actor
    declaration.countersigned_at = timezone.now()
    content = declaration_pdf(declaration)
    declaration.sha256 = hashlib.sha256(content).hexdigest()
    declaration.document.save(
        f"joint-declaration-{declaration.pk}-{declaration.sha256[:12]}.pdf",
        ContentFile(content),
        save=False,
    )
    declaration.save(
        update_fields=["status", "countersigned_by", "countersigned_at", "sha256", "document"]
    )
    record_event(
        actor=actor,
        verb="declaration.countersigned",
        obj=declaration,
        before=before,
        after={"status": declaration.status, "sha256": declaration.sha256},
    )
    notify_after_commit(declaration, "declaration.countersigned")
    return declaration


@transaction.atomic
def declaration_withdraw(*, declaration_id: int, actor: User, reason: str) -> JointDeclaration:
    declaration = JointDeclaration.objects.select_for_update().get(pk=declaration_id)
    require_role(actor, StaffRole.SECRETARIAT)
    require_transition(declaration, DeclarationStatus.WITHDRAWN, DECLARATION_ALLOWED)
    if not reason.strip():
        raise TransitionRefused(
            _("Give the reason for the withdrawal: the organisation will read it."),
            code="reason_required",
        )
    return advance(
        declaration,
        DeclarationStatus.WITHDRAWN,
        actor=actor,
        event="declaration.withdrawn",
        after={"status": DeclarationStatus.WITHDRAWN, "reason": reason.strip()},
        withdrawn_reason=reason.strip(),
    )
