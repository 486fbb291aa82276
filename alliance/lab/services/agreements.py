"""Cooperation agreements between BDT and a host, and the projects under them (Lab experts)."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.accounts.models import Organisation, User
from alliance.accounts.roles import StaffRole, has_role
from alliance.core.audit import record_event
from alliance.core.states import PermissionRefused, TransitionRefused, require_transition
from alliance.core.uploads import validate_upload

from ..models import CooperationAgreement, Deliverable, Project, ProjectMilestone
from ..states import (
    AGREEMENT_ALLOWED,
    AGREEMENT_EDITABLE_STATES,
    CLOSED_PROJECT_STATES,
    PROJECT_ALLOWED,
    AgreementStatus,
    ProjectStatus,
)

AGREEMENT_ROLES = (StaffRole.LAB_EXPERT, StaffRole.SECRETARIAT)


def _require_lab(actor: User) -> None:
    if not has_role(actor, *AGREEMENT_ROLES):
        raise PermissionRefused(_("Only a Lab expert or the secretariat can do this."))


def _check_dates(start: date, end: date) -> None:
    if end < start:
        raise TransitionRefused(_("The end date must come after the start date."), code="dates")


@transaction.atomic
def agreement_create(
    *,
    actor: User,
    host_organisation: Organisation,
    title: str,
    parties: str,
    scope: str,
    start_date: date,
    end_date: date,
    centre=None,
    document=None,
) -> CooperationAgreement:
    _require_lab(actor)
    _check_dates(start_date, end_date)
    if centre is not None and centre.host_organisation_id != host_organisation.pk:
        raise TransitionRefused(
            _("The centre must be hosted by the organisation that signs the agreement."),
            code="wrong_host",
        )
    if document:
        validate_upload(document, "document")
    agreement = CooperationAgreement.objects.create(
        host_organisation=host_organisation,
        centre=centre,
        title=title,
        parties=parties,
        scope=scope,
        start_date=start_date,
        end_date=end_date,
        document=document or "",
        created_by=actor,
    )
    record_event(
        actor=actor, verb="agreement.created", obj=agreement, after={"status": agreement.status}
    )
    return agreement


@transaction.atomic
def agreement_set_status(
    *, agreement_id: int, actor: User, status: str, document=None
) -> CooperationAgreement:
    agreement = CooperationAgreement.objects.select_for_update().get(pk=agreement_id)
    _require_lab(actor)
    require_transition(agreement, status, AGREEMENT_ALLOWED)
    fields = ["status"]
    if document is not None:
        validate_upload(document, "document")
        agreement.document = document
        fields.append("document")
    if status == AgreementStatus.SIGNED:
        if not agreement.document:
            raise TransitionRefused(
                _("Attach the signed agreement before marking it signed."), code="no_document"
            )
        agreement.signed_at = timezone.localdate()
        fields.append("signed_at")
    before = agreement.status
    agreement.status = status
    agreement.save(update_fields=fields)
    record_event(
        actor=actor, verb=f"agreement.{status}", obj=agreement, before=before, after=status
    )
    return agreement


AGREEMENT_EDIT_FIELDS = ("title", "parties", "scope", "start_date", "end_date")
PROJECT_EDIT_FIELDS = ("title", "description", "budget_usd", "start_date", "end_date")


def _snapshot(obj, fields) -> dict:
    """JSON-ready values of the fields, for the audit trail's before/after."""
    values = {}
    for name in fields:
        value = getattr(obj, name)
        if isinstance(value, date):
            value = value.isoformat()
        elif name == "document":
            value = value.name or ""
        values[name] = value
    return values


@transaction.atomic
def agreement_update(
    *,
    agreement_id: int,
    actor: User,
    title: str,
    parties: str,
    scope: str,
    start_date: date,
    end_date: date,
    document=None,
) -> CooperationAgreement:
    """Correct an agreement's details; a new document replaces the old one, none keeps it."""
    agreement = CooperationAgreement.objects.select_for_update().get(pk=agreement_id)
    _require_lab(actor)
    if agreement.status not in AGREEMENT_EDITABLE_STATES:
        raise TransitionRefused(
            _("This agreement has ended: its details can no longer be changed."), code="ended"
        )
    _check_dates(start_date, end_date)
    tracked = (*AGREEMENT_EDIT_FIELDS, "document")
    before = _snapshot(agreement, tracked)
    agreement.title = title
    agreement.parties = parties
    agreement.scope = scope
    agreement.start_date = start_date
    agreement.end_date = end_date
    fields = list(AGREEMENT_EDIT_FIELDS)
    if document:
        validate_upload(document, "document")
        agreement.document = document
        fields.append("document")
    agreement.save(update_fields=fields)
    record_event(
        actor=actor,
        verb="agreement.updated",
        obj=agreement,
        before=before,
        after=_snapshot(agreement, tracked),
    )
    return agreement


