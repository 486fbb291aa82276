"""Weighted and calibrated scores against figures computed by hand."""

import pytest

from alliance.calls.scoring import ReviewRow, calibrate, consolidate, review_total

WEIGHTS = {1: 40, 2: 35, 3: 25}


def test_review_total_is_the_weighted_mean():
    # 4×0.40 + 3×0.35 + 5×0.25 = 1.60 + 1.05 + 1.25 = 3.90
    assert review_total({1: 4, 2: 3, 3: 5}, WEIGHTS) == pytest.approx(3.90)


def test_consolidated_mean_spread_and_count():
    rows = [
        (10, 100, 1, 4),
        (10, 100, 2, 3),
        (10, 100, 3, 5),  # 3.90
        (10, 200, 1, 2),
        (10, 200, 2, 2),
        (10, 200, 3, 2),  # 2.00
    ]
    result = consolidate(rows, WEIGHTS)[10]
    assert result.reviews == 2
    assert result.raw == pytest.approx(2.95)
    assert result.spread == pytest.approx(1.90)
    assert result.criterion_means == {1: 3, 2: 2.5, 3: 3.5}


def test_calibration_removes_a_harsh_reviewers_bias():
    # Reviewer 1 is lenient (5, 4), reviewer 2 harsh (2, 1); both prefer A to B.
    rows = [ReviewRow(1, 1, 5.0), ReviewRow(2, 1, 4.0), ReviewRow(3, 2, 2.0), ReviewRow(4, 2, 1.0)]
    calibrate(rows)
    # Call mean 3.0. Each reviewer: sd 0.5, so the typical sd is 0.5; z = ±1 → 3.0 ± 0.5.
    assert [round(r.calibrated, 4) for r in rows] == [3.5, 2.5, 3.5, 2.5]


def test_a_single_review_keeps_its_raw_total():
    rows = [ReviewRow(1, 1, 3.2), ReviewRow(2, 2, 4.0), ReviewRow(3, 2, 4.0)]
    calibrate(rows)
    assert [r.calibrated for r in rows] == [3.2, 4.0, 4.0]


def test_ranking_raw_and_calibrated_can_differ():
    weights = {1: 100}
    rows = [
        # Application 1 only seen by the lenient reviewer 7, application 2 by the harsh 8.
        (1, 7, 1, 5),
        (3, 7, 1, 4),
        (2, 8, 1, 3),
        (4, 8, 1, 1),
    ]
    result = consolidate(rows, weights)
    assert result[1].raw_rank == 1 and result[2].raw_rank == 3
    # Calibrated, each is its reviewer's favourite: they tie at the top.
    assert result[1].rank == 1 and result[2].rank == 1
    assert result[3].rank == 3 and result[4].rank == 3
