"""Transition tables as data: what can be done, from which states, by whom.

Each app declares one `Machine` per model with a lifecycle, in its `states.py`. The same
table answers three questions: may this change happen now (the kernel's `check`), what
may this person do next (`allowed_actions`, used by templates and the API), and what the
lifecycle looks like (docs/states/).
"""

from collections.abc import Callable, Iterable
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.db import models
from django.utils import timezone

MACHINES: dict[str, "Machine"] = {}

# The moment lapses are read at: now, except while a past history is replayed.
_AS_OF: ContextVar[datetime | None] = ContextVar("kernel_as_of", default=None)


@contextmanager
def as_of(moment: datetime):
    """Read lapses as at `moment`: for the demo seeding, which replays a history (a
    renewal opened before the term ended) today. Never in a request or a job."""
    token = _AS_OF.set(moment)
    try:
        yield
    finally:
        _AS_OF.reset(token)


def _now() -> datetime:
    return _AS_OF.get() or timezone.now()


@dataclass(frozen=True)
class Action:
    """One thing a person (or the platform) can do to an object.

    `source`: the states it starts from. `target`: the state it leads to; None keeps the
    state (the action changes details: editing a draft is an action "edit" with target
    None, so that the same table says in which states a thing may still be edited). `rule`: the policy rule
    the actor must pass (alliance.core.policy); None means only the platform itself takes
    it, from a scheduled job (actor None). `verb`: the audit verb, also the notification
    key. `when`: an optional cheap test on the object (no queries) that hides the action
    where the table alone would offer it, e.g. before a call's deadline. `refused`: what
    the person reads when the state does not allow the action (lazily translated), with
    `refused_code` for the API; by default "This cannot be done while the status is …".
    """

    source: frozenset
    target: str | None
    verb: str
    rule: str | None = None
    when: Callable[[models.Model], bool] | None = None
    refused: object = None
    refused_code: str = "invalid_transition"

    def __init__(
        self,
        source: Iterable,
        target,
        verb: str,
        rule=None,
        when=None,
        refused=None,
        refused_code: str = "invalid_transition",
    ):
        object.__setattr__(self, "source", frozenset(str(s) for s in source))
        object.__setattr__(self, "target", None if target is None else str(target))
        object.__setattr__(self, "verb", verb)
        object.__setattr__(self, "rule", rule)
        object.__setattr__(self, "when", when)
        object.__setattr__(self, "refused", refused)
        object.__setattr__(self, "refused_code", refused_code)


@dataclass(frozen=True)
class Lapse:
    """A change the clock makes: once `due(obj)` (an aware datetime, or None for never) has
    passed, an object in one of the source states of the platform action `action` is in
    its target state for everyone, whether or not a job has recorded it yet (a call past
    its deadline is closed). Pages, the API and the kernel's checks read that current
    state (`Machine.state`); the kernel records the change (`settle`: the action's audit
    event and messages, plus `fields(obj)`) the next time the row is locked for a
    transition, or when the job that settles overdue rows runs, whichever comes first."""

    action: str
    due: Callable[[models.Model], datetime | None]
    fields: Callable[[models.Model], dict] | None = None


@dataclass
class Machine:
    """The lifecycle of one model: its states and the actions between them."""

    model: str  # "app_label.ModelName"
    states: type[models.TextChoices]
    actions: dict[str, Action]
    field: str = "status"
    lapses: tuple[Lapse, ...] = ()

    def __post_init__(self):
        values = set(self.states.values)
        for name, action in self.actions.items():
            unknown = (action.source | ({action.target} - {None})) - values
            if unknown:
                raise ValueError(f"{self.model}.{name}: unknown states {sorted(unknown)}")
        for lapse in self.lapses:
            action = self.action(lapse.action)
            if action.target is None or action.rule is not None:
                raise ValueError(
                    f"{self.model}.{lapse.action}: a lapse is a platform action that changes "
                    "the state (rule None, a target)"
                )
        if self.model in MACHINES:
            raise ValueError(f"{self.model} already has a transition table")
        MACHINES[self.model] = self

    def action(self, name: str) -> Action:
        try:
            return self.actions[name]
        except KeyError:
            raise KeyError(f"{self.model} has no action {name!r}") from None

    def lapsed(self, obj, now=None) -> Lapse | None:
        """The first lapse due for `obj` as stored, if any (reads no query)."""
        stored = str(getattr(obj, self.field))
        for lapse in self.lapses:
            if stored in self.actions[lapse.action].source:
                due = lapse.due(obj)
                if due is not None and due <= (now or _now()):
                    return lapse
        return None

    def state(self, obj, now=None) -> str:
        """The state `obj` is in now: the stored one, moved on by every lapse that is due."""
        state = str(getattr(obj, self.field))
        now = now or _now()
        seen = set()
        while state not in seen:
            seen.add(state)
            for lapse in self.lapses:
                action = self.actions[lapse.action]
                if state in action.source:
                    due = lapse.due(obj)
                    if due is not None and due <= now:
                        state = action.target
                        break
        return state

    def label(self, state) -> str:
        return str(self.states(str(state)).label)

    def available(self, state) -> list[str]:
        """Names of the actions the table allows from `state`, in declaration order."""
        return [name for name, a in self.actions.items() if str(state) in a.source]

    def allowed(self) -> dict[str, set[str]]:
        """The table as state -> reachable states (a kept state counts as itself)."""
        out: dict[str, set[str]] = {}
        for action in self.actions.values():
            for state in action.source:
                out.setdefault(state, set()).add(action.target or state)
        return out

    def terminal(self) -> set[str]:
        return set(self.states.values) - set(self.allowed())


def day_over(day, tz=None) -> datetime | None:
    """The first second after `day` (a date) in `tz` (default: the site's time zone): when
    something whose last day is `day` has ended. None for None (no end)."""
    if day is None:
        return None
    return datetime.combine(
        day + timedelta(days=1), time.min, tz or timezone.get_default_timezone()
    )


class CurrentState:
    """For a model with a transition table: what pages and the API show as its status.
    `current_status` is the stored status moved on by the clock (a call past its deadline
    reads "closed" before any job has recorded it); never show the raw column."""

    @property
    def current_status(self) -> str:
        return machine_for(self).state(self)

    def get_current_status_display(self) -> str:
        machine = machine_for(self)
        return machine.label(machine.state(self))


def machine_for(obj_or_model) -> Machine:
    label = obj_or_model._meta.label
    try:
        return MACHINES[label]
    except KeyError:
        raise LookupError(f"{label} has no transition table (a Machine in its states.py)") from None
