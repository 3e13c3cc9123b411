"""Rules for periods shifted from an anchor: "last week", "this year" (from the document
date), "a month later", "the following year", "two years ago" (from the previous date)."""

from __future__ import annotations

from ..calendar import at_grain, coarser, parse_value
from ..types import Normalized
from .base import (
    UNIT_GRAIN,
    RuleContext,
    Words,
    dated,
    read_number,
    read_unit,
    unit_grain,
    unresolved,
)

__all__ = ["rule_document_unit", "rule_previous"]


_THAT_UNITS = ("day", "week", "month", "year", "time")


def rule_document_unit(words: Words, ctx: RuleContext) -> Normalized | None:
    """Expressions such as "last week", "this year", "next month", "earlier this week", "the same
    period last
    year": a calendar unit shifted from the document date."""
    lex = ctx.lex
    w = list(words)
    if len(w) >= 3 and w[0] in lex.within_words and w[1] == "this":
        w = w[1:]  # "earlier this week": inside the current week; TimeML keeps the week
    if len(w) >= 4 and w[0] == "the" and w[1] in ("same", "corresponding"):
        return _same_period(w[2], tuple(w[3:]), ctx)
    if w and w[0] == "the" and len(w) == 3 and w[1] in ("last", "current"):
        w = w[1:]  # "the last year" reads as "last year"
    if w == ["the", "weekend"]:
        w = ["this", "weekend"]
    if len(w) != 2 or w[0] not in lex.document_shift:
        return None
    unit = unit_grain(tuple(w[1:]), lex)
    if unit is None:
        return None
    grain = unit[0]
    if w[0] == "past" and grain not in ("weekend",):
        return None  # "past year" is a duration (handled by the duration rule)
    if ctx.doc is None:
        return unresolved()
    if coarser(ctx.doc.grain, grain) != grain and ctx.doc.grain not in ("day",):
        return unresolved()
    p = at_grain(ctx.doc.start, grain)
    shift = lex.document_shift[w[0]]
    return dated(p.shift(shift), "document")


def _same_period(unit_word: str, rest: Words, ctx: RuleContext) -> Normalized | None:
    """Expressions such as "the same month a year ago", "the same period last year": the period of
    the previous
    date (or of the given unit around it) moved into the year that ``rest`` names."""
    if rest[:1] == ("of",):
        rest = rest[1:]
    target = ctx.parse(rest)
    if target is None or target.type != "DATE":
        return None
    year = parse_value(target.value)
    base = ctx.previous or ctx.doc
    if year is None or base is None:
        return unresolved()
    unit = unit_grain((unit_word,), ctx.lex)
    if unit is not None and coarser(base.grain, unit[0]) == unit[0]:
        base = at_grain(base.start, unit[0])
    elif unit_word not in ("period", "time"):
        return None
    return dated(base.shift(year.start.year - base.start.year, "year"), "previous")


def rule_previous(words: Words, ctx: RuleContext) -> Normalized | None:
    """Expressions anchored on the previous date in the text: "a month later", "the
    following year", "the day before", "that day", "three days later than planned"."""
    lex = ctx.lex
    w = list(words)
    prev = ctx.previous
    # "the following year", "the previous day", "the same day", "that year", "the day"
    if len(w) == 3 and w[0] == "the" and w[1] in lex.previous_shift:
        unit = unit_grain((w[2],), lex)
        if unit:
            return _shift_previous(ctx, unit[0], lex.previous_shift[w[1]], 1)
    if len(w) == 3 and w[0] == "the" and w[1] in ("entire", "whole", "full"):
        w = ["the", w[2]]  # "the entire year" is that year
    if len(w) == 2 and w[0] in ("that", "the") and w[1] in _THAT_UNITS:
        if w == ["the", "time"]:
            return None  # "the time it takes": too often not a date
        if w[1] == "time":  # "by that time": the previous date at its own grain
            return dated(prev, "previous") if prev is not None else unresolved()
        unit = unit_grain((w[1],), lex)
        if unit:
            return _shift_previous(ctx, unit[0], 0, 1)
    # "the year before", "the week after"
    if len(w) == 3 and w[0] == "the" and (w[2] in lex.before_words or w[2] in lex.after_words):
        unit = unit_grain((w[1],), lex)
        if unit:
            sign = -1 if w[2] in lex.before_words else 1
            return _shift_previous(ctx, unit[0], sign, 1)
    # "a month later", "three days earlier", "two years ago", "... later than planned"
    num = read_number(tuple(w), 0, lex)
    if num is None:
        return None
    unit_at = read_unit(tuple(w), num[1], lex)
    if unit_at is None:
        return None
    letter, factor, is_time, j = unit_at
    if j >= len(w) or is_time:
        return None
    direction = w[j]
    tail = w[j + 1 :]
    if tail and tail[0] not in ("than", "that", "the", "this"):
        return None
    grain = UNIT_GRAIN.get(letter)
    amount = num[0]
    if grain is None or isinstance(amount, str):
        if direction in lex.ago_words:
            return Normalized("DATE", "PAST_REF", None, "document")
        return None
    steps = int(amount * factor) if float(amount * factor).is_integer() else None
    if steps is None:
        return None
    if direction in lex.ago_words:
        if ctx.doc is None:
            return unresolved()
        # "a week ago" names a day; "two months ago" a month; "20 years ago" a year.
        base_grain = "day" if grain == "week" else grain
        if ctx.doc.grain != "day" and base_grain in ("day",):
            return unresolved()
        base = at_grain(ctx.doc.start, base_grain)
        step_grain = "week" if grain == "week" else base_grain
        return dated(base.shift(-steps, step_grain), "document")
    # Only adverbs make the shift part of the expression: in "a day after Chrysler
    # released ..." the TIMEX is the duration "a day" and "after" a signal.
    if direction in ("later", "afterwards", "afterward"):
        sign = 1
    elif direction in ("earlier", "previously", "before") and not tail:
        sign = -1
    else:
        return None
    if direction == "before" and j + 1 == len(w) and len(w) > 2:
        return None
    return _shift_previous(ctx, grain, sign, steps)


def _shift_previous(ctx: RuleContext, grain: str, sign: int, steps: int) -> Normalized:
    """The previous date moved ``sign * steps`` units of ``grain``, never finer than it is.

    "that day" / "the day" (no shift) after a mention coarser than a day ("since October
    1982 ... for the day") refers to the document's own day instead.
    """
    prev = ctx.previous
    if sign * steps == 0 and prev is not None and coarser(prev.grain, grain) != grain:
        doc = ctx.doc
        if doc is not None and coarser(doc.grain, grain) == grain:
            return dated(at_grain(doc.start, grain), "document")
    if prev is None:
        return unresolved()
    base_grain = coarser(prev.grain, grain) if prev.grain != "season" else "year"
    if grain == "week" and prev.grain == "day":
        base_grain = "day"  # "a week later" than a day is a day
    base = at_grain(prev.start, base_grain)
    step_grain = grain if grain in ("week", "weekend") else coarser(grain, "day")
    return Normalized("DATE", base.shift(sign * steps, step_grain).value, None, "previous")
