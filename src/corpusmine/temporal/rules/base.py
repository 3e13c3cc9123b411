"""What every rule of the grammar shares: the words, the context, and small readers of
numbers, units, years and cyclic occurrences."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from ...knowledge import TemporalLexicon as Lexicon
from ..calendar import Period
from ..types import Normalized

Words = tuple[str, ...]


@dataclass(frozen=True)
class RuleContext:
    """What a rule knows besides the words: the document date, the tense, the previous
    date, the word lists, and the whole grammar for a sub-phrase ("Friday at 6pm")."""

    doc: Period | None  # the document date at the granularity it is known
    tense: str | None  # "past" | "present" | "future" | None
    previous: Period | None  # the last date mentioned before the expression
    lex: Lexicon
    grammar: Callable[[Words, RuleContext], Normalized | None]

    def parse(self, words: Words) -> Normalized | None:
        """A sub-phrase parsed by the whole grammar, in this context."""
        return self.grammar(words, self)


# Calendar units that can be a period in their own right (and their grain).
UNIT_GRAIN = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year"}


def dated(period: Period, anchor: str, kind: str = "DATE") -> Normalized:
    return Normalized(kind, period.value, None, anchor)


def unresolved(kind: str = "DATE") -> Normalized:
    """A recognised relative expression that has no anchor to resolve against."""
    return Normalized(kind, None, None, "none")


def read_number(words: Words, i: int, lex: Lexicon) -> tuple[float | str, int] | None:
    """A number starting at ``words[i]``: digits, words ("twenty five", "two and a half"),
    "a couple of", or a vague quantity ("several" -> "X"). Returns (value, next index)."""
    if i >= len(words):
        return None
    w = words[i]
    if w in lex.vague_numbers or (w == "a" and i + 1 < len(words) and words[i + 1] == "few"):
        j = i + (2 if w == "a" else 1)
        return "X", j
    value: float
    if re.fullmatch(r"\d+(\.\d+)?", w):
        value, j = float(w), i + 1
    elif w in lex.numbers:
        value, j = lex.numbers[w], i + 1
        if w in ("a", "an") and j < len(words) and words[j] in ("couple", "dozen", "half"):
            value, j = lex.numbers[words[j]], j + 1
        # "twenty five": tens followed by units.
        if value >= 20 and value % 10 == 0 and j < len(words):
            unit = lex.numbers.get(words[j])
            if unit is not None and 1 <= unit < 10:
                value, j = value + unit, j + 1
    else:
        return None
    if j < len(words) and words[j] == "of" and value == 2:  # "a couple of"
        j += 1
    # "two and a half"
    if words[j : j + 3] == ("and", "a", "half"):
        value, j = value + 0.5, j + 3
    return value, j


def fmt_number(n: float | str) -> str:
    if isinstance(n, str):
        return n
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def read_unit(words: Words, i: int, lex: Lexicon) -> tuple[str, int, bool, int] | None:
    """A unit word at ``i`` after optional fillers: (letter, factor, is_time, next index)."""
    j = i
    while j < len(words) and words[j] in lex.unit_fillers:
        j += 1
    if j < len(words) and words[j] in lex.units:
        u = lex.units[words[j]]
        return u.unit, u.factor, u.time, j + 1
    return None


def duration_value(n: float | str, letter: str, factor: int, is_time: bool) -> str:
    if isinstance(n, str):
        amount = "X"
        if factor == 10:
            letter = "DE"
        elif factor == 100:
            letter = "CE"
    else:
        amount = fmt_number(n * factor)
    return ("PT" if is_time else "P") + amount + letter


def tense_mode(ctx: RuleContext) -> str:
    return {"past": "past", "future": "future"}.get(ctx.tense or "", "nearest")


def pick_occurrence(make: Callable[[int], Period | None], doc: Period, mode: str) -> Period | None:
    """Choose the occurrence of a cyclic period ("February", "Friday") for a document date.

    ``make(k)`` gives the occurrence in cycle ``k`` relative to the document's (k = 0 is
    the same year or week). Modes: "past" — latest that has started by the document
    date; "future" — earliest not yet over; "strict_past"/"strict_future" ("last
    November", "next Friday") — wholly before/after the document's own period;
    "this" — the document's cycle; "nearest" — closest in time.
    """
    ref_start, ref_end = doc.start, doc.end
    cands = [p for p in (make(k) for k in range(-2, 3)) if p is not None]
    if mode == "this":
        return make(0)
    if mode == "past":
        ok = [p for p in cands if p.start <= ref_end]
        return max(ok, key=lambda p: p.start) if ok else None
    if mode == "future":
        ok = [p for p in cands if p.end >= ref_start]
        return min(ok, key=lambda p: p.start) if ok else None
    if mode == "strict_past":
        ok = [p for p in cands if p.end < ref_start]
        return max(ok, key=lambda p: p.start) if ok else None
    if mode == "strict_future":
        ok = [p for p in cands if p.start > ref_end]
        return min(ok, key=lambda p: p.start) if ok else None

    def distance(p: Period) -> tuple[int, int]:
        if p.end < ref_start:
            return (ref_start - p.end).days, 1
        if p.start > ref_end:
            return (p.start - ref_end).days, 0
        return 0, 0

    return min(cands, key=distance) if cands else None


def day_in(year: int, month: int, day: int) -> Period | None:
    try:
        return Period(date(year, month, day), "day")
    except ValueError:
        return None


def year_of(word: str) -> int | None:
    """A year written as digits: "2013", "'82" (two digits read as 19xx/20xx)."""
    if re.fullmatch(r"1\d{3}|20\d{2}", word):
        return int(word)
    m = re.fullmatch(r"'(\d\d)", word)
    if m:
        two = int(m.group(1))
        return 2000 + two if two < 30 else 1900 + two
    return None


def year_phrase(words: Words, ctx: RuleContext) -> tuple[int, str] | None:
    """A phrase naming a year: "2009", "this year", "last year", "the year" -> (year, anchor)."""
    words = words[1:] if words[:1] == ("the",) and len(words) > 1 else words
    if len(words) == 1:
        y = year_of(words[0])
        if y is not None:
            return y, "absolute"
        if words[0] == "year" and ctx.previous is not None:
            return ctx.previous.start.year, "previous"
    if len(words) == 2 and words[1] == "year" and ctx.doc is not None:
        shift = ctx.lex.document_shift.get(words[0])
        if shift is not None:
            return ctx.doc.start.year + shift, "document"
    if len(words) == 2 and words[0] in ctx.lex.fiscal_words:
        y = year_of(words[1])
        if y is not None:
            return y, "absolute"
    return None


def day_number(word: str) -> int | None:
    m = re.fullmatch(r"(\d{1,2})(st|nd|rd|th)?", word)
    if m and 1 <= int(m.group(1)) <= 31:
        return int(m.group(1))
    return None


def unit_grain(words: Words, lex: Lexicon) -> tuple[str, str] | None:
    """A single unit word naming a period ("week", "year", "weekend") -> (grain, letter)."""
    if len(words) != 1:
        return None
    if words[0] == "weekend":
        return "weekend", "W"
    u = lex.units.get(words[0])
    if u is None or u.time or words[0].endswith("s"):
        return None
    if u.factor == 10:
        return "decade", "Y"
    if u.factor == 100:
        return "century", "Y"
    grain = UNIT_GRAIN.get(u.unit)
    return (grain, u.unit) if grain and u.factor == 1 else None