@transaction.atomic
def project_create(
    *,
    actor: User,
    agreement: CooperationAgreement,
    title: str,
    description: str,
    budget_usd: int,
    start_date: date,
    end_date: date,
) -> Project:
    _require_lab(actor)
    agreement = CooperationAgreement.objects.select_for_update().get(pk=agreement.pk)
    if agreement.status == AgreementStatus.ENDED:
        raise TransitionRefused(
            _("This agreement has ended: no new project can start under it."), code="ended"
        )
    _check_dates(start_date, end_date)
    project = Project.objects.create(
        agreement=agreement,
        title=title,
        description=description,
        budget_usd=budget_usd,
        start_date=start_date,
        end_date=end_date,
    )
    record_event(actor=actor, verb="project.created", obj=project, after={"budget": budget_usd})
    return project


@transaction.atomic
def project_set_status(*, project_id: int, actor: User, status: str) -> Project:
    project = Project.objects.select_for_update().get(pk=project_id)
    _require_lab(actor)
    require_transition(project, status, PROJECT_ALLOWED)
    if status == ProjectStatus.ACTIVE and project.agreement.status not in (
        AgreementStatus.SIGNED,
        AgreementStatus.ACTIVE,
    ):
        raise TransitionRefused(
            _("A project starts once its agreement is signed."), code="agreement_not_signed"
        )
    before = project.status
    project.status = status
    project.save(update_fields=["status"])
    record_event(actor=actor, verb=f"project.{status}", obj=project, before=before, after=status)
    return project


@transaction.atomic
def project_update(
    *,
    project_id: int,
    actor: User,
    title: str,
    description: str,
    budget_usd: int,
    start_date: date,
    end_date: date,
) -> Project:
    _require_lab(actor)
    project = _open_project(project_id)
    _check_dates(start_date, end_date)
    before = _snapshot(project, PROJECT_EDIT_FIELDS)
    project.title = title
    project.description = description
    project.budget_usd = budget_usd
    project.start_date = start_date
    project.end_date = end_date
    project.save(update_fields=list(PROJECT_EDIT_FIELDS))
    record_event(
        actor=actor,
        verb="project.updated",
        obj=project,
        before=before,
        after=_snapshot(project, PROJECT_EDIT_FIELDS),
    )
    return project


def _open_project(project_id: int) -> Project:
    project = Project.objects.select_for_update().get(pk=project_id)
    if project.status in CLOSED_PROJECT_STATES:
        raise TransitionRefused(
            _("This project is %(status)s: it takes no more changes.")
            % {"status": project.get_status_display().lower()},
            code="project_closed",
        )
    return project


@transaction.atomic
def project_milestone_add(
    *, project_id: int, actor: User, title: str, due_date: date
) -> ProjectMilestone:
    _require_lab(actor)
    project = _open_project(project_id)
    milestone = ProjectMilestone.objects.create(project=project, title=title, due_date=due_date)
    record_event(actor=actor, verb="project.milestone_added", obj=project, after={"title": title})
    return milestone


@transaction.atomic
def project_milestone_done(*, milestone_id: int, actor: User) -> ProjectMilestone:
    _require_lab(actor)
    milestone = ProjectMilestone.objects.select_for_update().get(pk=milestone_id)
    project = _open_project(milestone.project_id)
    if milestone.done_at is None:
        milestone.done_at = timezone.localdate()
        milestone.save(update_fields=["done_at"])
        record_event(
            actor=actor,
            verb="project.milestone_done",
            obj=project,
            after={"title": milestone.title},
        )
    return milestone


@transaction.atomic
def deliverable_add(*, project_id: int, actor: User, title: str, due_date: date) -> Deliverable:
    _require_lab(actor)
    project = _open_project(project_id)
    deliverable = Deliverable.objects.create(project=project, title=title, due_date=due_date)
    record_event(actor=actor, verb="project.deliverable_added", obj=project, after={"title": title})
    return deliverable


@transaction.atomic
def deliverable_deliver(*, deliverable_id: int, actor: User, document) -> Deliverable:
    _require_lab(actor)
    deliverable = Deliverable.objects.select_for_update().get(pk=deliverable_id)
    project = _open_project(deliverable.project_id)
    if deliverable.delivered_at is not None:
        raise TransitionRefused(_("This deliverable was already delivered."), code="delivered")
    validate_upload(document, "document")
    deliverable.document = document
    deliverable.delivered_at = timezone.localdate()
    deliverable.save(update_fields=["document", "delivered_at"])
    record_event(
        actor=actor,
        verb="project.deliverable_delivered",
        obj=project,
        after={"title": deliverable.title},
    )
    return deliverable
