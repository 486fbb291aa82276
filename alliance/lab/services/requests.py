"""Every write to a technical assistance request (see states.py for the lifecycle)."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.accounts.models import Membership, Organisation, User
from alliance.accounts.roles import StaffRole, has_role
from alliance.core.audit import record_event
from alliance.core.states import PermissionRefused, TransitionRefused, require_transition
from alliance.core.uploads import validate_upload

from ..models import DeliveryDocument, PlanMilestone, TechnicalAssistanceRequest
from ..states import ALLOWED, RequestStatus
from ..tasks import notify_request

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
    # Any member of an Alliance organisation may ask the Lab for help.
    if not Membership.objects.filter(user=actor, organisation=organisation).exists():
        raise PermissionRefused(_("Only a member of the organisation can do this."))
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


def _require_assigned_expert(request: TechnicalAssistanceRequest, actor: User) -> None:
    if request.assigned_to_id != actor.pk and not has_role(actor, StaffRole.SECRETARIAT):
        raise PermissionRefused(_("Only the Lab expert assigned to this request can do this."))


def _require_requester(request: TechnicalAssistanceRequest, actor: User) -> None:
    if not Membership.objects.filter(user=actor, organisation=request.organisation_id).exists():
        raise PermissionRefused(_("Only a member of the requesting organisation can do this."))


@transaction.atomic
def request_plan_propose(
    *, request_id: int, actor: User, plan: str, milestones: list[tuple[str, date]]
) -> TechnicalAssistanceRequest:
    """The assigned expert proposes the plan; proposing again replaces it until agreed."""
    request = _locked(request_id)
    _require_assigned_expert(request, actor)
    if request.status != RequestStatus.ASSIGNED:
        raise TransitionRefused(
            _("The plan can only be changed before the work starts."), code="invalid_transition"
        )
    if not plan.strip() or not milestones:
        raise TransitionRefused(
            _("Write the plan and give at least one milestone with its date."), code="incomplete"
        )
    request.plan = plan.strip()
    request.plan_proposed_at = timezone.now()
    request.save(update_fields=["plan", "plan_proposed_at", "updated_at"])
    request.milestones.all().delete()
    PlanMilestone.objects.bulk_create(
        [PlanMilestone(request=request, title=t, due_date=d) for t, d in milestones]
    )
    record_event(
        actor=actor,
        verb="assistance_request.plan_proposed",
        obj=request,
        after={"milestones": [[t, d.isoformat()] for t, d in milestones]},
    )
    transaction.on_commit(lambda: notify_request.enqueue(request.pk, "plan_proposed"))
    return request


@transaction.atomic
def request_plan_agree(*, request_id: int, actor: User) -> TechnicalAssistanceRequest:
    """The requester agrees the plan: the work starts."""
    request = _locked(request_id)
    _require_requester(request, actor)
    require_transition(request, RequestStatus.IN_PROGRESS, ALLOWED)
    if request.plan_proposed_at is None:
        raise TransitionRefused(_("The Lab expert has not proposed a plan yet."), code="no_plan")
    before = request.status
    request.status = RequestStatus.IN_PROGRESS
    request.plan_agreed_at = timezone.now()
    request.plan_agreed_by = actor
    request.save(update_fields=["status", "plan_agreed_at", "plan_agreed_by", "updated_at"])
    record_event(
        actor=actor,
        verb="assistance_request.plan_agreed",
        obj=request,
        before=before,
        after=request.status,
    )
    transaction.on_commit(lambda: notify_request.enqueue(request.pk, "plan_agreed"))
    return request


@transaction.atomic
def milestone_mark_done(*, milestone_id: int, actor: User) -> PlanMilestone:
    milestone = PlanMilestone.objects.select_for_update().get(pk=milestone_id)
    request = _locked(milestone.request_id)
    _require_assigned_expert(request, actor)
    if request.status != RequestStatus.IN_PROGRESS:
        raise TransitionRefused(
            _("Milestones are marked done while the work is in progress."),
            code="invalid_transition",
        )
    if milestone.done_at is None:
        milestone.done_at = timezone.now()
        milestone.save(update_fields=["done_at"])
        record_event(
            actor=actor,
            verb="assistance_request.milestone_done",
            obj=request,
            after={"milestone": milestone.title},
        )
    return milestone


@transaction.atomic
def request_deliver(
    *, request_id: int, actor: User, note: str, documents: list[tuple[str, object]]
) -> TechnicalAssistanceRequest:
    """The expert delivers with at least one document; the requester is asked to rate."""
    request = _locked(request_id)
    _require_assigned_expert(request, actor)
    require_transition(request, RequestStatus.DELIVERED, ALLOWED)
    if not documents and not request.documents.exists():
        raise TransitionRefused(
            _("Attach at least one document to deliver the assistance."), code="no_document"
        )
    for _title, upload in documents:
        validate_upload(upload, "document")
    before = request.status
    for title, upload in documents:
        DeliveryDocument.objects.create(
            request=request, title=title, file=upload, uploaded_by=actor
        )
    request.status = RequestStatus.DELIVERED
    request.delivery_note = note.strip()
    request.delivered_at = timezone.now()
    request.save(update_fields=["status", "delivery_note", "delivered_at", "updated_at"])
    record_event(
        actor=actor,
        verb="assistance_request.delivered",
        obj=request,
        before=before,
        after={"status": request.status, "documents": [t for t, _u in documents]},
    )
    transaction.on_commit(lambda: notify_request.enqueue(request.pk, "delivered"))
    return request


@transaction.atomic
def request_close(
    *, request_id: int, actor: User, satisfaction: int, comment: str = ""
) -> TechnicalAssistanceRequest:
    request = _locked(request_id)
    _require_requester(request, actor)
    require_transition(request, RequestStatus.CLOSED, ALLOWED)
    if satisfaction not in range(1, 6):
        raise TransitionRefused(
            _("Rate your satisfaction from 1 (poor) to 5 (excellent)."), code="rating_range"
        )
    before = request.status
    request.status = RequestStatus.CLOSED
    request.satisfaction = satisfaction
    request.satisfaction_comment = comment.strip()
    request.closed_at = timezone.now()
    request.save(
        update_fields=["status", "satisfaction", "satisfaction_comment", "closed_at", "updated_at"]
    )
    record_event(
        actor=actor,
        verb="assistance_request.closed",
        obj=request,
        before=before,
        after={"status": request.status, "satisfaction": satisfaction},
    )
    transaction.on_commit(lambda: notify_request.enqueue(request.pk, "closed"))
    return request
