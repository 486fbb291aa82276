"""Centres: recording one, its details and public profile, its design checklist, closing it."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.accounts.models import Organisation
from alliance.core import kernel
from alliance.core.i18n import audit_value
from alliance.core.models import Country
from alliance.core.policy import require
from alliance.core.states import TransitionRefused

from .. import checklist
from ..models import Centre, CentreType, CentreTypePeriod, DesignChecklistItem, RenewalEvaluation
from ..states import ACCREDITATION, OPEN_EVALUATION_STATUSES, CentreSource, ChecklistItem
from .common import lock_centre, registry_changed, tick

PROFILE_FIELDS = ["description", "website", "contact_name", "contact_email"]
SECRETARIAT_FIELDS = ["name", "scope", "ownership", "host_organisation", "country"]
# Accreditations whose term still runs (renewed and lapsed ones too) keep a centre open.
RUNNING = ["active", "renewal_due", "under_evaluation", "suspended", "renewed", "lapsed"]


def snapshot(obj, fields) -> dict:
    return {f: audit_value(getattr(obj, f)) for f in fields}


def check_scope(centre_type: CentreType, scope: str) -> None:
    if centre_type.scopes and scope not in centre_type.scopes:
        raise TransitionRefused(
            _("A %(type)s cannot have this scope.") % {"type": centre_type.name},
            code="scope_not_allowed",
        )


@transaction.atomic
def centre_create(
    *,
    actor,
    centre_type: CentreType,
    scope: str,
    host_organisation: Organisation,
    country: Country,
    name: str,
    source: str = CentreSource.RECORDED,
    source_object=None,
    objectives=None,
    ownership: str | None = None,
    description: dict | str = "",
    website: str = "",
    contact_name: str = "",
    contact_email: str = "",
    check_actor: bool = True,
) -> Centre:
    """A new centre in design, with its design checklist and the first period of its type.

    The secretariat records centres; the calls app calls this when the Director selects an
    application (source="application", source_object=the application). `check_actor=False`
    lets a service that already checked its own actor create the centre on their behalf.
    """
    if check_actor:
        require(actor, "centres.centre.record")
    check_scope(centre_type, scope)
    centre = Centre(
        name=name,
        centre_type=centre_type,
        scope=scope,
        ownership=ownership or centre_type.ownership,
        host_organisation=host_organisation,
        country=country,
        source=source,
        description=description,
        website=website,
        contact_name=contact_name,
        contact_email=contact_email,
    )
    if source_object is not None:
        centre.source_content_type = ContentType.objects.get_for_model(source_object)
        centre.source_object_id = str(source_object.pk)
    centre.full_clean(exclude=["objectives"])
    kernel.create(
        centre,
        actor=actor,
        verb="centre.created",
        after={**snapshot(centre, SECRETARIAT_FIELDS), "source": source},
    )
    centre.objectives.set(objectives if objectives is not None else centre_type.objectives.all())
    # The checklist and the type history are part of the centre, created with it.
    DesignChecklistItem.objects.bulk_create(
        DesignChecklistItem(centre=centre, item=item) for item in ChecklistItem.values
    )
    CentreTypePeriod.objects.create(
        centre=centre, centre_type=centre_type, since=timezone.localdate()
    )
    return centre


@transaction.atomic
def centre_from_application(*, actor, application) -> Centre:
    """The centre in design that a selected application becomes (idempotent).

    Meant for the calls app's decision service: `if selected:
    centre_from_application(actor=actor, application=application)`. The type is the one
    proposed (or the call's only eligible type), the scope the one proposed (or the type's
    narrowest), the country the organisation's.
    """
    existing = Centre.objects.filter(
        source=CentreSource.APPLICATION,
        source_content_type=ContentType.objects.get_for_model(application),
        source_object_id=str(application.pk),
    ).first()
    if existing is not None:
        return existing
    centre_type = application.proposed_centre_type
    if centre_type is None:
        eligible = list(application.call.centre_types.all()[:2])
        if len(eligible) != 1:
            raise TransitionRefused(
                _("The application does not say which type of centre it proposes."),
                code="type_unknown",
            )
        centre_type = eligible[0]
    organisation = application.organisation
    scope = application.proposed_scope or centre_type.scopes[-1]
    host = application.host_institution or organisation.acronym or organisation.name
    return centre_create(
        actor=actor,
        centre_type=centre_type,
        scope=scope,
        host_organisation=organisation,
        country=Country.objects.get(code=str(organisation.country)),
        name=f"{host} {centre_type.name.get('en', '')}"[:200],
        source=CentreSource.APPLICATION,
        source_object=application,
    )


def _edit(centre: Centre, action: str, *, actor, fields: dict, allowed: list[str]) -> Centre:
    kernel.check(centre, action, actor)
    unknown = set(fields) - set(allowed)
    if unknown:
        raise ValueError(f"not {action} fields: {unknown}")
    before = snapshot(centre, fields)
    for name, value in fields.items():
        setattr(centre, name, value)
    if "scope" in fields:
        check_scope(centre.centre_type, centre.scope)
    centre.full_clean(exclude=["objectives"])
    return kernel.transition(
        centre, action, actor=actor, fields=fields, before=before, after=snapshot(centre, fields)
    )


@transaction.atomic
def centre_update(*, centre_id: int, actor, objectives=None, **fields) -> Centre:
    """The secretariat's fields (name, scope, ownership, host, country, objectives)."""
    centre = lock_centre(centre_id)
    _edit(centre, "edit", actor=actor, fields=fields, allowed=SECRETARIAT_FIELDS)
    if objectives is not None:
        centre.objectives.set(objectives)
    registry_changed()
    return centre


@transaction.atomic
def centre_profile_update(*, centre_id: int, actor, **fields) -> Centre:
    """The public profile: centre managers (and the secretariat) edit it."""
    centre = lock_centre(centre_id)
    _edit(centre, "edit_profile", actor=actor, fields=fields, allowed=PROFILE_FIELDS)
    registry_changed()
    return centre


@transaction.atomic
def centre_close(*, centre_id: int, actor, reason: str) -> Centre:
    centre = lock_centre(centre_id)
    kernel.check(centre, "close", actor)
    if centre.accreditations.filter(
        status__in=RUNNING, end_date__gte=timezone.localdate()
    ).exists():
        raise TransitionRefused(
            _("The centre still holds an accreditation: the Director must revoke it first."),
            code="accreditation_in_force",
        )
    kernel.transition(centre, "close", actor=actor, after=reason)
    _settle_ended_terms(centre)
    registry_changed()
    return centre


def _settle_ended_terms(centre: Centre) -> None:
    """Terms already over but not yet recorded as expired by the deadline job are recorded
    with the closure (and a renewal still open lapses with them): the stored states then
    say what the certificates do, whatever jobs have run."""
    ended = centre.accreditations.filter(
        status__in=ACCREDITATION.action("expire").source, end_date__lt=timezone.localdate()
    )
    rows = kernel.lock_rows(ended)
    for row in rows:
        kernel.settle(row)
    open_evaluations = RenewalEvaluation.objects.filter(
        accreditation__in=rows, status__in=OPEN_EVALUATION_STATUSES
    )
    for evaluation in kernel.lock_rows(open_evaluations):
        kernel.transition(evaluation, "lapse", actor=None, notify=False)


@transaction.atomic
def checklist_mark(*, centre_id: int, item: str, actor, done: bool = True, note: str = ""):
    """Confirm (or withdraw the confirmation of) a design step no data decides: the Lab
    says what it checked. The steps data decides are never ticked by hand."""
    centre = lock_centre(centre_id)
    kernel.check(centre, "mark_checklist", actor)
    if checklist.decided_by_data(item):
        raise TransitionRefused(
            _("This step follows the data it names: it is done when that data exists."),
            code="decided_by_data",
        )
    if done and not note.strip():
        raise TransitionRefused(
            _("Say what was checked: the note is the step's evidence."), code="note_required"
        )
    row = kernel.lock(DesignChecklistItem, centre=centre, item=item)
    return tick(row, actor=actor, done=done, note=note.strip())


def settle_checklist(centre: Centre, *, actor) -> None:
    """Check every step of a centre this transaction holds against its data; refuse,
    naming the steps still missing; record the steps data decides with their evidence."""
    steps = checklist.steps(centre)
    missing = [step for step in steps if not step.done]
    if missing:
        raise TransitionRefused(
            _("The design phase is not complete: %(steps)s.")
            % {"steps": "; ".join(f"{step.label} ({step.missing})" for step in missing)},
            code="design_incomplete",
        )
    rows = {row.pk: row for row in kernel.lock_rows(centre.checklist.all())}
    for step in steps:
        row = rows[step.row.pk]
        if not step.by_hand and not row.done:
            note = "; ".join(e.label for e in step.evidence)[:500]
            tick(row, actor=actor, note=note)
