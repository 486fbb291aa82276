"""Every write to a technical assistance request (states.py REQUEST is the lifecycle).

Each one locks the request, asks the kernel (policy, then table), applies the Lab's own
rules, then transitions: one audit event, messages after commit (notifications.py)."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.accounts.models import Organisation, User
from alliance.core import kernel, policy
from alliance.core.states import TransitionRefused
from alliance.core.uploads import validate_upload

from ..models import DeliveryDocument, PlanMilestone, TechnicalAssistanceRequest


def _locked(request_id: int) -> TechnicalAssistanceRequest:
    return kernel.lock(TechnicalAssistanceRequest, request_id)


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
    request = TechnicalAssistanceRequest(
        organisation=organisation,
        requested_by=actor,
        assessment=assessment,
        kind=kind,
        description=description.strip(),
        urgency=urgency,
        preferred_language=preferred_language,
    )
    policy.require(actor, "lab.request.submit", request)
    if not request.description:
        raise TransitionRefused(_("Describe the assistance you need."), code="incomplete")
    return kernel.create(
        request,
        actor=actor,
        verb="assistance_request.submitted",
        after={"status": request.status, "kind": kind, "urgency": urgency},
    )


@transaction.atomic
def request_triage(*, request_id: int, actor: User, note: str = "") -> TechnicalAssistanceRequest:
    request = _locked(request_id)
    return kernel.transition(request, "triage", actor=actor, fields={"triage_note": note.strip()})


@transaction.atomic
def request_assign(*, request_id: int, actor: User, assignee: User) -> TechnicalAssistanceRequest:
    request = _locked(request_id)
    kernel.check(request, "assign", actor)
    if not policy.can(assignee, "lab.expert"):
        raise TransitionRefused(
            _("A request can only be assigned to a Lab expert."), code="not_lab_expert"
        )
    return kernel.transition(
        request,
        "assign",
        actor=actor,
        fields={"assigned_to": assignee},
        after={"status": "assigned", "assigned_to": assignee.email},
    )


@transaction.atomic
def request_decline(*, request_id: int, actor: User, reason: str) -> TechnicalAssistanceRequest:
    request = _locked(request_id)
    kernel.check(request, "decline", actor)
    if not reason.strip():
        raise TransitionRefused(
            _("Give the reason for declining: the organisation will read it."),
            code="reason_required",
        )
    return kernel.transition(
        request,
        "decline",
        actor=actor,
        fields={"decline_reason": reason.strip()},
        after={"status": "declined", "reason": reason.strip()},
    )


@transaction.atomic
def request_plan_propose(
    *, request_id: int, actor: User, plan: str, milestones: list[tuple[str, date]]
) -> TechnicalAssistanceRequest:
    """The assigned expert proposes the plan; proposing again replaces it until agreed."""
    request = _locked(request_id)
    kernel.check(request, "propose_plan", actor)
    if not plan.strip() or not milestones:
        raise TransitionRefused(
            _("Write the plan and give at least one milestone with its date."), code="incomplete"
        )
    # The milestones belong to the plan: they are replaced with it, under the request's lock.
    request.milestones.all().delete()
    PlanMilestone.objects.bulk_create(
        [PlanMilestone(request=request, title=t, due_date=d) for t, d in milestones]
    )
    return kernel.transition(
        request,
        "propose_plan",
        actor=actor,
        fields={"plan": plan.strip(), "plan_proposed_at": timezone.now()},
        after={"milestones": [[t, d.isoformat()] for t, d in milestones]},
    )


@transaction.atomic
def request_plan_agree(*, request_id: int, actor: User) -> TechnicalAssistanceRequest:
    """The requester agrees the plan: the work starts."""
    request = _locked(request_id)
    kernel.check(request, "agree_plan", actor)
    if request.plan_proposed_at is None:
        raise TransitionRefused(_("The Lab expert has not proposed a plan yet."), code="no_plan")
    return kernel.transition(
        request,
        "agree_plan",
        actor=actor,
        fields={"plan_agreed_at": timezone.now(), "plan_agreed_by": actor},
    )


@transaction.atomic
def milestone_mark_done(*, milestone_id: int, actor: User) -> PlanMilestone:
    # The request is locked before its milestone (the kernel's lock order: parents first).
    request_id = PlanMilestone.objects.values_list("request_id", flat=True).get(pk=milestone_id)
    request = _locked(request_id)
    milestone = kernel.lock(PlanMilestone, milestone_id)
    kernel.check(request, "mark_milestone_done", actor)
    if milestone.done_at is None:
        milestone.done_at = timezone.now()
        milestone.save(update_fields=["done_at"])  # the request's audit event records it
        kernel.transition(
            request, "mark_milestone_done", actor=actor, after={"milestone": milestone.title}
        )
    return milestone


@transaction.atomic
def request_deliver(
    *, request_id: int, actor: User, note: str, documents: list[tuple[str, object]]
) -> TechnicalAssistanceRequest:
    """The expert delivers with at least one document; the requester is asked to rate."""
    request = _locked(request_id)
    kernel.check(request, "deliver", actor)
    if not documents and not request.documents.exists():
        raise TransitionRefused(
            _("Attach at least one document to deliver the assistance."), code="no_document"
        )
    for _title, upload in documents:
        validate_upload(upload, "document")
    for title, upload in documents:
        DeliveryDocument.objects.create(
            request=request, title=title, file=upload, uploaded_by=actor
        )
    return kernel.transition(
        request,
        "deliver",
        actor=actor,
        fields={"delivery_note": note.strip(), "delivered_at": timezone.now()},
        after={"status": "delivered", "documents": [t for t, _u in documents]},
    )


@transaction.atomic
def request_close(
    *, request_id: int, actor: User, satisfaction: int, comment: str = ""
) -> TechnicalAssistanceRequest:
    request = _locked(request_id)
    kernel.check(request, "close", actor)
    if satisfaction not in range(1, 6):
        raise TransitionRefused(
            _("Rate your satisfaction from 1 (poor) to 5 (excellent)."), code="rating_range"
        )
    return kernel.transition(
        request,
        "close",
        actor=actor,
        fields={
            "satisfaction": satisfaction,
            "satisfaction_comment": comment.strip(),
            "closed_at": timezone.now(),
        },
        after={"status": "closed", "satisfaction": satisfaction},
    )
