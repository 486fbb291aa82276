"""Row locks, always taken in one global order.

Two transactions that lock the same rows in opposite orders can deadlock on PostgreSQL
(revoking an accreditation used to lock accreditation then centre while a move between
types locked centre then accreditation). Every lock goes through `lock` or `lock_rows`,
which lock only the model's own row (`of=("self",)`: joined parents stay free, so on
deadline day applicants of one call do not queue on the call's row) and refuse, in tests,
to lock a model ranked before one already locked in the same transaction.

The order: parents before children, and across apps the order below. A model that is
locked must be listed; add new ones where their parents are.
"""

import logging
from contextlib import contextmanager

from django.conf import settings
from django.db import router, transaction
from django.db.models import Model, QuerySet

logger = logging.getLogger(__name__)

LOCK_ORDER: tuple[str, ...] = (
    "accounts.ItuMember",
    "accounts.Organisation",
    "accounts.Membership",
    "accounts.Invitation",
    "accounts.JoinRequest",
    "accounts.ApiToken",
    "accounts.SecurityPolicy",
    "public.Milestone",
    "joining.ExpressionOfInterest",
    "joining.PreliminaryAssessment",
    "joining.JointDeclaration",
    "calls.Call",
    "calls.Application",
    "calls.ReviewAssignment",
    "calls.CallExport",
    "centres.Centre",
    "centres.PartnerRecognition",
    "centres.CategoryChange",
    "centres.Accreditation",
    "centres.RenewalEvaluation",
    "centres.DesignChecklistItem",
    "centres.FlagshipInitiative",
    "lab.TechnicalAssistanceRequest",
    "lab.PlanMilestone",
    "lab.CooperationAgreement",
    "lab.Project",
    "lab.ProjectMilestone",
    "lab.Deliverable",
    "monitoring.Indicator",
    "monitoring.CentreIndicator",
    "monitoring.CentreReport",
    "monitoring.LessonLearned",
    "board.BoardMember",
    "board.Nomination",
    "board.Meeting",
    "board.Decision",
    "board.Expert",
    "news.Pilot",
    "news.Announcement",
    "news.Subscriber",
    "events.Event",
    "events.Registration",
    "notifications.Notification",
    "notifications.Preference",
    "notifications.CalendarFeed",
)
RANK = {label: i for i, label in enumerate(LOCK_ORDER)}


class LockOrderError(RuntimeError):
    """A programming error: a lock taken out of the global order (or on an unlisted model)."""


class _Log:
    """The locks of one transaction: the highest rank taken and the rows held."""

    def __init__(self):
        self.highest = -1
        self.highest_label = ""
        self.rows: set[tuple[str, str]] = set()

    def __call__(self):  # registered with on_commit so that it is dropped with the transaction
        pass


def require_transaction(connection=None) -> None:
    """Locks and writes happen inside the service's own transaction.atomic. A test's
    wrapping transaction does not count: without its own, the service would lock nothing
    on PostgreSQL in production (and audit events would outlive a failed change)."""
    connection = connection or transaction.get_connection()
    in_own = connection.in_atomic_block and any(
        not getattr(block, "_from_testcase", False) for block in connection.atomic_blocks
    )
    if not in_own:
        raise transaction.TransactionManagementError(
            "Rows are locked and changed inside the service's transaction (transaction.atomic)."
        )


@contextmanager
def separate_lock_orders():
    """Inside, each transaction opened within the block keeps its own lock order even
    though an outer transaction wraps them all: for a one-process batch that runs many
    services in one transaction (the demo seeding), or a test harness that wraps many
    requests in one, with no other transaction competing for the rows."""
    connection = transaction.get_connection()
    previous = connection.__dict__.get("_kernel_base_depth")
    connection._kernel_base_depth = len(connection.atomic_blocks)
    try:
        yield
    finally:
        connection._kernel_base_depth = previous


