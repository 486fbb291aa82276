"""Transition tables as data: what can be done, from which states, by whom.

Each app declares one `Machine` per model with a lifecycle, in its `states.py`. The same
table answers three questions: may this change happen now (the kernel's `check`), what
may this person do next (`allowed_actions`, used by templates and the API), and what the
lifecycle looks like (docs/states/).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import models

MACHINES: dict[str, "Machine"] = {}


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


@dataclass
class Machine:
    """The lifecycle of one model: its states and the actions between them."""

    model: str  # "app_label.ModelName"
    states: type[models.TextChoices]
    actions: dict[str, Action]
    field: str = "status"

    def __post_init__(self):
        values = set(self.states.values)
        for name, action in self.actions.items():
            unknown = (action.source | ({action.target} - {None})) - values
            if unknown:
                raise ValueError(f"{self.model}.{name}: unknown states {sorted(unknown)}")
        if self.model in MACHINES:
            raise ValueError(f"{self.model} already has a transition table")
        MACHINES[self.model] = self

    def action(self, name: str) -> Action:
        try:
            return self.actions[name]
        except KeyError:
            raise KeyError(f"{self.model} has no action {name!r}") from None

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


def machine_for(obj_or_model) -> Machine:
    label = obj_or_model._meta.label
    try:
        return MACHINES[label]
    except KeyError:
        raise LookupError(f"{label} has no transition table (a Machine in its states.py)") from None
