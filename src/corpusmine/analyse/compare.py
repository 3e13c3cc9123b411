"""Compare two claims about the same subject and attribute: agree, contradict, different
time, check, or unrelated (None).

The rules prefer precision: a contradiction needs the same subject, attribute and period;
when the period of a figure is unknown, differing values are a "check", not a
contradiction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..ingest.metadata import EXPLICIT_DATE_SOURCES
from ..knowledge import claim_vocabulary, temporal_lexicon
from .records import AGREE, CHECK, CONTRADICT, DIFFERENT_TIME, StoredClaim
from .values import date_gap_days, date_interval, number_interval, overlaps


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


def _events(a: StoredClaim, b: StoredClaim) -> Relation | None:
    ia, ib = date_interval(a.normalized), date_interval(b.normalized)
    if ia is None or ib is None:
        return Relation(CHECK, f"'{a.value}' and '{b.value}' cannot both be dated")
    gap = date_gap_days(ia, ib)
    if gap == 0:
        if ia == ib:
            return Relation(AGREE, f"both place the {a.attribute} in {a.normalized}")
        # A day inside a week, month or year ("Friday" and "this month") is compatible, but
        # two sources giving different dates do not confirm each other: nothing either way.
        return None
    vocab = claim_vocabulary()
    if a.attribute in vocab.political_event_attributes:
        if a.attribute not in vocab.party_event_attributes:
            return None  # "the Nevada caucuses": each party's may be on its own day
        if not (_day_named(a) and _day_named(b)):
            return None  # "last month", "Tuesday": relative days of a long campaign
    return _distinct_dates(a, b, gap)


def _day_named(claim: StoredClaim) -> bool:
    """The date names its month and day ("June 7", "Feb. 1"), not a weekday."""
    return _month_named(claim) and bool(re.search(r"\d", claim.value))


def _distinct_dates(a: StoredClaim, b: StoredClaim, gap: int) -> Relation | None:
    vocab = claim_vocabulary()
    if a.attribute in vocab.recurring_event_attributes:
        # Trump's meeting with Adelson in December and with Ryan in May, a department's
        # releases on two Fridays: two occurrences, whatever was planned.
        return None
    if "planned" in (a.status, b.status):
        return Relation(DIFFERENT_TIME, "a planned date and another date: plans change")
    if not (_month_named(a) and _month_named(b)):
        return Relation(
            CHECK, f"'{a.value}' and '{b.value}' may be two {a.attribute}s: neither names a month"
        )
    if gap <= vocab.event_window_days:
        return Relation(
            CONTRADICT, f"the same {a.attribute} is placed in {a.normalized} and {b.normalized}"
        )
    return Relation(DIFFERENT_TIME, f"{a.normalized} and {b.normalized} are years apart")


def _month_named(claim: StoredClaim) -> bool:
    """The event is placed by a month or a year ("last November", "in February 2023"),
    not by a weekday or a time of day: news reports many meetings in one week, and only
    an event named by its month is likely one event across documents."""
    words = set(_WORDS.findall(claim.value.lower()))
    return bool(words & _MONTH_WORDS) or bool(re.search(r"\b(?:19|20)\d\d\b", claim.value))


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
        da, db = date_interval(a.own_date), date_interval(b.own_date)
        if da is not None and db is not None and date_gap_days(da, db) > 366:
            return Relation(DIFFERENT_TIME, "the documents were written more than a year apart")
        return Relation(
            CONTRADICT, f"current grade given as '{a.normalized}' and as '{b.normalized}'"
        )
    return Relation(CHECK, "two different earlier grades with no dates to tell them apart")


def _figures(a: StoredClaim, b: StoredClaim) -> Relation | None:
    if (a.unit or "") != (b.unit or ""):
        if claim_vocabulary().is_incident_attribute(a.attribute):
            return None  # a haul in euros and one in dollars: no rates here to compare
        return Relation(CHECK, f"measured in different units ({a.unit}, {b.unit})")
    try:
        va, vb = float(a.normalized or ""), float(b.normalized or "")
    except ValueError:
        return None
    vocab = claim_vocabulary()
    if a.attribute == vocab.poll_template:
        return None  # two unnamed polls may be two polls: nothing to compare
    # A poll is an event of its day: its figures compare only within a few days.
    poll = a.attribute.startswith(vocab.poll_template)
    incident = vocab.is_incident_attribute(a.attribute)
    if incident:
        if a.places and b.places and not a.places & b.places:
            return None  # "in Orlando" and "in San Bernardino": two shootings
        measure = vocab.measure(a.attribute)
        if measure is not None and abs(va - vb) > measure.spread:
            return None  # a quake and its aftershock: two incidents measured
        when = _incident_when(a, b)
        if when is None:
            return None  # two incidents of one kind, or no way to tell whether they are one
    else:
        when = _when(a, b)
    ia, ib = number_interval(va, a.qualifier), number_interval(vb, b.qualifier)
    bounds = a.qualifier == b.qualifier == "at_least" and va != vb
    if overlaps(ia, ib) and not bounds:  # "at least 501" and "at least 882" are two counts
        if when.apart or (poll and not (when.same_moment or _same_release(a, b))):
            return None  # the same figure at two times says nothing either way
        if not when.known:
            return Relation(CHECK, f"'{a.value}' and '{b.value}' match, but not when they apply")
        if va != vb and not when.same_day:
            # Close figures of two different days are a moving figure at two moments
            # ("about 100" delegates still needed, then 71), not two sources agreeing.
            return _moved(a, b, when)
        return Relation(
            AGREE, f"'{a.value}' and '{b.value}' are compatible within their hedges, {when.how}"
        )
    if when.days is not None and when.days > vocab.incident_change_days:
        # An incident's toll grows over days; weeks apart, two different tolls are two
        # incidents recalled ("49 in Orlando", weeks later "at least 80" in Nice).
        return None
    scope_a, scope_b = a.cues.scope, b.cues.scope
    if bool(scope_a) != bool(scope_b):
        wide = ", ".join(repr(c) for c in scope_a or scope_b)
        return Relation(CHECK, f"'{a.value}' and '{b.value}' cover different scopes ({wide})")
    fixed = incident and vocab.measure(a.attribute) is not None
    if _beyond_bound(a, va, vb) or _beyond_bound(b, vb, va):
        # "at least 175" and 1,163: consistent, so never a contradiction; a change over time
        # when the days differ, else nothing either way. A quake's magnitude does not grow:
        # "at least 5.9" and 6.1 are one figure bounded, never a change.
        if fixed:
            return None
        return _moved(a, b, when) if when.known and not when.same_day else None
    # A quake's magnitude does not grow: a change word in its sentence ("the toll rose to
    # 10") is another figure's (review #40), so only a day apart could make it a change.
    cues = [] if fixed else sorted(set(changing(a)) | set(changing(b)))
    if (when.apart or cues) and not (incident or _one_measure(a, b, va, vb)):
        return None  # "14 percent of the Latino vote", "34 percent of the vote": two measures
    if when.apart or cues:
        why = f"the figure changes ({', '.join(repr(c) for c in cues)})" if cues else when.how
        return Relation(DIFFERENT_TIME, f"'{a.value}' and '{b.value}': {why}")
    if when.same_moment and not a.attribute.startswith(_SHARE_PREFIX):
        if incident and not (a.places and b.places):
            # An incident is its kind, place and day: without a place for both, two
            # reports of one kind on one day may be of two incidents.
            return Relation(
                CHECK, f"'{a.value}' and '{b.value}' {when.how}, but not both say where"
            )
        return Relation(CONTRADICT, f"'{a.value}' and '{b.value}' {when.how}")
    if not when.known:
        if incident or poll:
            # Incidents and polls are events: different figures with no date for one may
            # well be of two of them (two operations, two polls), so nothing is said.
            return None
        return Relation(
            CHECK,
            f"'{a.value}' and '{b.value}' differ, but the documents do not say when they apply",
        )
    return Relation(CHECK, f"'{a.value}' and '{b.value}' differ, {when.how}: not the same day")


def _same_release(a: StoredClaim, b: StoredClaim) -> bool:
    """Two reports of one named poll within a few days of each other, both dated by their
    metadata: outlets report one release over the days after it."""
    da, db = date_interval(a.own_date), date_interval(b.own_date)
    if da is None or db is None:
        return False
    if a.date_source not in EXPLICIT_DATE_SOURCES or b.date_source not in EXPLICIT_DATE_SOURCES:
        return False
    return date_gap_days(da, db) <= claim_vocabulary().poll_report_days


def _beyond_bound(bound: StoredClaim, value: float, other: float) -> bool:
    """The other figure lies on the side a bound leaves open ("more than 300" and 1,000)."""
    return (bound.qualifier == "at_least" and other > value) or (
        bound.qualifier == "at_most" and other < value
    )


def _moved(a: StoredClaim, b: StoredClaim, when: _When) -> Relation | None:
    """Two different figures from different days: a change over time when the sentences or
    the dates' distance say so, else unclear; nothing when they are too far apart to be one
    measure moving."""
    if not claim_vocabulary().is_incident_attribute(a.attribute):
        va, vb = float(a.normalized or 0), float(b.normalized or 0)
        if not _one_measure(a, b, va, vb):
            return None
    cues = sorted(set(changing(a)) | set(changing(b)))
    if cues or when.apart:
        why = f"the figure changes ({', '.join(repr(c) for c in cues)})" if cues else when.how
        return Relation(DIFFERENT_TIME, f"'{a.value}' and '{b.value}': {why}")
    return Relation(CHECK, f"'{a.value}' and '{b.value}' differ, {when.how}: it may have moved")


def one_measure(a: StoredClaim, b: StoredClaim) -> bool:
    """Whether two figures of one subject's attribute can be one measure (``_one_measure``);
    True for claims that are not figures (dates, grades)."""
    try:
        va, vb = float(a.normalized or ""), float(b.normalized or "")
    except ValueError:
        return True
    return va == vb or _one_measure(a, b, va, vb)


def _one_measure(a: StoredClaim, b: StoredClaim, va: float, vb: float) -> bool:
    """Whether two different values of one subject's attribute, from two moments, can be one
    measure moving. A subject and an attribute name what is measured only roughly ("Trump:
    share of vote" is his share of the Latino vote in one poll and of a primary's vote in
    another; "count of delegates" a state's, a night's or the total): a figure moves by
    steps between two reports, so a share many points away or a count several times larger
    is another measure, not a change. Where both sentences say which period their figure
    is for ("in 2019", "in 2023"), the sentences, not the values, make them one series."""
    if a.as_of and b.as_of:
        return True
    vocab = claim_vocabulary()
    if a.attribute.startswith((_SHARE_PREFIX, vocab.poll_template)):
        return abs(va - vb) <= vocab.change_max_points
    low, high = sorted((abs(va), abs(vb)))
    return low > 0 and high / low <= vocab.change_max_ratio


@dataclass(frozen=True)
class _When:
    """How the times two figures apply relate: known at all, the same moment (a
    contradiction is possible), far apart (different times), and why, in words."""

    known: bool
    same_moment: bool
    apart: bool
    how: str
    same_day: bool = False  # both for one day or period, or in documents of one date
    days: int | None = None  # days apart, when known


def _when(a: StoredClaim, b: StoredClaim) -> _When:
    vocab = claim_vocabulary()
    ta, tb = date_interval(a.as_of), date_interval(b.as_of)
    if ta is not None and tb is not None:
        gap = date_gap_days(ta, tb)
        how = f"both for {a.as_of}" if gap == 0 else f"for different times ({a.as_of}, {b.as_of})"
        return _When(True, gap == 0, gap > 0, how, gap == 0)
    if a.corpus_dated or b.corpus_dated:
        # The corpus's middle date puts a document in its corpus's period and says
        # nothing finer: no day to contradict on, no distance to call a change.
        return _When(True, False, False, "in one corpus's period (one undated document)", True)
    da, db = date_interval(a.document_date), date_interval(b.document_date)
    if da is None or db is None:
        return _When(False, False, False, "")
    gap = date_gap_days(da, db)
    explicit = a.date_source in EXPLICIT_DATE_SOURCES and b.date_source in EXPLICIT_DATE_SOURCES
    if gap > vocab.same_period_days:
        return _When(True, False, True, f"in documents dated {gap} days apart")
    moment = explicit and gap <= vocab.same_moment_days
    how = f"in documents dated {gap} days apart" if gap else "in documents of the same date"
    return _When(True, moment, False, how, gap == 0)


def _incident_when(a: StoredClaim, b: StoredClaim) -> _When | None:
    """When two figures of an incident (a toll, a magnitude) apply: the day their sentence
    gives, else their document's date. None when their sentences give different days
    ("on Monday", "on Wednesday"), when either cannot be placed, or when the two are
    further apart than one period: then they are likely two incidents of one kind (two
    earthquakes on one island), which nothing here can tell apart."""
    vocab = claim_vocabulary()
    ta = date_interval(a.as_of or a.own_date)
    tb = date_interval(b.as_of or b.own_date)
    if ta is None or tb is None:
        return None
    sa, sb = date_interval(a.as_of), date_interval(b.as_of)
    if sa is not None and sb is not None and date_gap_days(sa, sb) > 0:
        return None  # their sentences give different days: two incidents, or two moments
    given = a.date_source in EXPLICIT_DATE_SOURCES and b.date_source in EXPLICIT_DATE_SOURCES
    if not given:
        return None
    if max((ta[1] - ta[0]).days, (tb[1] - tb[0]).days) > vocab.same_period_days:
        return None  # "last year's shooting": too coarse to tell one incident from another
    gap = date_gap_days(ta, tb)
    if gap > vocab.same_period_days:
        return None
    how = "reported on the same day" if gap == 0 else f"reported {gap} days apart"
    # Only two days make one moment: "in November" and "Dec. 2" are next to each other,
    # but a month holds many incidents of one kind.
    days = (ta[0] == ta[1]) and (tb[0] == tb[1])
    moment = days and gap <= vocab.incident_moment_days
    return _When(True, moment, False, how, days and gap == 0, gap)


def changing(claim: StoredClaim) -> list[str]:
    """The words saying a figure is a moment in something that changes ("at least",
    "rose to", "so far"), from its hedge and its sentence."""
    found = ["at least"] if claim.qualifier == "at_least" else []
    return found + list(claim.cues.change)


_WORDS = re.compile(r"[a-z]+")
_MONTH_WORDS = frozenset(temporal_lexicon().months)
# "42 percent of voters" and "55 percent of voters" answer different questions more
# often than they disagree: shares of a population agree or are checked, never contradict.
_SHARE_PREFIX = claim_vocabulary().share_template.split("{")[0]