def _scope(connection):
    base = connection.__dict__.get("_kernel_base_depth")
    if base is not None and connection.savepoint_ids:
        # The first block opened inside separate_lock_orders(), block `base`.
        index = min(base, len(connection.atomic_blocks) - 1)
        return connection.savepoint_ids[index - 1] if index > 0 else None
    for i, block in enumerate(connection.atomic_blocks):
        if not getattr(block, "_from_testcase", False):
            # The outermost block opens the transaction and has no savepoint; block i > 0
            # has savepoint_ids[i - 1] (None when it was entered with savepoint=False).
            return connection.savepoint_ids[i - 1] if i > 0 else None
    return None


def current_log(connection=None, *, create=True) -> _Log | None:
    connection = connection or transaction.get_connection()
    require_transaction(connection)
    scope = _scope(connection)
    logs = connection.__dict__.setdefault("_kernel_locks", {})
    log = logs.get(scope)
    if log is not None and scope is None and not _pending(connection, log):
        log = None  # the log of a transaction that has ended
    if log is None and create:
        # Forget the logs of savepoints that have ended.
        live = set(connection.savepoint_ids)
        for key in [k for k in logs if k not in live]:
            del logs[key]
        log = logs[scope] = _Log()
        if scope is None:
            transaction.on_commit(log, using=connection.alias)
    return log


def _pending(connection, log) -> bool:
    return any(callback is log for _sids, callback, _robust in connection.run_on_commit)


def _strict() -> bool:
    return getattr(settings, "KERNEL_STRICT", False)


def _note(model, pks) -> None:
    label = model._meta.label
    connection = transaction.get_connection(router.db_for_write(model))
    log = current_log(connection)
    rank = RANK.get(label)
    problem = None
    if rank is None:
        problem = f"{label} is not in the kernel's LOCK_ORDER (alliance/core/kernel/locking.py)"
    elif rank < log.highest:
        problem = (
            f"lock order: {label} locked after {log.highest_label}; "
            f"the global order locks {label} first"
        )
    if problem:
        if _strict():
            raise LockOrderError(problem)
        logger.warning(problem)
    if rank is not None and rank > log.highest:
        log.highest, log.highest_label = rank, label
    log.rows.update((label, str(pk)) for pk in pks)


def mark_held(obj: Model) -> None:
    """A row this transaction created: it is ours as much as a locked one."""
    connection = transaction.get_connection(router.db_for_write(type(obj)))
    current_log(connection).rows.add((obj._meta.label, str(obj.pk)))


def holds(obj: Model) -> bool:
    connection = transaction.get_connection(router.db_for_write(type(obj)))
    log = current_log(connection, create=False)
    return log is not None and (obj._meta.label, str(obj.pk)) in log.rows


def lock(model_or_queryset, pk=None, *, related: tuple[str, ...] = (), **lookup):
    """Lock one row and return it (DoesNotExist as with .get()).

    `related` joins parents for reading (select_related) without locking them."""
    queryset = _base(model_or_queryset)
    if related:
        queryset = queryset.select_related(*related)
    if pk is not None:
        lookup["pk"] = pk
    obj = queryset.select_for_update(of=("self",)).get(**lookup)
    _note(queryset.model, [obj.pk])
    return obj


def lock_rows(queryset: QuerySet) -> list:
    """Lock every row of the queryset, in primary-key order, and return them."""
    queryset = _base(queryset)
    rows = list(queryset.select_for_update(of=("self",)).order_by("pk"))
    _note(queryset.model, [r.pk for r in rows])
    return rows


def _base(model_or_queryset) -> QuerySet:
    if isinstance(model_or_queryset, QuerySet):
        return model_or_queryset
    return model_or_queryset._default_manager.all()


__all__ = [
    "LOCK_ORDER",
    "LockOrderError",
    "holds",
    "lock",
    "lock_rows",
    "mark_held",
    "separate_lock_orders",
]
