"""Every write to a technical assistance request (see states.py for the lifecycle)."""

from django.db import transaction
from django.utils.translation import gettext as _

from alliance.accounts.models import Membership, MembershipRole, Organisation, User
from alliance.accounts.roles import StaffRole, has_role
from alliance.core.audit import record_event
from alliance.core.states import PermissionRefused, TransitionRefused, require_transition

from .models import TechnicalAssistanceRequest
from .states import ALLOWED, RequestStatus
from .tasks import notify_request

TRIAGE_ROLES = (StaffRole.LAB_EXPERT, StaffRole.SECRETARIAT)


def _require_triager(actor: User) -> None:
    if not has_role(actor, *TRIAGE_ROLES):
        raise PermissionRefused(_("Only a Lab expert or the secretariat can do this."))


def _locked(request_id: int) -> TechnicalAssistanceRequest:
    return TechnicalAssistanceRequest.objects.select_for_update().get(pk=request_id)


@transaction.atomic
def request_submit(
    *,
    organisation: Organisation,
    actor: User,
    kind: str,
    description: str,
    urgency: str,
    preferred_language: str,
    assessment=None,
) -> TechnicalAssistanceRequest:
    if not Membership.objects.filter(
        user=actor,
        organisation=organisation,
        role__in=[MembershipRole.FOCAL_POINT, MembershipRole.SIGNATORY],
    ).exists():
        raise PermissionRefused(_("Only a focal point or an authorised signatory can do this."))
    if not description.strip():
        raise TransitionRefused(_("Describe the assistance you need."), code="incomplete")
    request = TechnicalAssistanceRequest.objects.create(
        organisation=organisation,
        requested_by=actor,
        assessment=assessment,
        kind=kind,
        description=description.strip(),
        urgency=urgency,
        preferred_language=preferred_language,
    )
    record_event(
        actor=actor,
        verb="assistance_request.submitted",
        obj=request,
        after={"status": request.status, "kind": kind, "urgency": urgency},
    )
    transaction.on_commit(lambda: notify_request.enqueue(request.pk, "submitted"))
    return request


@transaction.atomic
def request_triage(*, request_id: int, actor: User, note: str = "") -> TechnicalAssistanceRequest:
    request = _locked(request_id)
    _require_triager(actor)
    require_transition(request, RequestStatus.TRIAGED, ALLOWED)
    before = request.status
    request.status = RequestStatus.TRIAGED
    request.triage_note = note.strip()
    request.save(update_fields=["status", "triage_note", "updated_at"])
    record_event(
        actor=actor,
        verb="assistance_request.triaged",
        obj=request,
        before=before,
        after=request.status,
    )
    transaction.on_commit(lambda: notify_request.enqueue(request.pk, "triaged"))
    return request


@transaction.atomic
def request_assign(*, request_id: int, actor: User, assignee: User) -> TechnicalAssistanceRequest:
    request = _locked(request_id)
    _require_triager(actor)
    require_transition(request, RequestStatus.ASSIGNED, ALLOWED)
    if not has_role(assignee, StaffRole.LAB_EXPERT):
        raise TransitionRefused(
            _("A request can only be assigned to a Lab expert."), code="not_lab_expert"
        )
    before = request.status
    request.status = RequestStatus.ASSIGNED
    request.assigned_to = assignee
    request.save(update_fields=["status", "assigned_to", "updated_at"])
    record_event(
        actor=actor,
        verb="assistance_request.assigned",
        obj=request,
        before=before,
        after={"status": request.status, "assigned_to": assignee.email},
    )
    transaction.on_commit(lambda: notify_request.enqueue(request.pk, "assigned"))
    return request


@transaction.atomic
def request_decline(*, request_id: int, actor: User, reason: str) -> TechnicalAssistanceRequest:
    request = _locked(request_id)
    _require_triager(actor)
    require_transition(request, RequestStatus.DECLINED, ALLOWED)
    if not reason.strip():
        raise TransitionRefused(
            _("Give the reason for declining: the organisation will read it."),
            code="reason_required",
        )
    before = request.status
    request.status = RequestStatus.DECLINED
    request.decline_reason = reason.strip()
    request.save(update_fields=["status", "decline_reason", "updated_at"])
    record_event(
        actor=actor,
        verb="assistance_request.declined",
        obj=request,
        before=before,
        after={"status": request.status, "reason": request.decline_reason},
    )
    transaction.on_commit(lambda: notify_request.enqueue(request.pk, "declined"))
    return request
