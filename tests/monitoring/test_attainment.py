"""Attainment: the share of the way from baseline to target, rising or falling."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from beleidsmonitor.monitoring.attainment import attainment, is_falling


@pytest.mark.parametrize(
    ("baseline", "target", "value", "expected"),
    [
        (0, 120, 60, Decimal("0.5")),  # rising, half way
        (10, 110, 110, Decimal(1)),  # rising, on target
        (10, 110, 160, Decimal("1.5")),  # rising, target passed
        (200, 100, 150, Decimal("0.5")),  # falling: fewer discrimination reports
        (200, 100, 100, Decimal(1)),  # falling, on target
        (200, 100, 250, Decimal("-0.5")),  # falling, but it rose: a step back
        (200, 100, 50, Decimal("1.5")),  # falling, better than the target
        (None, 40, 10, Decimal("0.25")),  # no baseline: counted from 0
        (Decimal("2.5"), Decimal("0.5"), Decimal("1.5"), Decimal("0.5")),
        (0.1, 0.3, 0.2, Decimal("0.5")),  # floats stay exact
    ],
)
def test_attainment_is_the_share_of_the_distance_covered(baseline, target, value, expected):
    assert attainment(baseline, target, value) == expected


@pytest.mark.parametrize(
    ("baseline", "target", "value", "expected"),
    [
        (50, 50, 50, Decimal(1)),  # hold the level, held
        (50, 50, 40, None),  # hold the level, moved: good or bad is unknown
        (10, 20, None, None),  # no value reported
        (10, None, 15, None),  # no numeric target
        (None, 0, 5, None),  # falling to zero without a baseline: no direction
        (None, None, None, None),
    ],
)
def test_attainment_says_none_when_it_cannot_be_told(baseline, target, value, expected):
    assert attainment(baseline, target, value) == expected


def test_a_falling_target_is_recognised():
    assert is_falling(200, 100)
    assert not is_falling(0, 100)
    assert not is_falling(None, 100)


numbers = st.decimals(min_value=-10_000, max_value=10_000, places=2, allow_nan=False)


@given(baseline=numbers, target=numbers)
def test_baseline_scores_zero_and_target_scores_one(baseline, target):
    if baseline == target:
        return
    assert attainment(baseline, target, baseline) == 0
    assert attainment(baseline, target, target) == 1


@given(baseline=numbers, target=numbers, a=numbers, b=numbers)
def test_moving_towards_the_target_never_scores_lower(baseline, target, a, b):
    """Rising or falling: a value further in the target's direction scores at least as high."""
    if baseline == target:
        return
    direction = 1 if target > baseline else -1
    behind, ahead = sorted([a, b], key=lambda v: v * direction)
    assert attainment(baseline, target, ahead) >= attainment(baseline, target, behind)
