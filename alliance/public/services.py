from django.db import transaction

from alliance.core.audit import record_event

from .models import Milestone

MILESTONE_FIELDS = [
    "title_en",
    "title_fr",
    "description_en",
    "description_fr",
    "date",
    "location",
    "is_public",
]


def _snapshot(milestone: Milestone) -> dict:
    return {f: str(getattr(milestone, f)) for f in MILESTONE_FIELDS}


@transaction.atomic
def milestone_create(*, actor, **fields) -> Milestone:
    milestone = Milestone(**fields)
    milestone.full_clean()
    milestone.save()
    record_event(actor=actor, verb="milestone.created", obj=milestone, after=_snapshot(milestone))
    return milestone


@transaction.atomic
def milestone_update(*, milestone_id: int, actor, **fields) -> Milestone:
    milestone = Milestone.objects.select_for_update().get(pk=milestone_id)
    before = _snapshot(milestone)
    for name, value in fields.items():
        setattr(milestone, name, value)
    milestone.full_clean()
    milestone.save(update_fields=[*fields.keys(), "updated_at"])
    record_event(
        actor=actor,
        verb="milestone.updated",
        obj=milestone,
        before=before,
        after=_snapshot(milestone),
    )
    return milestone


@transaction.atomic
def milestone_delete(*, milestone_id: int, actor) -> None:
    milestone = Milestone.objects.select_for_update().get(pk=milestone_id)
    record_event(actor=actor, verb="milestone.deleted", obj=milestone, before=_snapshot(milestone))
    milestone.delete()
