"""Indicative cost model of a centre (circular: the cost depends on the strategic
objectives, the scope, the ownership model and the number of flagship initiatives).

The figures are indicative annual operating costs in US dollars, set by BDT; they are a
planning aid for applicants, not a quotation. Change them here (and in docs/glossary).
"""

from dataclasses import dataclass

BASE_BY_COST_CLASS = {"low": 40_000, "moderate": 200_000, "high": 800_000}
PER_OBJECTIVE_BY_COST_CLASS = {"low": 15_000, "moderate": 50_000, "high": 150_000}
SCOPE_FACTOR = {"national": 1.0, "regional": 1.6, "global": 2.5}
OWNERSHIP_FACTOR = {"host_institution": 0.8, "country": 1.0, "itu": 1.2}
PER_FLAGSHIP_INITIATIVE = 60_000


@dataclass(frozen=True)
class CostEstimate:
    annual_usd: int
    low_usd: int
    high_usd: int
    parts: tuple[tuple[str, int], ...]


def estimate_cost(
    *, cost_class: str, objectives: int, scope: str, ownership: str, flagship_initiatives: int = 1
) -> CostEstimate:
    base = BASE_BY_COST_CLASS[cost_class]
    per_objective = PER_OBJECTIVE_BY_COST_CLASS[cost_class] * max(objectives, 1)
    core = (base + per_objective) * SCOPE_FACTOR.get(scope, 1.0) * OWNERSHIP_FACTOR[ownership]
    flagships = PER_FLAGSHIP_INITIATIVE * max(flagship_initiatives, 0)
    total = int(round(core + flagships, -3))
    return CostEstimate(
        annual_usd=total,
        low_usd=int(round(total * 0.8, -3)),
        high_usd=int(round(total * 1.25, -3)),
        parts=(
            ("base", base),
            ("objectives", per_objective),
            ("scope_and_ownership", int(core - base - per_objective)),
            ("flagship_initiatives", flagships),
        ),
    )
