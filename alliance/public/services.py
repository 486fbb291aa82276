from django.db import transaction

from alliance.core import kernel

from .models import Milestone

MILESTONE_FIELDS = [
    "title",
    "description",
    "date",
    "location",
    "is_public",
]


def _snapshot(milestone: Milestone) -> dict:
    values = {f: getattr(milestone, f) for f in MILESTONE_FIELDS}
    return {f: v if isinstance(v, dict) else str(v) for f, v in values.items()}


@transaction.atomic
def milestone_create(*, actor, **fields) -> Milestone:
    milestone = Milestone(**fields)
    milestone.full_clean()
    return kernel.create(
        milestone, actor=actor, verb="milestone.created", after=_snapshot(milestone)
    )


@transaction.atomic
def milestone_update(*, milestone_id: int, actor, **fields) -> Milestone:
    milestone = kernel.lock(Milestone, milestone_id)
    before = _snapshot(milestone)
    for name, value in fields.items():
        setattr(milestone, name, value)
    milestone.full_clean()
    return kernel.change(
        milestone,
        actor=actor,
        verb="milestone.updated",
        fields=fields,
        before=before,
        after=_snapshot(milestone),
    )


@transaction.atomic
def milestone_delete(*, milestone_id: int, actor) -> None:
    milestone = kernel.lock(Milestone, milestone_id)
    kernel.delete(milestone, actor=actor, verb="milestone.deleted", before=_snapshot(milestone))
