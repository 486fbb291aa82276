from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.accounts.models import Organisation
from alliance.core.audit import record_event
from alliance.core.models import Country
from alliance.core.states import TransitionRefused, require_transition

from ..models import Centre, CentreType, CentreTypePeriod, DesignChecklistItem, FlagshipInitiative
from ..permissions import (
    can_edit_profile,
    is_centre_manager,
    is_director,
    is_evaluator,
    is_secretariat,
    require,
    require_secretariat,
)
from ..states import CENTRE_ALLOWED, CentreSource, CentreStatus, ChecklistItem
from ._common import after_commit_public_change

PROFILE_FIELDS = ["description_en", "description_fr", "website", "contact_name", "contact_email"]
SECRETARIAT_FIELDS = ["name", "scope", "ownership", "host_organisation", "country"]


def _snapshot(centre: Centre, fields) -> dict:
    return {f: str(getattr(centre, f)) for f in fields}


def _check_scope(centre_type: CentreType, scope: str) -> None:
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
    description_en: str = "",
    description_fr: str = "",
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
        require(
            is_secretariat(actor) or is_director(actor),
            _("Only the secretariat or the BDT Director can record a centre."),
        )
    _check_scope(centre_type, scope)
    centre = Centre(
        name=name,
        centre_type=centre_type,
        scope=scope,
        ownership=ownership or centre_type.ownership,
        host_organisation=host_organisation,
        country=country,
        source=source,
        description_en=description_en,
        description_fr=description_fr,
        website=website,
        contact_name=contact_name,
        contact_email=contact_email,
    )
    if source_object is not None:
        centre.source_content_type = ContentType.objects.get_for_model(source_object)
        centre.source_object_id = str(source_object.pk)
    centre.full_clean(exclude=["objectives"])
    centre.save()
    centre.objectives.set(objectives if objectives is not None else centre_type.objectives.all())
    DesignChecklistItem.objects.bulk_create(
        DesignChecklistItem(centre=centre, item=item) for item in ChecklistItem.values
    )
    CentreTypePeriod.objects.create(
        centre=centre, centre_type=centre_type, since=timezone.localdate()
    )
    record_event(
        actor=actor,
        verb="centre.created",
        obj=centre,
        after={**_snapshot(centre, SECRETARIAT_FIELDS), "source": source},
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
        name=f"{host} {centre_type.name_en}"[:200],
        source=CentreSource.APPLICATION,
        source_object=application,
    )


@transaction.atomic
def centre_update(*, centre_id: int, actor, objectives=None, **fields) -> Centre:
    """The secretariat's fields (name, scope, ownership, host, country, objectives)."""
    require_secretariat(actor)
    centre = Centre.objects.select_for_update().select_related("centre_type").get(pk=centre_id)
    unknown = set(fields) - set(SECRETARIAT_FIELDS)
    if unknown:
        raise ValueError(f"not secretariat fields: {unknown}")
    before = _snapshot(centre, fields)
    for name, value in fields.items():
        setattr(centre, name, value)
    if "scope" in fields:
        _check_scope(centre.centre_type, centre.scope)
    centre.full_clean(exclude=["objectives"])
    centre.save(update_fields=[*fields, "updated_at"])
    if objectives is not None:
        centre.objectives.set(objectives)
    record_event(
        actor=actor,
        verb="centre.updated",
        obj=centre,
        before=before,
        after=_snapshot(centre, fields),
    )
    after_commit_public_change()
    return centre


@transaction.atomic
def centre_profile_update(*, centre_id: int, actor, **fields) -> Centre:
    """The public profile: centre managers (and the secretariat) edit it."""
    centre = Centre.objects.select_for_update().get(pk=centre_id)
    require(can_edit_profile(actor, centre), _("Only the centre's managers can edit its profile."))
    unknown = set(fields) - set(PROFILE_FIELDS)
    if unknown:
        raise ValueError(f"not profile fields: {unknown}")
    before = _snapshot(centre, fields)
    for name, value in fields.items():
        setattr(centre, name, value)
    centre.full_clean(exclude=["objectives"])
    centre.save(update_fields=[*fields, "updated_at"])
    record_event(
        actor=actor,
        verb="centre.profile_updated",
        obj=centre,
        before=before,
        after=_snapshot(centre, fields),
    )
    after_commit_public_change()
    return centre


