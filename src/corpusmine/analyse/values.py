"""What a claimed value allows: a number interval from its hedge and rounding, a date
interval from its granularity.

"about 500" allows 475-525 (rounded to the hundred, at most 5% off), so it agrees with
495; "2023-02" allows every day of February 2023, so it agrees with "2023" and not with "2022-11".
"""

from __future__ import annotations

from datetime import date, timedelta

from ..knowledge import claim_vocabulary, temporal_lexicon
from ..temporal.calendar import add_months, parse_value

Interval = tuple[float, float]
DateInterval = tuple[date, date]

# A season value ("2023-SU") starts in its season's first month (temporal.yaml).
_SEASON_MONTHS = {season.code: season.start for season in temporal_lexicon().seasons.values()}


def number_interval(value: float, qualifier: str) -> Interval:
    """The values a stated figure is compatible with, given its hedge and rounding.

    A hedge widens a figure only as far as its roundness allows: "about 500" is rounded to
    the hundred, so it spans half that unit but never more than `approximate` of the value
    (475-525); "about 100" spans 95-105, not 50-150. A bound ("at least 300", "nearly 200")
    is close to its figure on one side only: "at least 175" is not 1,163.
    """
    slack = tolerance(value)
    if qualifier == "approximate":
        return value - slack, value + slack
    if qualifier == "at_least":
        return value, value + slack
    if qualifier == "at_most":
        return value - slack, value
    # An unhedged round figure ("1,200") is itself rounded.
    if _trailing_zeros(value) >= claim_vocabulary().exact_round_zeros:
        return value - slack, value + slack
    return value, value


def tolerance(value: float) -> float:
    """How far a rounded or hedged figure may be from the true value: half its rounding
    unit, capped at a fraction of the figure (models/hedges.yaml)."""
    return min(rounding_unit(value) / 2, abs(value) * claim_vocabulary().approximate_tolerance)


def rounding_unit(value: float) -> float:
    """The place of the last significant digit: 500 -> 100, 320 -> 10, 495 -> 1, 7.5 -> 0.1."""
    if value == 0:
        return 0.0
    if value != int(value):
        decimals = len(repr(float(value)).split(".")[1].rstrip("0"))
        return 10.0**-decimals
    return float(10 ** _trailing_zeros(value))


def _trailing_zeros(value: float) -> int:
    if value != int(value) or value == 0:
        return 0
    n, zeros = int(abs(value)), 0
    while n % 10 == 0:
        n //= 10
        zeros += 1
    return zeros


def overlaps(a: Interval, b: Interval) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def date_interval(value: str | None) -> DateInterval | None:
    """First and last day a TimeML date value covers ("2023-W12", "2022-11", "2023-FA")."""
    if not value:
        return None
    period = parse_value(value)
    if period is not None:
        return period.start, period.end
    if len(value) == 7 and value[:4].isdigit() and value[5:] in _SEASON_MONTHS:
        first = date(int(value[:4]), _SEASON_MONTHS[value[5:]], 1)
        return first, add_months(first, 3) - timedelta(days=1)
    return None


def date_gap_days(a: DateInterval, b: DateInterval) -> int:
    """Days between two date intervals (0 when they overlap)."""
    if a[0] <= b[1] and b[0] <= a[1]:
        return 0
    return (b[0] - a[1]).days if a[1] < b[0] else (a[0] - b[1]).days


def granularity(value: str | None) -> str:
    """The grain of a date value, for explanations: day, week, month, season, year."""
    if not value:
        return "unknown"
    period = parse_value(value)
    if period is not None:
        return period.grain
    return "season" if len(value) == 7 and value[5:] in _SEASON_MONTHS else "unknown"
