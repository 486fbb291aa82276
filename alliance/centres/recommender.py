"""Which centre type fits an applicant: a pure function of a profile and the guidance table.

It ranks all four types and says why, so that the public page, the preliminary
assessment and a request to move between types all give the same answer.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from alliance.core.models import Scope

from .costs import CostEstimate, estimate_cost

# Who pays for the centre; each centre type's resource model expects one.
SPONSOR_FOR_TYPE = {
    "TECHNOLOGY": "host_country",
    "RESEARCH_ENTREPRENEURSHIP": "academia",
    "DIGITAL_TRANSFORMATION": "host_country",
    "INITIATIVES": "host_organisation",
}
# How mature the ecosystem must be (share of canvas pillars rated at least "some").
MATURITY_NEEDED = {"high": 0.85, "moderate": 0.5, "low": 0.0}


@dataclass(frozen=True)
class Profile:
    objectives: frozenset[str] = frozenset()
    scope: str | None = None
    ownership: str | None = None
    sponsor: str | None = None
    annual_budget_usd: int | None = None
    flagship_initiatives: int = 1
    # Ecosystem Assessment Canvas pillar code -> "adequate" | "some" | "inadequate"
    assessment: dict[str, str] = field(default_factory=dict)


@dataclass
class Fit:
    centre_type: object
    score: int
    covered: list[str]
    missing: list[str]
    cost: CostEstimate
    reasons: list[tuple[bool, str]]  # (in favour?, sentence)

    @property
    def recommended(self) -> bool:
        return self.score >= 60


def _maturity(assessment: dict[str, str]) -> float | None:
    if not assessment:
        return None
    ok = sum(1 for rating in assessment.values() if rating in ("adequate", "some"))
    return ok / len(assessment)


def assess(profile: Profile, centre_type, figures=None) -> Fit:
    """Score one centre type (0-100) against the profile, with reasons. `figures`: the
    cost model version to estimate with (the one in effect today by default)."""
    if figures is None:
        from .selectors import cost_version_on

        figures = cost_version_on()
    type_objectives = [o.code for o in centre_type.objectives.all()]
    names = {o.code: str(o.name) for o in centre_type.objectives.all()}
    requested = profile.objectives
    covered = [c for c in type_objectives if c in requested]
    missing = sorted(requested - set(type_objectives))
    reasons: list[tuple[bool, str]] = []
    score = 0.0

    if requested:
        score += 40 * len(covered) / len(requested)
        if covered:
            reasons.append(
                (True, _("Covers %(list)s.") % {"list": ", ".join(names[c] for c in covered)})
            )
        if missing:
            reasons.append(
                (
                    False,
                    _("Does not cover %(count)d of the objectives you chose.")
                    % {"count": len(missing)},
                )
            )
    else:
        score += 20
        reasons.append((True, _("No objective chosen: every type is considered.")))

    scope = profile.scope
    if scope is None:
        score += 8
    elif scope in centre_type.scopes:
        score += 15
        reasons.append((True, _("Scope allowed: %(scope)s.") % {"scope": Scope(scope).label}))
    else:
        reasons.append(
            (
                False,
                _("Scope not allowed for this type: %(scope)s.") % {"scope": Scope(scope).label},
            )
        )

    if profile.ownership is None:
        score += 5
    elif profile.ownership == centre_type.ownership:
        score += 10
        reasons.append((True, _("The ownership model matches.")))
    else:
        reasons.append(
            (
                False,
                _("The ownership model differs: %(note)s") % {"note": centre_type.ownership_note},
            )
        )

    expected_sponsor = SPONSOR_FOR_TYPE.get(centre_type.code)
    if profile.sponsor is None:
        score += 5
    elif profile.sponsor == expected_sponsor:
        score += 10
        reasons.append(
            (True, _("Your resources fit: %(model)s") % {"model": centre_type.resource_model})
        )
    else:
        reasons.append(
            (
                False,
                _("This type expects other resources: %(model)s")
                % {"model": centre_type.resource_model},
            )
        )

    cost = estimate_cost(
        figures=figures,
        cost_class=centre_type.cost_class,
        objectives=len(covered) or len(type_objectives),
        scope=scope if scope in centre_type.scopes else centre_type.scopes[-1],
        ownership=centre_type.ownership,
        flagship_initiatives=profile.flagship_initiatives,
    )
    budget = profile.annual_budget_usd
    if budget is None:
        score += 8
    elif budget >= cost.annual_usd:
        score += 15
        reasons.append((True, _("Your annual budget covers the indicative cost.")))
    elif budget >= cost.low_usd * 0.6:
        score += 7
        reasons.append((False, _("Your annual budget covers only part of the indicative cost.")))
    else:
        reasons.append((False, _("Your annual budget is well below the indicative cost.")))

    maturity = _maturity(profile.assessment)
    needed = MATURITY_NEEDED[centre_type.cost_class]
    if maturity is None:
        score += 5
    elif maturity >= needed:
        score += 10
        reasons.append((True, _("Your ecosystem's maturity is enough for this type.")))
    else:
        reasons.append(
            (False, _("This type needs a more mature ecosystem than your self-assessment shows."))
        )

    return Fit(
        centre_type=centre_type,
        score=round(min(score, 100)),
        covered=covered,
        missing=missing,
        cost=cost,
        reasons=reasons,
    )


def recommend(profile: Profile, centre_types, figures=None) -> list[Fit]:
    """All centre types, best fit first (ties keep the guidance table's order), their
    costs estimated with `figures` (the cost model version in effect today by default)."""
    if figures is None:
        from .selectors import cost_version_on

        figures = cost_version_on()
    fits = [assess(profile, ct, figures) for ct in centre_types]
    return sorted(fits, key=lambda f: -f.score)
