"""Cooperation agreements between BDT and a host, and the projects under them (Lab experts).

Milestones and deliverables are rows of their project: they are written under the
project's lock, and the project's audit trail records each change."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.accounts.models import Organisation, User
from alliance.core import kernel, policy
from alliance.core.states import TransitionRefused
from alliance.core.uploads import validate_upload

from ..models import CooperationAgreement, Deliverable, Project, ProjectMilestone
from ..states import AGREEMENT, PROJECT, AgreementStatus, action_to


def _check_dates(start: date, end: date) -> None:
    if end < start:
        raise TransitionRefused(_("The end date must come after the start date."), code="dates")


def _status_action(machine, obj, status: str, actor, rule: str) -> str:
    """The action a status form asks for; a status no action leads to is refused like a
    step the table does not allow (after the policy, so a stranger learns nothing)."""
    action = action_to(machine, status)
    if action is None:
        policy.require(actor, rule, obj)
        raise TransitionRefused(
            _("This cannot be done while the status is “%(status)s”.")
            % {"status": obj.get_status_display()},
            code="invalid_transition",
        )
    return action


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
    agreement = CooperationAgreement(
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
    policy.require(actor, "lab.agreement.manage", agreement)
    _check_dates(start_date, end_date)
    if centre is not None and centre.host_organisation_id != host_organisation.pk:
        raise TransitionRefused(
            _("The centre must be hosted by the organisation that signs the agreement."),
            code="wrong_host",
        )
    if document:
        validate_upload(document, "document")
    return kernel.create(
        agreement, actor=actor, verb="agreement.created", after={"status": agreement.status}
    )


@transaction.atomic
def agreement_set_status(
    *, agreement_id: int, actor: User, status: str, document=None
) -> CooperationAgreement:
    agreement = kernel.lock(CooperationAgreement, agreement_id)
    action = _status_action(AGREEMENT, agreement, status, actor, "lab.agreement.manage")
    kernel.check(agreement, action, actor)
    fields = {}
    if document is not None:
        validate_upload(document, "document")
        fields["document"] = document
    if action == "sign":
        if not (document is not None or agreement.document):
            raise TransitionRefused(
                _("Attach the signed agreement before marking it signed."), code="no_document"
            )
        fields["signed_at"] = timezone.localdate()
    return kernel.transition(agreement, action, actor=actor, fields=fields)


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
    agreement = kernel.lock(CooperationAgreement, agreement_id)
    kernel.check(agreement, "edit", actor)
    _check_dates(start_date, end_date)
    tracked = (*AGREEMENT_EDIT_FIELDS, "document")
    before = _snapshot(agreement, tracked)
    fields = {
        "title": title,
        "parties": parties,
        "scope": scope,
        "start_date": start_date,
        "end_date": end_date,
    }
    if document:
        validate_upload(document, "document")
        # Stored now, so that the audit trail names the file as it is kept.
        agreement.document.save(document.name, document, save=False)
        fields["document"] = agreement.document
    for name, value in fields.items():
        setattr(agreement, name, value)
    return kernel.transition(
        agreement,
        "edit",
        actor=actor,
        fields=fields,
        before=before,
        after=_snapshot(agreement, tracked),
    )


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
    agreement = kernel.lock(CooperationAgreement, agreement.pk)
    kernel.check(agreement, "add_project", actor)
    _check_dates(start_date, end_date)
    project = Project(
        agreement=agreement,
        title=title,
        description=description,
        budget_usd=budget_usd,
        start_date=start_date,
        end_date=end_date,
    )
    return kernel.create(project, actor=actor, verb="project.created", after={"budget": budget_usd})


@transaction.atomic
def project_set_status(*, project_id: int, actor: User, status: str) -> Project:
    project = kernel.lock(Project, project_id, related=("agreement",))
    action = _status_action(PROJECT, project, status, actor, "lab.project.manage")
    kernel.check(project, action, actor)
    if action == "start" and project.agreement.status not in (
        AgreementStatus.SIGNED,
        AgreementStatus.ACTIVE,
    ):
        raise TransitionRefused(
            _("A project starts once its agreement is signed."), code="agreement_not_signed"
        )
    return kernel.transition(project, action, actor=actor)


def check_project_open(project: Project, action: str, actor) -> None:
    """kernel.check, with the refusal naming the project's status (views ask it too)."""
    try:
        kernel.check(project, action, actor)
    except TransitionRefused as refused:
        if refused.code != "project_closed":
            raise
        raise TransitionRefused(
            _("This project is %(status)s: it takes no more changes.")
            % {"status": project.get_status_display().lower()},
            code="project_closed",
        ) from None


def _open_project(project_id: int, action: str, actor) -> Project:
    project = kernel.lock(Project, project_id)
    check_project_open(project, action, actor)
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
    project = _open_project(project_id, "edit", actor)
    _check_dates(start_date, end_date)
    before = _snapshot(project, PROJECT_EDIT_FIELDS)
    fields = {
        "title": title,
        "description": description,
        "budget_usd": budget_usd,
        "start_date": start_date,
        "end_date": end_date,
    }
    for name, value in fields.items():
        setattr(project, name, value)
    return kernel.transition(
        project,
        "edit",
        actor=actor,
        fields=fields,
        before=before,
        after=_snapshot(project, PROJECT_EDIT_FIELDS),
    )


@transaction.atomic
def project_milestone_add(
    *, project_id: int, actor: User, title: str, due_date: date
) -> ProjectMilestone:
    project = _open_project(project_id, "add_milestone", actor)
    milestone = ProjectMilestone.objects.create(project=project, title=title, due_date=due_date)
    kernel.transition(project, "add_milestone", actor=actor, after={"title": title})
    return milestone


def _project_of(model, pk: int) -> int:
    """The project of a milestone or deliverable: it is locked before the row itself."""
    return model.objects.values_list("project_id", flat=True).get(pk=pk)


@transaction.atomic
def project_milestone_done(*, milestone_id: int, actor: User) -> ProjectMilestone:
    project = _open_project(
        _project_of(ProjectMilestone, milestone_id), "mark_milestone_done", actor
    )
    milestone = kernel.lock(ProjectMilestone, milestone_id)
    if milestone.done_at is None:
        milestone.done_at = timezone.localdate()
        milestone.save(update_fields=["done_at"])  # the project's audit event records it
        kernel.transition(
            project, "mark_milestone_done", actor=actor, after={"title": milestone.title}
        )
    return milestone


@transaction.atomic
def deliverable_add(*, project_id: int, actor: User, title: str, due_date: date) -> Deliverable:
    project = _open_project(project_id, "add_deliverable", actor)
    deliverable = Deliverable.objects.create(project=project, title=title, due_date=due_date)
    kernel.transition(project, "add_deliverable", actor=actor, after={"title": title})
    return deliverable


@transaction.atomic
def deliverable_deliver(*, deliverable_id: int, actor: User, document) -> Deliverable:
    project = _open_project(_project_of(Deliverable, deliverable_id), "deliver", actor)
    deliverable = kernel.lock(Deliverable, deliverable_id)
    if deliverable.delivered_at is not None:
        raise TransitionRefused(_("This deliverable was already delivered."), code="delivered")
    validate_upload(document, "document")
    deliverable.document = document
    deliverable.delivered_at = timezone.localdate()
    deliverable.save(
        update_fields=["document", "document_name", "delivered_at"]
    )  # recorded on the project
    kernel.transition(project, "deliver", actor=actor, after={"title": deliverable.title})
    return deliverable
