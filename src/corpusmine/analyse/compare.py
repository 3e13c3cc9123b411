"""Compare two claims about the same subject and attribute: agree, contradict, different
time, check, or unrelated (None).

The rules prefer precision: a contradiction needs the same subject, attribute and period;
when the period of a figure is unknown, differing values are a "check", not a
contradiction.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..knowledge import claim_vocabulary
from .records import AGREE, CHECK, CONTRADICT, DIFFERENT_TIME, StoredClaim
from .values import date_gap_days, date_interval, number_interval, overlaps

# Two explicitly dated documents this close are taken to report the same period.
SAME_PERIOD_DAYS = 31


@dataclass(frozen=True)
class Relation:
    """The verdict on one pair of claims and why."""

    verdict: str
    reason: str


def relation(a: StoredClaim, b: StoredClaim) -> Relation | None:
    """How two claims of one (subject, attribute) group relate, or None if unrelated."""
    if a.kind == "event":
        return _events(a, b)
    if a.kind == "rating":
        return _ratings(a, b)
    return _figures(a, b)


def _events(a: StoredClaim, b: StoredClaim) -> Relation:
    ia, ib = date_interval(a.normalized), date_interval(b.normalized)
    if ia is None or ib is None:
        return Relation(CHECK, f"'{a.value}' and '{b.value}' cannot both be dated")
    gap = date_gap_days(ia, ib)
    if gap == 0:
        return Relation(AGREE, f"{a.normalized} and {b.normalized} overlap")
    if "planned" in (a.status, b.status):
        return Relation(DIFFERENT_TIME, "a planned date and another date: plans change")
    if gap <= claim_vocabulary().event_window_days:
        return Relation(
            CONTRADICT, f"the same {a.attribute} is placed in {a.normalized} and {b.normalized}"
        )
    return Relation(DIFFERENT_TIME, f"{a.normalized} and {b.normalized} are years apart")


def _ratings(a: StoredClaim, b: StoredClaim) -> Relation | None:
    statuses = {a.status, b.status}
    if "target" in statuses:
        # A goal ("until it is rated good") never conflicts with a judgement.
        same_goal = statuses == {"target"} and a.normalized == b.normalized
        return Relation(AGREE, "the same target grade") if same_goal else None
    ta, tb = date_interval(a.as_of), date_interval(b.as_of)
    apart = ta is not None and tb is not None and date_gap_days(ta, tb) > 0
    if a.normalized == b.normalized:
        if a.status != b.status or apart:
            return None  # the same grade at two moments says nothing either way
        return Relation(AGREE, f"both say '{a.normalized}' ({a.status})")
    if a.status != b.status:
        earlier, later = (a, b) if a.status == "previous" else (b, a)
        return Relation(
            DIFFERENT_TIME,
            f"'{earlier.normalized}' was the earlier grade, '{later.normalized}' the current one",
        )
    if apart:
        return Relation(DIFFERENT_TIME, f"graded at different times ({a.as_of}, {b.as_of})")
    if a.status == "current":
        da, db = date_interval(a.document_date), date_interval(b.document_date)
        if da is not None and db is not None and date_gap_days(da, db) > 366:
            return Relation(DIFFERENT_TIME, "the documents were written more than a year apart")
        return Relation(
            CONTRADICT, f"current grade given as '{a.normalized}' and as '{b.normalized}'"
        )
    return Relation(CHECK, "two different earlier grades with no dates to tell them apart")


def _figures(a: StoredClaim, b: StoredClaim) -> Relation | None:
    if (a.unit or "") != (b.unit or ""):
        return Relation(CHECK, f"measured in different units ({a.unit}, {b.unit})")
    try:
        va, vb = float(a.normalized or ""), float(b.normalized or "")
    except ValueError:
        return None
    ia, ib = number_interval(va, a.qualifier), number_interval(vb, b.qualifier)
    if overlaps(ia, ib):
        return Relation(AGREE, f"'{a.value}' and '{b.value}' are compatible within their hedges")
    ta, tb = date_interval(a.as_of), date_interval(b.as_of)
    if ta is not None and tb is not None:
        if date_gap_days(ta, tb) > 0:
            return Relation(DIFFERENT_TIME, f"figures for different times ({a.as_of}, {b.as_of})")
        return Relation(CONTRADICT, f"'{a.value}' and '{b.value}' for the same period")
    if _same_period(a, b):
        return Relation(CONTRADICT, f"'{a.value}' and '{b.value}' in documents dated days apart")
    return Relation(
        CHECK, f"'{a.value}' and '{b.value}' differ, but the documents do not say when they apply"
    )


def _same_period(a: StoredClaim, b: StoredClaim) -> bool:
    """Both documents carry an explicit date and were written within a month."""
    explicit = {"header", "front-matter", "manifest"}
    if a.date_source not in explicit or b.date_source not in explicit:
        return False
    da, db = date_interval(a.document_date), date_interval(b.document_date)
    return da is not None and db is not None and date_gap_days(da, db) <= SAME_PERIOD_DAYS
