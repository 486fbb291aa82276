"""What the centres services share: term dates, locks in the global order (the centre
before its accreditations), the accreditation writes several lifecycles make, and the
public registry's cache version."""

from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core import kernel
from alliance.core.states import TransitionRefused

from ..cache import bump_registry
from ..credentials import sign_accreditation
from ..models import Accreditation, Centre, DesignChecklistItem
from ..models.accreditation import unused_status_list_index
from ..states import ACCREDITATION, CENTRE, LIVE_STATUSES, TERM_HOLDING, AccreditationStatus


def add_years(day: date, years: int) -> date:
    """The same day `years` later; 29 February becomes 1 March in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return date(day.year + years, 3, 1)


def term_end(start: date, years: int = 3) -> date:
    """Last day of a term of `years` starting on `start` (the next term starts the day after)."""
    return add_years(start, years) - timedelta(days=1)


def registry_changed() -> None:
    """The public registry shows the change at once: its cache version moves on commit."""
    transaction.on_commit(bump_registry)


def require_reason(reason: str) -> None:
    if not reason.strip():
        raise TransitionRefused(_("Give the reason."), code="reason_required")


# --- locks -----------------------------------------------------------------------------


def lock_centre(centre_id: int) -> Centre:
    return kernel.lock(Centre, centre_id, related=("centre_type",))


def lock_with_centre(accreditation_id: int) -> tuple[Centre, Accreditation]:
    """The centre, then its accreditation: every service locks the centre first."""
    centre_id = Accreditation.objects.values_list("centre_id", flat=True).get(pk=accreditation_id)
    centre = lock_centre(centre_id)
    accreditation = kernel.lock(Accreditation, accreditation_id, related=("centre_type",))
    accreditation.centre = centre
    return centre, accreditation


def live_accreditations(centre: Centre) -> list[Accreditation]:
    """Lock every accreditation of the centre (held by this transaction) whose term has
    not ended: the running one and a renewal already granted. A move, a suspension, a
    reinstatement or a revocation changes all of them, so that no certificate still says
    what the registry no longer does."""
    rows = centre.accreditations.filter(
        status__in=LIVE_STATUSES, end_date__gte=timezone.localdate()
    ).select_related("centre_type")
    found = kernel.lock_rows(rows)
    for row in found:
        row.centre = centre
    return found


# --- writes ----------------------------------------------------------------------------


def move_accreditation(
    accreditation: Accreditation,
    action: str,
    *,
    actor,
    reason: str = "",
    context: dict | None = None,
    notify: bool = True,
) -> Accreditation:
    """One status change of an accreditation: its reason (cleared when none is given) and
    when it changed; the audit event carries the reason too."""
    target = ACCREDITATION.action(action).target
    return kernel.transition(
        accreditation,
        action,
        actor=actor,
        fields={"status_reason": reason, "status_changed_at": timezone.now()},
        after={"status": target, "reason": reason} if reason else None,
        context=context,
        notify=notify,
    )


def centre_follows(centre: Centre, action: str, *, actor, context: dict | None = None) -> Centre:
    """The centre's status follows its accreditation's (nothing to do if it already has)."""
    if centre.status == CENTRE.action(action).target:
        return centre
    return kernel.transition(centre, action, actor=actor, context=context)


def issue(
    centre: Centre,
    *,
    actor,
    start: date,
    end: date,
    previous: Accreditation | None = None,
    replaces: Accreditation | None = None,
    status: str = AccreditationStatus.ACTIVE,
) -> Accreditation:
    """A new accreditation of the centre (held by this transaction) under its current type,
    signed as a verifiable credential. `status`: a reissued accreditation keeps the place
    in the renewal cycle of the one it replaces."""
    overlapping = centre.accreditations.filter(
        status__in=TERM_HOLDING, start_date__lte=end, end_date__gte=start
    )
    if previous is not None:
        overlapping = overlapping.exclude(pk=previous.pk)
    if overlapping.exists():
        raise TransitionRefused(
            _("This term overlaps an accreditation the centre already holds."),
            code="overlapping_accreditation",
        )
    accreditation = Accreditation(
        centre=centre,
        centre_type=centre.centre_type,
        start_date=start,
        end_date=end,
        previous=previous,
        replaces=replaces,
        issued_by=actor,
        status=status,
        status_list_index=unused_status_list_index(),
    )
    # The credential names the verification code and status list index, both set already.
    accreditation.credential_jwt = sign_accreditation(accreditation)
    try:
        with transaction.atomic():
            kernel.create(
                accreditation,
                actor=actor,
                verb="accreditation.issued",
                after={
                    "type": centre.centre_type.code,
                    "start": start.isoformat(),
                    "end": end.isoformat(),
                    "previous": previous.pk if previous else None,
                    "replaces": replaces.pk if replaces else None,
                    "status": str(status),
                },
            )
    except IntegrityError as exc:  # the one-current-accreditation constraint
        raise TransitionRefused(
            _("The centre already holds an accreditation in force."),
            code="accreditation_in_force",
        ) from exc
    return accreditation


def tick(row: DesignChecklistItem, *, actor, done: bool = True, note: str = ""):
    """Mark one design step (a locked row) done or not done."""
    before = row.done
    done_by, done_at = (actor, timezone.now()) if done else (None, None)
    return kernel.change(
        row,
        actor=actor,
        verb="centre.checklist_done" if done else "centre.checklist_undone",
        fields={"done_by": done_by, "done_at": done_at, "note": note},
        before={row.item: before},
        after={row.item: done},
    )
