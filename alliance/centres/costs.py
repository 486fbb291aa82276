"""Indicative cost model of a centre (circular: the cost depends on the strategic
objectives, the scope, the ownership model and the number of flagship initiatives).

The figures are indicative annual operating costs in US dollars, set by BDT as data: a
`CostModelVersion` per change, effective from a date (staff pages under
/centres/manage/costs/). This module is the formula; every estimate names the version
whose figures it used, so that it can be explained after the figures change.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

COST_CLASSES = ("low", "moderate", "high")
SCOPES = ("national", "regional", "global")
OWNERSHIPS = ("host_institution", "country", "itu")
# The figures of a version, in the order the staff form and the tables show them.
FIGURE_FIELDS = (
    *(f"base_{c}" for c in COST_CLASSES),
    *(f"per_objective_{c}" for c in COST_CLASSES),
    *(f"scope_{s}" for s in SCOPES),
    *(f"ownership_{o}" for o in OWNERSHIPS),
    "per_flagship",
    "range_low",
    "range_high",
)

# Version 1: the figures of the first release, in effect since the circular. Migration
# centres.0008 seeds them; a database emptied since (a flushed test database, a restore of
# an older dump) gets them again on first use (selectors.cost_version_on).
FIRST_VERSION = {
    "base_low": 40_000,
    "base_moderate": 200_000,
    "base_high": 800_000,
    "per_objective_low": 15_000,
    "per_objective_moderate": 50_000,
    "per_objective_high": 150_000,
    "scope_national": Decimal("1.00"),
    "scope_regional": Decimal("1.60"),
    "scope_global": Decimal("2.50"),
    "ownership_host_institution": Decimal("0.80"),
    "ownership_country": Decimal("1.00"),
    "ownership_itu": Decimal("1.20"),
    "per_flagship": 60_000,
    "range_low": Decimal("0.80"),
    "range_high": Decimal("1.25"),
}
FIRST_VERSION_START = date(2023, 1, 25)


@dataclass(frozen=True)
class CostEstimate:
    annual_usd: int
    low_usd: int
    high_usd: int
    parts: tuple[tuple[str, int], ...]
    version: int  # the CostModelVersion.number whose figures made it
    effective_from: date | None = None
    # The version itself, so that a page can show every figure the estimate used.
    figures: object = field(default=None, compare=False, repr=False)


def estimate_cost(
    *,
    figures,
    cost_class: str,
    objectives: int,
    scope: str,
    ownership: str,
    flagship_initiatives: int = 1,
) -> CostEstimate:
    """`figures`: a CostModelVersion (or anything with its figure attributes)."""
    base = getattr(figures, f"base_{cost_class}")
    per_objective = getattr(figures, f"per_objective_{cost_class}") * max(objectives, 1)
    scope_factor = float(getattr(figures, f"scope_{scope}", None) or 1)
    ownership_factor = float(getattr(figures, f"ownership_{ownership}"))
    core = (base + per_objective) * scope_factor * ownership_factor
    flagships = figures.per_flagship * max(flagship_initiatives, 0)
    total = int(round(core + flagships, -3))
    return CostEstimate(
        annual_usd=total,
        low_usd=int(round(total * float(figures.range_low), -3)),
        high_usd=int(round(total * float(figures.range_high), -3)),
        parts=(
            ("base", base),
            ("objectives", per_objective),
            ("scope_and_ownership", int(core - base - per_objective)),
            ("flagship_initiatives", flagships),
        ),
        version=figures.number,
        effective_from=figures.effective_from,
        figures=figures,
    )
