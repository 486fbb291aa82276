"""Every write that changes state, in one place: check, apply, save, audit, announce."""

from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils.translation import gettext as _

from alliance.core.models import AuditEvent
from alliance.core.policy import can, require
from alliance.core.states import TransitionRefused

from . import locking
from .machines import Action, Machine, machine_for
from .signals import Event, committed
from .validation import check_values


def check(obj: models.Model, action: str, actor, *, machine: Machine | None = None) -> Action:
    """Refuse, with a reason the person can read, what `actor` may not do to `obj` now.

    The policy comes first (a stranger learns nothing about the state), then the table,
    from the object's current state (the stored one moved on by the clock: a call past its
    deadline is closed, whatever jobs have run). A scheduled job acts with actor None and
    skips the policy."""
    machine = machine or machine_for(obj)
    step = machine.action(action)
    if actor is not None:
        if step.rule is None:
            raise TransitionRefused(_("Only the platform does this, on schedule."), "forbidden")
        require(actor, step.rule, obj)
    current = machine.state(obj)
    if current not in step.source:
        if step.refused is not None:
            raise TransitionRefused(str(step.refused), code=step.refused_code)
        label = machine.label(current)
        raise TransitionRefused(
            _("This cannot be done while the status is “%(status)s”.") % {"status": label},
            code=step.refused_code,
        )
    return step


def transition(
    obj: models.Model,
    action: str,
    *,
    actor,
    fields: dict | None = None,
    verb: str | None = None,
    before=None,
    after=None,
    context: dict | None = None,
    notify: bool = True,
    machine: Machine | None = None,
) -> models.Model:
    """Take `action` on a locked `obj`: check, set the state and `fields`, save only those,
    record one audit event, announce it after commit. Returns obj."""
    machine = machine or machine_for(obj)
    step = check(obj, action, actor, machine=machine)
    _require_held(obj)
    settle(obj, machine=machine)
    previous = getattr(obj, machine.field)
    changes = dict(fields or {})
    if step.target is not None:
        changes[machine.field] = step.target
        default_before, default_after = str(previous), step.target
    else:
        # The state stays: the event says which details changed.
        default_before, default_after = None, {"changed": sorted(changes)}
    _save(obj, changes)
    _audit(
        obj,
        actor=actor,
        verb=verb or step.verb,
        before=default_before if before is None else before,
        after=default_after if after is None else after,
    )
    if notify:
        _announce_on_commit(verb or step.verb, obj, actor, context)
    return obj


def settle(obj: models.Model, *, machine: Machine | None = None, now=None) -> list[str]:
    """Record what the clock has changed on a locked `obj` (its lapses that are due: a
    call past its deadline): per lapse, the platform action's state and fields, one audit
    event with no actor, its messages after commit. Returns the actions recorded; none
    when it is up to date, so running it twice records nothing twice."""
    machine = machine or machine_for(obj)
    done = []
    while (lapse := machine.lapsed(obj, now)) is not None:
        _require_held(obj)
        step = machine.actions[lapse.action]
        previous = str(getattr(obj, machine.field))
        changes = dict(lapse.fields(obj) if lapse.fields else {})
        changes[machine.field] = step.target
        _save(obj, changes)
        _audit(obj, actor=None, verb=step.verb, before=previous, after=step.target)
        _announce_on_commit(step.verb, obj, None, {"lapsed": True})
        done.append(lapse.action)
    return done


def change(
    obj: models.Model,
    *,
    actor,
    verb: str,
    fields: dict | None = None,
    before=None,
    after=None,
    context: dict | None = None,
    notify: bool = True,
) -> models.Model:
    """A write that is not a status change (details of a draft, a score, a role): save the
    given fields of a locked row, record one audit event, announce it after commit."""
    _require_held(obj)
    if fields:
        _save(obj, fields)
    _audit(obj, actor=actor, verb=verb, before=before, after=after)
    if notify:
        _announce_on_commit(verb, obj, actor, context)
    return obj


