"""The indicative cost model's versions: the secretariat adds one; none is ever edited."""

from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core import kernel
from alliance.core.formatting import ldate
from alliance.core.policy import require
from alliance.core.states import TransitionRefused

from ..costs import FIGURE_FIELDS
from ..models import CostModelVersion


@transaction.atomic
def cost_version_create(
    *, actor, effective_from: date, note: str = "", **figures
) -> CostModelVersion:
    """A new version of the figures, effective from today or a later date, never before
    the latest version's date: estimates already made keep the version they used."""
    require(actor, "centres.cost_model.manage")
    missing = [name for name in FIGURE_FIELDS if figures.get(name) is None]
    if missing or set(figures) - set(FIGURE_FIELDS):
        raise ValueError(f"figures: missing {missing}, unknown {set(figures) - set(FIGURE_FIELDS)}")
    if effective_from < timezone.localdate():
        raise TransitionRefused(
            _("A new version takes effect today or later: estimates already made keep theirs."),
            code="effective_in_past",
        )
    # Numbers and dates grow together, so the version in effect on a day is unambiguous.
    latest = CostModelVersion.objects.order_by("-number").first()
    if latest is not None and effective_from < latest.effective_from:
        raise TransitionRefused(
            _("Version %(number)s takes effect on %(date)s: a new version cannot start earlier.")
            % {"number": latest.number, "date": ldate(latest.effective_from)},
            code="before_latest",
        )
    if not figures["range_low"] <= 1 <= figures["range_high"]:
        raise TransitionRefused(
            _("The range must go from at most 1 to at least 1 times the total."),
            code="range",
        )
    number = (CostModelVersion.objects.aggregate(n=Max("number"))["n"] or 0) + 1
    version = CostModelVersion(
        number=number, effective_from=effective_from, note=note, created_by=actor, **figures
    )
    version.full_clean(exclude=["number"])
    try:
        with transaction.atomic():
            # Announced (no message is sent): the cached recommender follows the new figures.
            return kernel.create(
                version,
                actor=actor,
                verb="cost_model.version_created",
                after={
                    "number": number,
                    "effective_from": effective_from.isoformat(),
                    **{name: str(figures[name]) for name in FIGURE_FIELDS},
                },
            )
    except IntegrityError as exc:  # two people saved a version at the same moment
        raise TransitionRefused(
            _("Another version was saved at the same moment: check the versions and try again."),
            code="version_taken",
        ) from exc
