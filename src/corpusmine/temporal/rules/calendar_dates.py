"""Rules for calendar names: numeric dates, years and decades, months with or without a
day, weekdays, seasons, quarters and halves (the occurrence of a cyclic name is chosen by
the tense and the document date)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..calendar import MONTHS, WEEKDAYS, Period, at_grain
from ..types import Normalized
from .base import (
    RuleContext,
    Words,
    dated,
    day_in,
    day_number,
    pick_occurrence,
    tense_mode,
    unresolved,
    year_of,
    year_phrase,
)

__all__ = [
    "rule_numeric_date",
    "rule_year",
    "rule_month",
    "rule_weekday",
    "rule_season",
    "rule_quarter",
]


def rule_numeric_date(words: Words, ctx: RuleContext) -> Normalized | None:
    """Expressions such as "2013-03-22" and "7/8/07" (day/month order chosen by closeness to the
    document)."""
    if len(words) != 1:
        return None
    w = words[0]
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", w)
    if m:
        p = day_in(int(m[1]), int(m[2]), int(m[3]))
        return dated(p, "absolute") if p else None
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})", w)
    if not m:
        return None
    year = int(m[3]) if len(m[3]) == 4 else 2000 + int(m[3]) if int(m[3]) < 50 else 1900 + int(m[3])
    a, b = int(m[1]), int(m[2])
    options = [p for p in (day_in(year, a, b), day_in(year, b, a)) if p is not None]
    if not options:
        return None
    if ctx.doc is not None and len(options) == 2:
        # Ambiguous D/M vs M/D: the reading nearer the document date wins.
        options.sort(key=lambda p: abs((p.start - ctx.doc.start).days))
    return dated(options[0], "absolute")


def rule_year(words: Words, ctx: RuleContext) -> Normalized | None:
    """Expressions such as "2013", "'82", "fiscal 2007" -> FY2007, "the 1990s"/"80s" -> 199/198
    (decade)."""
    lex = ctx.lex
    if words and words[0] in ("year", "the") and len(words) == 2:
        words = words[1:]  # "the year 2000", "the 1990s"
    if len(words) == 1:
        y = year_of(words[0])
        if y is not None:
            return Normalized("DATE", f"{y:04d}", None, "absolute")
        m = re.fullmatch(r"'?(\d{2}|1\d{3}|20\d{2})s", words[0])
        if m:
            digits = m.group(1)
            year = int(digits) if len(digits) == 4 else year_of("'" + digits) or 0
            return Normalized("DATE", f"{year // 10:03d}", None, "absolute")
    if words and words[0] in lex.fiscal_words:
        rest = words[1:]
        if rest[:1] == ("year",):
            rest = rest[1:]
        if len(rest) == 1:
            y = year_of(rest[0])
            if y is not None:
                return Normalized("DATE", f"FY{y:04d}", None, "absolute")
        if not rest and words[1:] == ("year",):
            if ctx.doc is None:
                return unresolved()
            return Normalized("DATE", f"FY{ctx.doc.start.year:04d}", None, "document")
        if len(rest) == 1 and rest[0].startswith("fy"):
            return None
    m = re.fullmatch(r"fy'?(\d{2}|\d{4})", words[0]) if len(words) == 1 else None
    if m:
        digits = m.group(1)
        y = int(digits) if len(digits) == 4 else 2000 + int(digits)
        return Normalized("DATE", f"FY{y:04d}", None, "absolute")
    return None


def rule_month(words: Words, ctx: RuleContext) -> Normalized | None:
    """Calendar dates with a month name: "March 22, 2013", "22 March", "March 2013",
    "last November", "February" (the occurrence is chosen by tense)."""
    lex = ctx.lex
    w = [x for x in words if x not in ("of", "the")]
    if w and w[0] in WEEKDAYS and len(w) > 1:
        w = w[1:]  # "Tuesday, March 21": the calendar date decides
    shift: str | None = None
    if len(w) >= 2 and w[0] in lex.document_shift and w[1] in MONTHS:
        shift = {-1: "strict_past", 0: "this", 1: "strict_future"}[lex.document_shift[w[0]]]
        w = w[1:]
    month = day = year = None
    if w and w[0] in MONTHS:
        month = MONTHS[w[0]]
        rest = w[1:]
        if rest and day_number(rest[0]) is not None and year_of(rest[0]) is None:
            day, rest = day_number(rest[0]), rest[1:]
        if rest and year_of(rest[0]) is not None:
            year, rest = year_of(rest[0]), rest[1:]
        if rest:
            # "October of next year", "March this year"
            named = year_phrase(tuple(rest), ctx)
            if named is None:
                return None
            p = day_in(named[0], month, day) if day else Period(date(named[0], month, 1), "month")
            return dated(p, named[1]) if p else None
    elif len(w) >= 2 and day_number(w[0]) is not None and w[1] in MONTHS:
        day, month = day_number(w[0]), MONTHS[w[1]]
        rest = w[2:]
        if rest and year_of(rest[0]) is not None:
            year, rest = year_of(rest[0]), rest[1:]
        if rest:
            return None
    else:
        return None
    if year is not None:
        p = day_in(year, month, day) if day else Period(date(year, month, 1), "month")
        return dated(p, "absolute") if p else None
    if ctx.doc is None:
        return unresolved()
    doc = ctx.doc
    mode = shift or tense_mode(ctx)
    if doc.grain == "year" or (doc.grain == "month" and day is not None):
        mode = "this"
    if day is not None:

        def make(k: int) -> Period | None:
            return day_in(doc.start.year + k, month, day)
    else:

        def make(k: int) -> Period | None:
            return Period(date(doc.start.year + k, month, 1), "month")

    p = pick_occurrence(make, doc, mode)
    return dated(p, "document") if p else None


def rule_weekday(words: Words, ctx: RuleContext) -> Normalized | None:
    """Expressions such as "Friday", "last Tuesday", "Friday morning": the nearest fitting day
    given tense."""
    lex = ctx.lex
    w = list(words)
    shift: str | None = None
    if len(w) >= 2 and w[0] in lex.document_shift and w[1] in WEEKDAYS:
        shift = {-1: "strict_past", 0: "this", 1: "strict_future"}[lex.document_shift[w[0]]]
        w = w[1:]
    if not w or w[0] not in WEEKDAYS:
        return None
    weekday = WEEKDAYS[w[0]]
    part = None
    if len(w) == 2 and w[1] in lex.parts_of_day:
        part = lex.parts_of_day[w[1]]
    elif len(w) != 1:
        return None
    kind = "TIME" if part else "DATE"
    if ctx.doc is None or ctx.doc.grain != "day":
        return unresolved(kind)
    doc = ctx.doc
    monday = doc.start - timedelta(days=doc.start.weekday())

    def make(k: int) -> Period:
        return Period(monday + timedelta(days=7 * k + weekday), "day")

    # Articles report the day's events: the document's own weekday is that day,
    # whatever the tense ("on Friday" in an article dated Friday).
    if shift is None and weekday == doc.start.weekday():
        p: Period | None = doc
    else:
        mode = shift or tense_mode(ctx)
        if mode == "past":
            mode = "strict_past"
        elif mode == "future":
            mode = "strict_future"
        p = pick_occurrence(make, doc, mode)
    if p is None:
        return None
    timeml = f"{p.value}T{part}" if part else None
    return Normalized(kind, p.value, None, "document", timeml)


def rule_season(words: Words, ctx: RuleContext) -> Normalized | None:
    """Expressions such as "spring", "last summer", "autumn 2012" -> 2012-FA."""
    lex = ctx.lex
    w = [x for x in words if x not in ("of", "the")]
    shift: str | None = None
    if len(w) >= 2 and w[0] in lex.document_shift:
        shift = {-1: "strict_past", 0: "this", 1: "strict_future"}[lex.document_shift[w[0]]]
        w = w[1:]
    if not w or w[0] not in lex.seasons:
        return None
    season = lex.seasons[w[0]]
    if len(w) == 2 and year_of(w[1]) is not None:
        year = year_of(w[1]) or 0
        return Normalized("DATE", f"{year:04d}-{season.code}", None, "absolute")
    if len(w) != 1:
        return None
    if ctx.doc is None:
        return unresolved()
    doc = ctx.doc

    def make(k: int) -> Period:
        return Period(date(doc.start.year + k, season.start, 1), "season", season.code)

    mode = shift or tense_mode(ctx)
    if doc.grain == "year":
        mode = "this"
    p = pick_occurrence(make, doc, mode)
    return dated(p, "document") if p else None


def rule_quarter(words: Words, ctx: RuleContext) -> Normalized | None:
    """Expressions such as "the third quarter of 2009" -> 2009-Q3, "Q1", "the first half", "last
    quarter"."""
    lex = ctx.lex
    w = [x for x in words if x != "the"]
    if len(w) == 2 and year_of(w[0]) is not None and re.fullmatch(r"[qh][1-4]", w[1]):
        w = [w[1], w[0]]  # "2010-Q3" written year first
    m = re.fullmatch(r"([qh])([1-4])", w[0]) if w else None
    if m:
        grain, n, rest = ("quarter" if m[1] == "q" else "half"), int(m[2]), w[1:]
    elif len(w) >= 2 and w[0] in lex.ordinals and w[1] in ("quarter", "half"):
        grain, n, rest = w[1], lex.ordinals[w[0]], w[2:]
        if rest[:1] == ["of"]:
            rest = rest[1:]
        if n == -1 and not rest:
            # "last quarter" with no year: the quarter before the document's.
            if ctx.doc is None:
                return unresolved()
            return dated(at_grain(ctx.doc.start, grain).shift(-1), "document")
    else:
        return None
    count = 4 if grain == "quarter" else 2
    if n == -1:
        n = count
    if n > count:
        return None
    if rest and rest[0] in lex.fiscal_words:
        rest = rest[1:]
    months = 3 if grain == "quarter" else 6
    if rest:
        year = year_phrase(tuple(rest), ctx)
        if year is None:
            return None
        p = Period(date(year[0], (n - 1) * months + 1, 1), grain)
        return dated(p, year[1])
    if ctx.doc is None:
        return unresolved()
    doc = ctx.doc

    def make(k: int) -> Period:
        return Period(date(doc.start.year + k, (n - 1) * months + 1, 1), grain)

    p = pick_occurrence(make, doc, "this" if doc.grain == "year" else tense_mode(ctx))
    return dated(p, "document") if p else None
