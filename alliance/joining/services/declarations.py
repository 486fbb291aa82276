import hashlib

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.accounts.models import User
from alliance.core import kernel
from alliance.core.states import TransitionRefused

from ..models import JointDeclaration, PreliminaryAssessment
from ..states import DeclarationStatus

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
    assessment = kernel.lock(PreliminaryAssessment, assessment_id)
    kernel.check(assessment, "draft_declaration", actor)
    if JointDeclaration.objects.filter(
        organisation=assessment.organisation_id, status__in=ACTIVE
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
    declaration = JointDeclaration(
        organisation_id=assessment.organisation_id,
        assessment=assessment,
        centre_type=centre_type,
        scope=scope,
        commitments=commitments.strip(),
        language=language,
        drafted_by=actor,
    )
    return kernel.create(
        declaration, actor=actor, verb="declaration.drafted", after=declaration.status
    )


@transaction.atomic
def declaration_sign(*, declaration_id: int, actor: User, signatory_name: str) -> JointDeclaration:
    """The organisation's authorised signatory signs (the view has re-checked the password)."""
    declaration = kernel.lock(JointDeclaration, declaration_id)
    kernel.check(declaration, "sign", actor)
    if not signatory_name.strip():
        raise TransitionRefused(_("Type your full name to sign."), code="name_required")
    name = signatory_name.strip()
    return kernel.transition(
        declaration,
        "sign",
        actor=actor,
        fields={"signed_by": actor, "signatory_name": name, "signed_at": timezone.now()},
        after={"status": DeclarationStatus.SIGNED, "signatory_name": name},
    )


@transaction.atomic
def declaration_countersign(*, declaration_id: int, actor: User) -> JointDeclaration:
    """The BDT Director countersigns: the declaration is in force and its PDF is frozen."""
    from ..fingerprint import terms_fingerprint
    from ..pdf import declaration_pdf

    declaration = kernel.lock(JointDeclaration, declaration_id)
    kernel.check(declaration, "countersign", actor)
    # The PDF shows the declaration as it will be: in force, countersigned now.
    declaration.status = DeclarationStatus.IN_FORCE
    declaration.countersigned_by = actor
    declaration.countersigned_at = timezone.now()
    # The terms' fingerprint is printed on the PDF, so it is computed first.
    declaration.terms_sha256 = terms_fingerprint(declaration)
    content = declaration_pdf(declaration)
    declaration.status = DeclarationStatus.SIGNED
    sha256 = hashlib.sha256(content).hexdigest()
    declaration.document.save(
        f"joint-declaration-{declaration.pk}-{sha256[:12]}.pdf", ContentFile(content), save=False
    )
    return kernel.transition(
        declaration,
        "countersign",
        actor=actor,
        fields={
            "countersigned_by": actor,
            "countersigned_at": declaration.countersigned_at,
            "sha256": sha256,
            "terms_sha256": declaration.terms_sha256,
            "document": declaration.document,
        },
        after={
            "status": DeclarationStatus.IN_FORCE,
            "sha256": sha256,
            "terms_sha256": declaration.terms_sha256,
        },
    )


@transaction.atomic
def declaration_withdraw(*, declaration_id: int, actor: User, reason: str) -> JointDeclaration:
    declaration = kernel.lock(JointDeclaration, declaration_id)
    kernel.check(declaration, "withdraw", actor)
    if not reason.strip():
        raise TransitionRefused(
            _("Give the reason for the withdrawal: the organisation will read it."),
            code="reason_required",
        )
    return kernel.transition(
        declaration,
        "withdraw",
        actor=actor,
        fields={"withdrawn_reason": reason.strip()},
        after={"status": DeclarationStatus.WITHDRAWN, "reason": reason.strip()},
    )
