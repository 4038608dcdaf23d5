"""How far an indicator got from its baseline to its target: a pure function.

The share of the distance covered, `(value - baseline) / (target - baseline)`, works for
rising and falling targets alike: with a baseline of 200 discrimination reports and a
target of 100, a value of 150 is half of the way (0.5) and 250 is a step back (-0.5).
The result is not clipped: above 1 means the target is passed, below 0 means the value
moved away from the target; a page can clip it for a bar, the number stays honest.
"""

from __future__ import annotations

from decimal import Decimal

Number = Decimal | int | float | None


def attainment(baseline: Number, target: Number, value: Number) -> Decimal | None:
    """The fraction of the way from baseline to target; None when it cannot be told.

    - value or target missing: None (nothing to compare).
    - baseline missing: counted from 0, the usual case for "number of ... realised";
      a falling target needs a baseline, and with a target below 0 there is no way to
      tell, so None.
    - baseline equal to target (hold the level): 1 when the value is on the target,
      else None, since the direction that would be good is unknown.
    """
    if value is None or target is None:
        return None
    value, target = _decimal(value), _decimal(target)
    if baseline is None:
        if target <= 0:
            return None
        baseline = Decimal(0)
    baseline = _decimal(baseline)
    if target == baseline:
        return Decimal(1) if value == target else None
    return (value - baseline) / (target - baseline)


def is_falling(baseline: Number, target: Number) -> bool:
    """Whether the target asks for less than the baseline ("fewer reports")."""
    return baseline is not None and target is not None and _decimal(target) < _decimal(baseline)


def _decimal(number: Decimal | int | float) -> Decimal:
    # floats go through str so 0.1 stays 0.1 instead of its binary expansion
    return number if isinstance(number, Decimal) else Decimal(str(number))