@transaction.atomic
def centre_close(*, centre_id: int, actor, reason: str) -> Centre:
    require_secretariat(actor)
    centre = Centre.objects.select_for_update().get(pk=centre_id)
    # Any accreditation whose term still runs (renewed and lapsed ones too) must go first.
    running = ["active", "renewal_due", "under_evaluation", "suspended", "renewed", "lapsed"]
    if centre.accreditations.filter(
        status__in=running, end_date__gte=timezone.localdate()
    ).exists():
        raise TransitionRefused(
            _("The centre still holds an accreditation: the Director must revoke it first."),
            code="accreditation_in_force",
        )
    require_transition(centre, CentreStatus.CLOSED, CENTRE_ALLOWED)
    before = centre.status
    centre.status = CentreStatus.CLOSED
    centre.save(update_fields=["status", "updated_at"])
    record_event(actor=actor, verb="centre.closed", obj=centre, before=before, after=reason)
    after_commit_public_change()
    return centre


def set_centre_status(centre: Centre, status: str, *, actor, verb: str) -> None:
    """For the accreditation services: the centre follows its accreditation."""
    if centre.status == status:
        return
    require_transition(centre, status, CENTRE_ALLOWED)
    before = centre.status
    centre.status = status
    centre.save(update_fields=["status", "updated_at"])
    record_event(actor=actor, verb=verb, obj=centre, before=before, after=status)


@transaction.atomic
def checklist_mark(*, centre_id: int, item: str, actor, done: bool = True, note: str = ""):
    """Tick (or untick) a design phase step: the Lab, the secretariat or the centre."""
    centre = Centre.objects.select_for_update().get(pk=centre_id)
    require(
        is_evaluator(actor) or is_centre_manager(actor, centre),
        _("Only the Lab, the secretariat or the centre's managers can update the checklist."),
    )
    if centre.status != CentreStatus.IN_DESIGN:
        raise TransitionRefused(
            _("The design phase is over: the centre is already accredited."),
            code="design_over",
        )
    row = DesignChecklistItem.objects.select_for_update().get(centre=centre, item=item)
    before = row.done
    row.done_by, row.done_at = (actor, timezone.now()) if done else (None, None)
    row.note = note
    row.save(update_fields=["done_by", "done_at", "note"])
    record_event(
        actor=actor,
        verb="centre.checklist_done" if done else "centre.checklist_undone",
        obj=centre,
        before={item: before},
        after={item: done},
    )
    return row


INITIATIVE_FIELDS = [
    "title_en",
    "title_fr",
    "summary_en",
    "summary_fr",
    "partners",
    "budget_usd",
    "start_date",
    "end_date",
    "status",
    "outcomes",
]


def _check_dates(initiative: FlagshipInitiative) -> None:
    if (
        initiative.start_date
        and initiative.end_date
        and initiative.end_date < initiative.start_date
    ):
        raise TransitionRefused(
            _("The end date must be on or after the start date."), code="invalid_dates"
        )


@transaction.atomic
def initiative_create(*, centre_id: int, actor, objectives=(), **fields) -> FlagshipInitiative:
    centre = Centre.objects.select_for_update().get(pk=centre_id)
    require(can_edit_profile(actor, centre), _("Only the centre's managers can do this."))
    initiative = FlagshipInitiative(centre=centre, **fields)
    _check_dates(initiative)
    initiative.full_clean(exclude=["objectives"])
    initiative.save()
    initiative.objectives.set(objectives)
    record_event(
        actor=actor, verb="initiative.created", obj=initiative, after={"title": initiative.title_en}
    )
    after_commit_public_change()
    return initiative


@transaction.atomic
def initiative_update(*, initiative_id: int, actor, objectives=None, **fields):
    initiative = (
        FlagshipInitiative.objects.select_for_update()
        .select_related("centre")
        .get(pk=initiative_id)
    )
    require(
        can_edit_profile(actor, initiative.centre), _("Only the centre's managers can do this.")
    )
    before = {f: str(getattr(initiative, f)) for f in fields}
    for name, value in fields.items():
        setattr(initiative, name, value)
    _check_dates(initiative)
    initiative.full_clean(exclude=["objectives"])
    initiative.save(update_fields=list(fields))
    if objectives is not None:
        initiative.objectives.set(objectives)
    record_event(
        actor=actor,
        verb="initiative.updated",
        obj=initiative,
        before=before,
        after={f: str(getattr(initiative, f)) for f in fields},
    )
    after_commit_public_change()
    return initiative
