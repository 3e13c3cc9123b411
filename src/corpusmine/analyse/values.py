"""What a claimed value allows: a number interval from its hedge and rounding, a date
interval from its granularity.

"about 500" allows 450-550 (rounded to the hundred), so it agrees with 495; "2023-02"
allows every day of February 2023, so it agrees with "2023" and not with "2022-11".
"""

from __future__ import annotations

import math
from datetime import date, timedelta

from ..knowledge import claim_vocabulary, temporal_lexicon
from ..temporal.calendar import add_months, parse_value

Interval = tuple[float, float]
DateInterval = tuple[date, date]

# A season value ("2023-SU") starts in its season's first month (temporal.yaml).
_SEASON_MONTHS = {season.code: season.start for season in temporal_lexicon().seasons.values()}


def number_interval(value: float, qualifier: str) -> Interval:
    """The values a stated figure is compatible with, given its hedge and rounding."""
    vocab = claim_vocabulary()
    unit = rounding_unit(value)
    if qualifier == "approximate":
        slack = max(abs(value) * vocab.approximate_tolerance, unit / 2)
        return value - slack, value + slack
    if qualifier == "at_least":
        return value, math.inf
    if qualifier == "at_most":
        return value - abs(value) * vocab.near_bound_tolerance, value
    # An unhedged round figure ("1,200") is itself rounded.
    zeros = _trailing_zeros(value)
    if zeros >= vocab.exact_round_zeros:
        return value - unit / 2, value + unit / 2
    return value, value


def rounding_unit(value: float) -> float:
    """The place of the last non-zero digit: 500 -> 100, 320 -> 10, 495 -> 1."""
    if value != int(value) or value == 0:
        return 0.0
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
