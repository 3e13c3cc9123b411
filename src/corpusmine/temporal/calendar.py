"""Calendar arithmetic on TimeML periods: a representative date plus a granularity.

A period is held as ``(date, grain)`` where ``date`` is the first day of the period and
``grain`` one of GRAINS. This keeps shifting ("last month", "a year later") and
formatting (``2023-W12``, ``2023-Q1``) in one place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..knowledge import temporal_lexicon

GRAINS = (
    "day",
    "week",
    "weekend",
    "month",
    "quarter",
    "half",
    "season",
    "year",
    "decade",
    "century",
)
# Finer grains first; used to pick the coarser of two granularities.
_RANK = {g: i for i, g in enumerate(GRAINS)}

# Month and weekday names (models/temporal.yaml): name or abbreviation -> number.
MONTHS = temporal_lexicon().months
WEEKDAYS = temporal_lexicon().weekdays


@dataclass(frozen=True)
class Period:
    """A calendar period: its first day and its granularity (season carries its code)."""

    start: date
    grain: str
    season: str = ""

    @property
    def end(self) -> date:
        """Last day of the period."""
        if self.grain == "day":
            return self.start
        if self.grain == "weekend":
            return self.start + timedelta(days=1)
        if self.grain == "week":
            return self.start + timedelta(days=6)
        months = {"month": 1, "quarter": 3, "half": 6, "season": 3, "year": 12,
                  "decade": 120, "century": 1200}[self.grain]  # fmt: skip
        return add_months(self.start, months) - timedelta(days=1)

    @property
    def value(self) -> str:
        """The TimeML value of the period."""
        d, g = self.start, self.grain
        if g == "day":
            return d.isoformat()
        if g in ("week", "weekend"):
            iso = d.isocalendar()
            return f"{iso[0]:04d}-W{iso[1]:02d}" + ("-WE" if g == "weekend" else "")
        if g == "month":
            return f"{d.year:04d}-{d.month:02d}"
        if g == "quarter":
            return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
        if g == "half":
            return f"{d.year:04d}-H{(d.month - 1) // 6 + 1}"
        if g == "season":
            year = d.year + 1 if self.season == "WI" and d.month == 12 else d.year
            return f"{year:04d}-{self.season}"
        if g == "year":
            return f"{d.year:04d}"
        if g == "decade":
            return f"{d.year // 10:03d}"
        return f"{d.year // 100:02d}"

    def shift(self, n: float, grain: str | None = None) -> Period:
        """The period ``n`` units of ``grain`` (default: its own) later, kept at its grain."""
        grain = grain or self.grain
        k = int(n)
        if grain in ("day",):
            moved = self.start + timedelta(days=k)
        elif grain in ("week", "weekend"):
            moved = self.start + timedelta(weeks=k)
        else:
            months = {"month": 1, "quarter": 3, "half": 6, "season": 12, "year": 12,
                      "decade": 120, "century": 1200}[grain]  # fmt: skip
            moved = add_months(self.start, months * k)
        return at_grain(moved, self.grain, self.season)


def add_months(d: date, months: int) -> date:
    """``d`` moved by whole months, clamping the day to the target month's length."""
    index = d.year * 12 + (d.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    last = (date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month, min(d.day, last))


def at_grain(d: date, grain: str, season: str = "") -> Period:
    """The period of ``grain`` that contains ``d``."""
    if grain == "day":
        return Period(d, grain)
    if grain == "week":
        return Period(d - timedelta(days=d.weekday()), grain)
    if grain == "weekend":
        return Period(d - timedelta(days=d.weekday()) + timedelta(days=5), grain)
    if grain == "month":
        return Period(date(d.year, d.month, 1), grain)
    if grain == "quarter":
        return Period(date(d.year, (d.month - 1) // 3 * 3 + 1, 1), grain)
    if grain == "half":
        return Period(date(d.year, (d.month - 1) // 6 * 6 + 1, 1), grain)
    if grain == "season":
        return Period(date(d.year, d.month, 1), grain, season)
    if grain == "year":
        return Period(date(d.year, 1, 1), grain)
    if grain == "decade":
        return Period(date(d.year // 10 * 10, 1, 1), grain)
    return Period(date(max(d.year // 100 * 100, 1), 1, 1), grain)


def coarser(a: str, b: str) -> str:
    """The coarser of two grains (a value cannot be more precise than its anchor)."""
    return a if _RANK.get(a, 0) >= _RANK.get(b, 0) else b


_VALUE = re.compile(
    r"^(?P<y>\d{4})(?:-(?:(?P<m>\d\d)(?:-(?P<d>\d\d))?|W(?P<w>\d\d)(?P<we>-WE)?|Q(?P<q>[1-4])|"
    r"H(?P<h>[12])))?(?:T.*)?$"
)


def parse_value(value: str | None) -> Period | None:
    """The period of a calendar TimeML value (``2023``, ``2023-03``, ``2023-W12``, ...)."""
    if not value:
        return None
    match = _VALUE.match(value)
    if not match:
        return None
    year = int(match["y"])
    try:
        if match["d"]:
            return Period(date(year, int(match["m"]), int(match["d"])), "day")
        if match["m"]:
            return Period(date(year, int(match["m"]), 1), "month")
        if match["w"]:
            monday = date.fromisocalendar(year, int(match["w"]), 1)
            return at_grain(monday, "weekend" if match["we"] else "week")
        if match["q"]:
            return Period(date(year, (int(match["q"]) - 1) * 3 + 1, 1), "quarter")
        if match["h"]:
            return Period(date(year, (int(match["h"]) - 1) * 6 + 1, 1), "half")
    except ValueError:
        return None
    return Period(date(year, 1, 1), "year")
