"""Infer when an undated document was written, from the dates it mentions and their tense.

A past-tense mention of a date ("visited in April 2023") shows the document was
written after that date began; a future-tense one ("a further visit in July 2023")
that it was written before that date ended. Months without a year ("in February")
give the same constraints inside a year, which is usable only when some year is
known (from an absolute date in the text or a caller's ``year_hint``). With no upper
bound, or no year at all, the answer is source "none": a lower bound alone is not a
date, and a guess would be wild.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Doc

from ..knowledge import temporal_lexicon as lexicon
from .annotate import annotate_dates
from .calendar import MONTHS, Period, add_months, parse_value
from .normalize import tokenize
from .tense import governing_verb, span_tense
from .types import DocumentDate, Timex


@dataclass(frozen=True)
class _Bound:
    """One piece of evidence: the document is on/after (lower) or on/before (upper) ``day``."""

    day: date
    text: str
    lower: bool


def _month_only(timex: Timex) -> tuple[int, int] | None:
    """First and last month of a bare month or season ("February", "the autumn")."""
    words = [w for w in tokenize(timex.text) if w not in ("in", "on", "the", "of")]
    if len(words) == 1 and words[0] in MONTHS and len(words[0]) > 3:
        return MONTHS[words[0]], MONTHS[words[0]]
    season = lexicon().seasons.get(words[0]) if len(words) == 1 else None
    if season is not None:
        return season.start, season.end if season.end >= season.start else 12
    return None


def _recent_publication(doc: Doc, timexes: list[Timex]) -> str | None:
    """A phrase such as "published last week": evidence the document is recent."""
    lex = lexicon()
    for t in timexes:
        words = tokenize(t.text)
        if not words or words[0] not in ("last", "earlier", "this", "yesterday"):
            continue
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        verb = governing_verb(span) if span is not None else None
        if verb is not None and verb.lemma_.lower() in lex.publication_verbs:
            return f"{verb.text} {t.text}"
    return None


def infer_document_date(doc: Doc, *, year_hint: int | None = None) -> DocumentDate:
    """A window of dates when ``doc`` was probably written, with the evidence used.

    ``year_hint`` (e.g. the year of other documents in the same folder) lets month-only
    clues ("in February", "in July") be placed when the text names no year.
    """
    timexes = annotate_dates(doc, None)
    bounds: list[_Bound] = []
    months: list[tuple[tuple[int, int], str, str]] = []  # (months, text, tense)
    years: list[int] = []
    # Present simple with a date often states a schedule ("when they come back in July");
    # such mentions count as upper bounds only if later than every past event.
    scheduled: list[tuple[Timex, Period | None]] = []
    for t in timexes:
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        tense = span_tense(span) if span is not None else None
        future = tense == "future"
        if tense == "present" and t.anchor == "absolute":
            scheduled.append((t, parse_value(t.value)))
        period = parse_value(t.value) if t.anchor == "absolute" and t.type == "DATE" else None
        if period is not None:
            years.append(period.start.year)
            bounds.append(_Bound(period.end if future else period.start, t.text, not future))
            continue
        month = _month_only(t)
        if month is not None and tense in ("past", "future", "present"):
            months.append((month, t.text, tense or ""))
    year = year_hint
    year_source = "the caller's year hint"
    if year is None and years and months:
        year, year_source = max(years), f"the latest year mentioned ({max(years)})"
    present: list[_Bound] = []
    if year is not None:
        for (first, last), text, tense in months:
            start = date(year, first, 1)
            end = add_months(date(year, last, 1), 1) - timedelta(days=1)
            if tense == "present":
                present.append(_Bound(end, text, False))
            else:
                bounds.append(_Bound(end if tense == "future" else start, text, tense == "past"))
    present += [_Bound(p.end, t.text, False) for t, p in scheduled if p is not None]
    latest_past = max((b.day for b in bounds if b.lower), default=None)
    if latest_past is not None:
        bounds += [b for b in present if b.day > latest_past + timedelta(days=31)]
    lowers = [b for b in bounds if b.lower]
    uppers = [b for b in bounds if not b.lower]
    low = max(lowers, key=lambda b: b.day) if lowers else None
    high = min(uppers, key=lambda b: b.day) if uppers else None
    recent = _recent_publication(doc, timexes)
    notes = []
    if low:
        notes.append(f"past-tense mention of {low.text!r} puts it on or after {low.day}")
    if high:
        notes.append(f"a later, not past, mention of {high.text!r} puts it on or before {high.day}")
    if months and year is not None:
        notes.append(f"months without a year placed in {year}, from {year_source}")
    if recent:
        notes.append(f"{recent!r} suggests it was written soon after the latest event")
    if low is None or high is None or high.day < low.day:
        if months and year is None:
            clues = ", ".join(f"{text!r} ({tense} tense)" for _, text, tense in months)
            notes.append(f"months without any year ({clues}) cannot be placed")
        if low is not None and high is not None:
            notes.append("the bounds contradict each other")
        elif low is not None:
            notes.append("no upper bound")
        evidence = "; ".join(notes) if notes else "the text mentions no usable date"
        return DocumentDate(None, "none", None, f"Not inferred: {evidence}.")
    low_day = low.day
    # "published last week" / "last month": the latest event is at least that long ago.
    gap = {"week": 7, "month": 28}.get(recent.split()[-1] if recent else "", 0)
    if recent and recent.split()[-2:-1] == ["last"] and low_day + timedelta(days=gap) <= high.day:
        low_day = low_day + timedelta(days=gap)
    window = (low_day.isoformat(), high.day.isoformat())
    return DocumentDate(_common_period(low_day, high.day), "inferred", window,
                        "Inferred: " + "; ".join(notes) + ".")  # fmt: skip


def _common_period(low: date, high: date) -> str:
    """The finest ISO period containing both dates (day, month or year), or the span."""
    if low == high:
        return low.isoformat()
    if (low.year, low.month) == (high.year, high.month):
        return f"{low.year:04d}-{low.month:02d}"
    if low.year == high.year:
        return f"{low.year:04d}"
    return f"{low.isoformat()}/{high.isoformat()}"


__all__ = ["infer_document_date"]