def create(
    obj: models.Model,
    *,
    actor,
    verb: str,
    before=None,
    after=None,
    context: dict | None = None,
    notify: bool = True,
) -> models.Model:
    """Save a new object, record one audit event, announce it after commit. `before` may
    say what the new row replaces (the previous co-chairs, a superseded accreditation)."""
    locking.require_transaction()
    check_values(obj)
    obj.save(force_insert=True)
    locking.mark_held(obj)
    _audit(obj, actor=actor, verb=verb, before=before, after=after)
    if notify:
        _announce_on_commit(verb, obj, actor, context)
    return obj


def delete(obj: models.Model, *, actor, verb: str, before=None, context: dict | None = None):
    """Record one audit event about `obj`, then delete it (the event keeps its name)."""
    _require_held(obj)
    _audit(obj, actor=actor, verb=verb, before=before, after=None)
    obj.delete()


def record(
    obj: models.Model | None,
    *,
    actor,
    verb: str,
    before=None,
    after=None,
    context: dict | None = None,
    notify: bool = True,
) -> AuditEvent:
    """An event that changes no column of `obj` (a reminder sent, a file generated, a
    bulk job run): one audit event, announced after commit."""
    event = _audit(obj, actor=actor, verb=verb, before=before, after=after)
    if notify and obj is not None:
        _announce_on_commit(verb, obj, actor, context)
    return event


def announce(verb: str, obj: models.Model, *, actor=None, context: dict | None = None) -> None:
    """Send the messages of `verb` after commit, without an audit event (reminders)."""
    _announce_on_commit(verb, obj, actor, context)


def state(obj: models.Model, now=None) -> str:
    """The state `obj` is in now, for everyone (the stored state moved on by its lapses)."""
    return machine_for(obj).state(obj, now)


def allowed_actions(obj: models.Model, user, *, machine: Machine | None = None) -> set[str]:
    """What `user` may do to `obj` now: the table's actions from its state that the policy
    grants and whose `when` holds. Templates ask `{% if "withdraw" in actions %}`."""
    if obj is None or user is None or not getattr(user, "is_authenticated", False):
        return set()
    machine = machine or machine_for(obj)
    state = machine.state(obj)
    out = set()
    for name in machine.available(state):
        step = machine.actions[name]
        if step.rule is None or (step.when is not None and not step.when(obj)):
            continue
        if can(user, step.rule, obj):
            out.add(name)
    return out


# -- internals ---------------------------------------------------------------------------


def _require_held(obj) -> None:
    if not locking.holds(obj):
        problem = (
            f"{obj._meta.label} {obj.pk} is changed without a lock: fetch it with kernel.lock()"
        )
        if locking._strict():
            raise locking.LockOrderError(problem)
        locking.logger.warning(problem)


def _save(obj, changes: dict) -> None:
    for name, value in changes.items():
        setattr(obj, name, value)
    update = set(changes)
    # auto_now columns (updated_at) move with every save, as a full save would move them.
    update.update(f.name for f in obj._meta.concrete_fields if getattr(f, "auto_now", False))
    # A new file brings its original name (core/files.py PrivateFileField.name_field).
    update.update(
        f.name_field
        for f in obj._meta.concrete_fields
        if getattr(f, "name_field", None) and f.name in update
    )
    # Many-to-many values cannot go through save(); the caller sets them itself.
    names = {f.name for f in obj._meta.concrete_fields} | {
        f.attname for f in obj._meta.concrete_fields
    }
    unknown = update - names
    if unknown:
        raise ValueError(f"{obj._meta.label} has no column {sorted(unknown)}")
    check_values(obj, set(changes))
    obj.save(update_fields=sorted(update))


def _audit(obj, *, actor, verb: str, before, after) -> AuditEvent:
    locking.require_transaction()
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        verb=verb,
        content_type=ContentType.objects.get_for_model(obj) if obj is not None else None,
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=str(obj)[:200] if obj is not None else "",
        before=before,
        after=after,
    )


def _announce_on_commit(verb: str, obj, actor, context: dict | None) -> None:
    event = Event(
        verb=verb,
        model=obj._meta.label,
        pk=obj.pk,
        actor_id=getattr(actor, "pk", None) if getattr(actor, "is_authenticated", False) else None,
        context=dict(context or {}),
    )
    transaction.on_commit(partial(committed.send, sender=type(obj), event=event))
