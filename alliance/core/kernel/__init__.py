"""The kernel: the one way to change state (docs/kernel.md).

A service locks the row, asks `check` (policy, then the transition table), applies its own
domain rules, then calls `transition` (or `change`, `create`, `delete` for writes that are
not a status change). Each of these writes exactly one audit event in the caller's
transaction and announces the change after commit, where the notifications app picks it up.
"""

from alliance.core.states import PermissionRefused, TransitionRefused

from .locking import LOCK_ORDER, LockOrderError, lock, lock_rows, separate_lock_orders
from .machines import Action, CurrentState, Lapse, Machine, as_of, day_over, machine_for
from .signals import Event, committed
from .writes import (
    allowed_actions,
    announce,
    change,
    check,
    create,
    delete,
    record,
    settle,
    state,
    transition,
)

__all__ = [
    "LOCK_ORDER",
    "Action",
    "CurrentState",
    "Lapse",
    "Event",
    "LockOrderError",
    "Machine",
    "PermissionRefused",
    "TransitionRefused",
    "allowed_actions",
    "as_of",
    "announce",
    "change",
    "check",
    "committed",
    "create",
    "day_over",
    "delete",
    "lock",
    "lock_rows",
    "machine_for",
    "record",
    "separate_lock_orders",
    "settle",
    "state",
    "transition",
]
