"""Merging two records of the same organisation.

Everything that points at the duplicate moves to the organisation kept, in one
transaction. The references are found from the models' _meta (every foreign key and
one-to-one field to Organisation, in every installed app, many-to-many tables included),
so that a model added later moves too without anyone remembering this file.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.db import models, transaction
from django.utils.translation import gettext as _

from alliance.core import kernel, policy
from alliance.core.states import TransitionRefused

from .models import (
    JoinRequest,
    JoinRequestStatus,
    Membership,
    MembershipRole,
    Organisation,
    User,
)

# A person in both organisations keeps the stronger of their two roles.
ROLE_RANK = {MembershipRole.MEMBER: 0, MembershipRole.SIGNATORY: 1, MembershipRole.FOCAL_POINT: 2}


def references() -> list[tuple[type[models.Model], models.Field]]:
    """(model, field) for every column that points at an organisation."""
    out = []
    for model in apps.get_models(include_auto_created=True):
        for f in model._meta.concrete_fields:
            if f.is_relation and f.related_model is Organisation:
                out.append((model, f))
    return sorted(out, key=lambda mf: (mf[0]._meta.label, mf[1].name))


def _unique_sets(model, f) -> list[list[str]]:
    """The other columns of each uniqueness rule (without a condition) that includes `f`."""
    sets = []
    if f.unique:
        sets.append([])
    for together in model._meta.unique_together:
        if f.name in together:
            sets.append([n for n in together if n != f.name])
    for constraint in model._meta.constraints:
        if (
            isinstance(constraint, models.UniqueConstraint)
            and constraint.condition is None
            and f.name in constraint.fields
        ):
            sets.append([n for n in constraint.fields if n != f.name])
    return sets


@dataclass
class MergePlan:
    moves: dict[str, int] = field(default_factory=dict)  # model label -> rows
    conflicts: list[str] = field(default_factory=list)  # names of what cannot be merged


def plan(keep: Organisation, duplicate: Organisation) -> MergePlan:
    """What a merge would move, and what blocks it (two rows that may exist only once)."""
    result = MergePlan()
    for model, f in references():
        rows = model._base_manager.filter(**{f.name: duplicate})
        count = rows.count()
        if not count:
            continue
        result.moves[f"{model._meta.label}.{f.name}"] = count
        if model is Membership:
            continue  # people in both: merged below
        kept = model._base_manager.filter(**{f.name: keep})
        for others in _unique_sets(model, f):
            if _clash(rows, kept, others):
                result.conflicts.append(str(model._meta.verbose_name_plural))
    return result


def _clash(rows, kept, others) -> bool:
    if not others:
        return kept.exists()
    keys = set(kept.values_list(*others))
    return any(tuple(v) in keys for v in rows.values_list(*others))


@transaction.atomic
def organisation_merge(*, keep_id: int, duplicate_id: int, actor: User) -> Organisation:
    policy.require(actor, "accounts.organisations.staff")
    if keep_id == duplicate_id:
        raise TransitionRefused(_("Choose two different organisations."), "same_organisation")
    pair = Organisation.objects.filter(pk__in=[keep_id, duplicate_id])
    locked = {o.pk: o for o in kernel.lock_rows(pair)}
    if len(locked) != 2:
        raise TransitionRefused(_("Choose two different organisations."), "same_organisation")
    keep, duplicate = locked[keep_id], locked[duplicate_id]
    result = plan(keep, duplicate)
    if result.conflicts:
        raise TransitionRefused(
            _(
                "These cannot be merged automatically, because both organisations have one: "
                "%(items)s. Close one of them first."
            )
            % {"items": ", ".join(sorted(set(result.conflicts)))},
            "merge_conflict",
        )
    _merge_people(keep, duplicate)
    _settle_requests(keep, duplicate, actor)
    for model, f in references():
        model._base_manager.filter(**{f.name: duplicate}).update(**{f.name: keep})
    filled = {
        name: getattr(duplicate, name)
        for name in ("acronym", "website", "description")
        if not getattr(keep, name) and getattr(duplicate, name)
    }
    if not keep.is_itu_member and duplicate.is_itu_member:
        # The check the secretariat made of the duplicate holds for the organisation kept.
        filled.update(
            {
                name: getattr(duplicate, name)
                for name in ("itu_entry", "itu_status", "itu_verified_at", "itu_verified_by")
            }
        )
        filled["itu_membership"] = duplicate.itu_membership
    kernel.delete(
        duplicate,
        actor=actor,
        verb="organisation.merged_away",
        before={"merged_into": keep.pk, "name": duplicate.name},
    )
    kernel.change(
        keep,
        actor=actor,
        verb="organisation.merged",
        fields=filled,
        before={"duplicate": duplicate_id, "name": duplicate.name},
        after={"moved": result.moves},
        notify=False,
    )
    return keep


def _merge_people(keep, duplicate) -> None:
    kept = {m.user_id: m for m in Membership.objects.filter(organisation=keep)}
    for membership in Membership.objects.filter(organisation=duplicate, user_id__in=kept):
        ours = kept[membership.user_id]
        if ROLE_RANK[membership.role] > ROLE_RANK[ours.role]:
            Membership.objects.filter(pk=ours.pk).update(role=membership.role)
        membership.delete()


def _settle_requests(keep, duplicate, actor) -> None:
    """Pending requests to the duplicate from people already in (or asking to join) the
    organisation kept are answered: they would otherwise be two at once."""
    members = Membership.objects.filter(organisation=keep).values("user_id")
    asking = JoinRequest.objects.filter(organisation=keep, status=JoinRequestStatus.PENDING).values(
        "user_id"
    )
    pending = JoinRequest.objects.filter(organisation=duplicate, status=JoinRequestStatus.PENDING)
    doubles = pending.filter(models.Q(user_id__in=members) | models.Q(user_id__in=asking))
    for request in kernel.lock_rows(doubles):
        kernel.transition(
            request,
            "decline",
            actor=actor,
            fields={"reason": _("The organisation was merged with %s.") % keep.name},
        )
