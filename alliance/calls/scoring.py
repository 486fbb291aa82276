"""Consolidated scores and ranking, as plain arithmetic (no database access).

Raw: each review's total is the weighted mean of its criterion scores (weights add up to
100); an application's raw score is the mean of its reviews' totals.

Calibrated: each reviewer's totals in the call are standardised (z = (x - reviewer's mean)
/ reviewer's standard deviation), then put back on the scale of the call (call mean +
typical reviewer's standard deviation × z, the typical one being the root mean square of
the reviewers' standard deviations). A harsh or lenient reviewer thus weighs like everyone
else, and the calibrated scores are not stretched by the reviewers' disagreement. A reviewer with fewer than two reviews, or who gave the same total to
everything, cannot be standardised: their raw totals are kept.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from math import fsum, sqrt


# Plain float arithmetic: statistics.mean/pstdev work in exact fractions, which made the
# results page of a 500-application call spend ~0.1 s here; fsum keeps the sums exact
# enough (ranks compare values rounded to six decimals).
def mean(values) -> float:
    values = list(values)
    return fsum(values) / len(values)


def pstdev(values) -> float:
    values = list(values)
    m = mean(values)
    return sqrt(fsum((v - m) ** 2 for v in values) / len(values))


def review_total(scores: dict[int, int], weights: dict[int, int]) -> float:
    """Weighted mean of one review, on the scoring scale."""
    total_weight = sum(weights.values()) or 1
    return sum(scores.get(c, 0) * w for c, w in weights.items()) / total_weight


@dataclass
class ReviewRow:
    application_id: int
    reviewer_id: int
    total: float
    calibrated: float = 0.0


@dataclass
class Consolidated:
    application_id: int
    reviews: int = 0
    raw: float | None = None
    calibrated: float | None = None
    spread: float | None = None
    criterion_means: dict[int, float] = field(default_factory=dict)
    raw_rank: int | None = None
    rank: int | None = None


def calibrate(rows: list[ReviewRow]) -> None:
    """Fill `calibrated` on every row in place."""
    if not rows:
        return
    call_mean = mean(r.total for r in rows)
    by_reviewer: dict[int, list[ReviewRow]] = {}
    for row in rows:
        by_reviewer.setdefault(row.reviewer_id, []).append(row)
    variances = [pstdev([r.total for r in rr]) ** 2 for rr in by_reviewer.values() if len(rr) >= 2]
    typical_sd = mean(variances) ** 0.5 if variances else 0.0
    for reviewer_rows in by_reviewer.values():
        totals = [r.total for r in reviewer_rows]
        sd = pstdev(totals)
        if len(totals) < 2 or sd == 0:
            for r in reviewer_rows:
                r.calibrated = r.total
            continue
        m = mean(totals)
        for r in reviewer_rows:
            r.calibrated = call_mean + typical_sd * (r.total - m) / sd


def consolidate(
    score_rows: list[tuple[int, int, int, int]], weights: dict[int, int]
) -> dict[int, Consolidated]:
    """score_rows: (application_id, reviewer_id, criterion_id, value) of submitted reviews."""
    per_review: dict[tuple[int, int], dict[int, int]] = {}
    for app_id, reviewer_id, criterion_id, value in score_rows:
        per_review.setdefault((app_id, reviewer_id), {})[criterion_id] = value
    # review_total inlined: it runs once per review, thousands of times in a large call.
    pairs = list(weights.items())
    total_weight = sum(weights.values()) or 1
    rows = [
        ReviewRow(app_id, reviewer_id, sum(scores.get(c, 0) * w for c, w in pairs) / total_weight)
        for (app_id, reviewer_id), scores in per_review.items()
    ]
    result = rank_reviews(rows)
    # One pass over the reviews (not one per application): linear in the call's size.
    criterion_values: dict[int, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    for (app_id, _reviewer), scores in per_review.items():
        for c, v in scores.items():
            criterion_values[app_id][c].append(v)
    for app_id, item in result.items():
        item.criterion_means = {c: mean(v) for c, v in criterion_values[app_id].items()}
    return result


def rank_reviews(rows: list[ReviewRow]) -> dict[int, Consolidated]:
    """Consolidated scores and ranks from each review's total (calibrates `rows` in place);
    no criterion means, which the ranking does not need."""
    calibrate(rows)
    grouped: dict[int, list[ReviewRow]] = defaultdict(list)
    for row in rows:
        grouped[row.application_id].append(row)
    result: dict[int, Consolidated] = {}
    for app_id, app_rows in grouped.items():
        totals = [r.total for r in app_rows]
        result[app_id] = Consolidated(
            application_id=app_id,
            reviews=len(app_rows),
            raw=mean(totals),
            calibrated=mean(r.calibrated for r in app_rows),
            spread=max(totals) - min(totals),
        )
    _rank(result, "raw", "raw_rank")
    _rank(result, "calibrated", "rank")
    return result


def _rank(result: dict[int, Consolidated], attr: str, rank_attr: str) -> None:
    """Competition ranking (1, 2, 2, 4); ties are broken by nothing but shown as ties."""
    ordered = sorted(result.values(), key=lambda c: -getattr(c, attr))
    previous, previous_rank = None, 0
    for position, item in enumerate(ordered, start=1):
        value = round(getattr(item, attr), 6)
        rank = previous_rank if value == previous else position
        setattr(item, rank_attr, rank)
        previous, previous_rank = value, rank
