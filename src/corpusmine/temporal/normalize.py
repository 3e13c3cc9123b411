"""Normalise one time expression to a TimeML value, at the granularity the text gives.

Pure string-and-calendar logic, testable without spaCy. The caller supplies the
document date, the tense of the governing verb (to choose between the past and the
future occurrence of "February" or "Friday") and the previous date in the text (the
anchor of "a month later", "the following year").

The grammar is a list of small rules tried in order on the lower-cased words of the
expression; each returns a :class:`Normalized` or None.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from .calendar import MONTHS, WEEKDAYS, Period, at_grain, coarser, parse_value
from .lexicon import Lexicon, lexicon
from .types import Normalized

Words = tuple[str, ...]

# Calendar units that can be a period in their own right (and their grain).
_UNIT_GRAIN = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year"}
_TOKEN = re.compile(
    r"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}[:.]\d{2}(?![\d])|\d+(?:\.\d+)?[a-z]*"
    r"|[ap]\.m\.?|'\d\ds?|[qh][1-4]\b|[a-z]+(?:'s)?|[,()+]"
)


@dataclass(frozen=True)
class _Context:
    doc: Period | None  # the document date at the granularity it is known
    tense: str | None  # "past" | "present" | "future" | None
    previous: Period | None  # the last date mentioned before the expression
    lex: Lexicon


def tokenize(text: str) -> Words:
    """Lower-cased words of an expression; hyphens split, possessives and dots dropped."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"(?<=[a-z0-9])[-\u2013/](?=[a-z])|(?<=[a-z])[-\u2013](?=\d)", " ", text)
    words: list[str] = []
    for token in _TOKEN.findall(text):
        if token.endswith("'s"):
            token = token[:-2]
        if token in ("a.m", "a.m.", "p.m", "p.m."):
            token = token[0] + "m"
        clock = re.fullmatch(r"(\d{1,4})(am|pm)", token)
        if clock:
            words.extend(clock.groups())
            continue
        if token:
            words.append(token)
    return tuple(words)


def normalize_expression(
    text: str,
    *,
    document_date: str | None,
    tense: str | None = None,
    previous: str | None = None,
) -> Normalized | None:
    """The TimeML type, value, mod and anchor of ``text``, or None if it is not a time.

    ``document_date`` is an ISO date (or ``YYYY-MM``/``YYYY``); relative expressions that
    need a finer document date than given get value None. ``tense`` is the tense of the
    governing verb ("past", "present", "future"). ``previous`` is the value of the last
    date mentioned before the expression; it defaults to the document date.
    """
    doc = parse_value(document_date)
    prev = parse_value(previous) or doc
    ctx = _Context(doc, tense, prev, lexicon())
    return parse_words(tokenize(text), ctx)


def recognise(text: str, document_date: str) -> bool:
    """Whether the grammar accepts ``text`` as a whole, without skipping a leading "the"
    or preposition (used to decide span boundaries: "recent", not "the recent")."""
    ctx = _Context(parse_value(document_date), None, parse_value(document_date), lexicon())
    return parse_words(tokenize(text), ctx, strip=False) is not None


def parse_words(words: Words, ctx: _Context, *, strip: bool = True) -> Normalized | None:
    """Parse lower-cased words: the grammar rules, then modifiers, then (if ``strip``)
    again without a leading function word."""
    words = tuple(w for w in words if w not in (",", "(", ")"))
    if not words:
        return None
    result = _parse_core(words, ctx)
    if result is not None:
        return result
    for phrase, mod in ctx.lex.modifiers:
        n = len(phrase)
        if words[:n] == phrase and len(words) > n:
            rest = words[n:]
            if rest[0] == "of" and len(rest) > 1:
                rest = rest[1:]
            inner = parse_words(rest, ctx, strip=strip)
            if inner is not None:
                return Normalized(inner.type, inner.value, mod, inner.anchor, inner.timeml_value)
    # Leading function words the span may include ("on Friday", "in 2009", "the 1990s").
    if strip and words[0] in ("the", "on", "in", "at", "of", "by", "since", "until", "from"):
        return parse_words(words[1:], ctx)
    return None


def _parse_core(words: Words, ctx: _Context) -> Normalized | None:
    for rule in _RULES:
        result = rule(words, ctx)
        if result is not None:
            return result
    return None


# --- helpers ---------------------------------------------------------------------------


def _date(period: Period, anchor: str, kind: str = "DATE") -> Normalized:
    return Normalized(kind, period.value, None, anchor)


def _unresolved(kind: str = "DATE") -> Normalized:
    """A recognised relative expression that has no anchor to resolve against."""
    return Normalized(kind, None, None, "none")


def _number(words: Words, i: int, lex: Lexicon) -> tuple[float | str, int] | None:
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


def _fmt(n: float | str) -> str:
    if isinstance(n, str):
        return n
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def _unit(words: Words, i: int, lex: Lexicon) -> tuple[str, int, bool, int] | None:
    """A unit word at ``i`` after optional fillers: (letter, factor, is_time, next index)."""
    j = i
    while j < len(words) and words[j] in lex.unit_fillers:
        j += 1
    if j < len(words) and words[j] in lex.units:
        u = lex.units[words[j]]
        return u.unit, u.factor, u.time, j + 1
    return None


def _duration(n: float | str, letter: str, factor: int, is_time: bool) -> str:
    if isinstance(n, str):
        amount = "X"
        if factor == 10:
            letter = "DE"
        elif factor == 100:
            letter = "CE"
    else:
        amount = _fmt(n * factor)
    return ("PT" if is_time else "P") + amount + letter


def _mode(ctx: _Context) -> str:
    return {"past": "past", "future": "future"}.get(ctx.tense or "", "nearest")


def _pick(make: Callable[[int], Period | None], doc: Period, mode: str) -> Period | None:
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


def _day_in(year: int, month: int, day: int) -> Period | None:
    try:
        return Period(date(year, month, day), "day")
    except ValueError:
        return None


def _year_of(word: str) -> int | None:
    """A year written as digits: "2013", "'82" (two digits read as 19xx/20xx)."""
    if re.fullmatch(r"1\d{3}|20\d{2}", word):
        return int(word)
    m = re.fullmatch(r"'(\d\d)", word)
    if m:
        two = int(m.group(1))
        return 2000 + two if two < 30 else 1900 + two
    return None


def _year_expr(words: Words, ctx: _Context) -> tuple[int, str] | None:
    """A phrase naming a year: "2009", "this year", "last year", "the year" -> (year, anchor)."""
    words = words[1:] if words[:1] == ("the",) and len(words) > 1 else words
    if len(words) == 1:
        y = _year_of(words[0])
        if y is not None:
            return y, "absolute"
        if words[0] == "year" and ctx.previous is not None:
            return ctx.previous.start.year, "previous"
    if len(words) == 2 and words[1] == "year" and ctx.doc is not None:
        shift = ctx.lex.document_shift.get(words[0])
        if shift is not None:
            return ctx.doc.start.year + shift, "document"
    if len(words) == 2 and words[0] in ctx.lex.fiscal_words:
        y = _year_of(words[1])
        if y is not None:
            return y, "absolute"
    return None


# --- rules -----------------------------------------------------------------------------


def _rule_reference(words: Words, ctx: _Context) -> Normalized | None:
    """Expressions such as "now", "currently" -> PRESENT_REF; "recently", "in the past" ->
    PAST_REF; ..."""
    lex = ctx.lex
    for phrases, value in (
        (lex.present_ref, "PRESENT_REF"),
        (lex.past_ref, "PAST_REF"),
        (lex.future_ref, "FUTURE_REF"),
    ):
        if words in phrases:
            return Normalized("DATE", value, None, "document")
    return None


def _rule_set(words: Words, ctx: _Context) -> Normalized | None:
    """Recurring times: "weekly" -> P1W, "every two years" -> P2Y, "every Monday"."""
    lex = ctx.lex
    if len(words) == 1 and words[0] in lex.set_words:
        return Normalized("SET", lex.set_words[words[0]], None, "none")
    if len(words) >= 2 and words[0] in ("every", "each", "per"):
        if len(words) == 2 and words[1] in WEEKDAYS:
            return Normalized("SET", f"XXXX-WXX-{WEEKDAYS[words[1]] + 1}", None, "none")
        num = _number(words, 1, lex) or (1.0, 1)
        unit = _unit(words, num[1], lex)
        if unit and unit[3] == len(words):
            return Normalized("SET", _duration(num[0], *unit[:3]), None, "none")
    if len(words) == 1 and words[0].endswith("s") and words[0][:-1] in WEEKDAYS:
        return Normalized("SET", f"XXXX-WXX-{WEEKDAYS[words[0][:-1]] + 1}", None, "none")
    return None


def _rule_day_word(words: Words, ctx: _Context) -> Normalized | None:
    """Expressions such as "today", "yesterday", "last night", "this morning", "yesterday
    afternoon"."""
    lex = ctx.lex
    if words[0] in ("earlier", "later") and len(words) > 1:
        words = words[1:]  # "earlier today" is still today
    part: str | None = None
    offset: int | None = None
    if words in lex.day_words:
        offset, part = lex.day_words[words]
    elif len(words) == 2 and words[0] in lex.day_words and words[1] in lex.parts_of_day:
        offset, part = lex.day_words[(words[0],)][0], lex.parts_of_day[words[1]]
    elif len(words) == 2 and words[0] == "this" and words[1] in lex.parts_of_day:
        offset, part = 0, lex.parts_of_day[words[1]]
    elif len(words) == 1 and words[0] in lex.parts_of_day and words[0] not in ("night",):
        offset, part = 0, lex.parts_of_day[words[0]]
    if offset is None:
        return None
    kind = "TIME" if part else "DATE"
    if ctx.doc is None or ctx.doc.grain != "day":
        return _unresolved(kind)
    day = ctx.doc.start + timedelta(days=offset)
    # Product choice: a part of day keeps the day as value ("last night" -> 2023-03-22);
    # the strict TimeML form with the part-of-day code goes in timeml_value.
    timeml = f"{day.isoformat()}T{part}" if part else None
    return Normalized(kind, day.isoformat(), None, "document", timeml)


def _rule_numeric_date(words: Words, ctx: _Context) -> Normalized | None:
    """Expressions such as "2013-03-22" and "7/8/07" (day/month order chosen by closeness to the
    document)."""
    if len(words) != 1:
        return None
    w = words[0]
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", w)
    if m:
        p = _day_in(int(m[1]), int(m[2]), int(m[3]))
        return _date(p, "absolute") if p else None
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})", w)
    if not m:
        return None
    year = int(m[3]) if len(m[3]) == 4 else 2000 + int(m[3]) if int(m[3]) < 50 else 1900 + int(m[3])
    a, b = int(m[1]), int(m[2])
    options = [p for p in (_day_in(year, a, b), _day_in(year, b, a)) if p is not None]
    if not options:
        return None
    if ctx.doc is not None and len(options) == 2:
        # Ambiguous D/M vs M/D: the reading nearer the document date wins.
        options.sort(key=lambda p: abs((p.start - ctx.doc.start).days))
    return _date(options[0], "absolute")


def _rule_year(words: Words, ctx: _Context) -> Normalized | None:
    """Expressions such as "2013", "'82", "fiscal 2007" -> FY2007, "the 1990s"/"80s" -> 199/198
    (decade)."""
    lex = ctx.lex
    if words and words[0] in ("year", "the") and len(words) == 2:
        words = words[1:]  # "the year 2000", "the 1990s"
    if len(words) == 1:
        y = _year_of(words[0])
        if y is not None:
            return Normalized("DATE", f"{y:04d}", None, "absolute")
        m = re.fullmatch(r"'?(\d{2}|1\d{3}|20\d{2})s", words[0])
        if m:
            digits = m.group(1)
            year = int(digits) if len(digits) == 4 else _year_of("'" + digits) or 0
            return Normalized("DATE", f"{year // 10:03d}", None, "absolute")
    if words and words[0] in lex.fiscal_words:
        rest = words[1:]
        if rest[:1] == ("year",):
            rest = rest[1:]
        if len(rest) == 1:
            y = _year_of(rest[0])
            if y is not None:
                return Normalized("DATE", f"FY{y:04d}", None, "absolute")
        if not rest and words[1:] == ("year",):
            if ctx.doc is None:
                return _unresolved()
            return Normalized("DATE", f"FY{ctx.doc.start.year:04d}", None, "document")
        if len(rest) == 1 and rest[0].startswith("fy"):
            return None
    m = re.fullmatch(r"fy'?(\d{2}|\d{4})", words[0]) if len(words) == 1 else None
    if m:
        digits = m.group(1)
        y = int(digits) if len(digits) == 4 else 2000 + int(digits)
        return Normalized("DATE", f"FY{y:04d}", None, "absolute")
    return None


def _day_number(word: str) -> int | None:
    m = re.fullmatch(r"(\d{1,2})(st|nd|rd|th)?", word)
    if m and 1 <= int(m.group(1)) <= 31:
        return int(m.group(1))
    return None


def _rule_month(words: Words, ctx: _Context) -> Normalized | None:
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
        if rest and _day_number(rest[0]) is not None and _year_of(rest[0]) is None:
            day, rest = _day_number(rest[0]), rest[1:]
        if rest and _year_of(rest[0]) is not None:
            year, rest = _year_of(rest[0]), rest[1:]
        if rest:
            # "October of next year", "March this year"
            named = _year_expr(tuple(rest), ctx)
            if named is None:
                return None
            p = _day_in(named[0], month, day) if day else Period(date(named[0], month, 1), "month")
            return _date(p, named[1]) if p else None
    elif len(w) >= 2 and _day_number(w[0]) is not None and w[1] in MONTHS:
        day, month = _day_number(w[0]), MONTHS[w[1]]
        rest = w[2:]
        if rest and _year_of(rest[0]) is not None:
            year, rest = _year_of(rest[0]), rest[1:]
        if rest:
            return None
    else:
        return None
    if year is not None:
        p = _day_in(year, month, day) if day else Period(date(year, month, 1), "month")
        return _date(p, "absolute") if p else None
    if ctx.doc is None:
        return _unresolved()
    doc = ctx.doc
    mode = shift or _mode(ctx)
    if doc.grain == "year" or (doc.grain == "month" and day is not None):
        mode = "this"
    if day is not None:

        def make(k: int) -> Period | None:
            return _day_in(doc.start.year + k, month, day)
    else:

        def make(k: int) -> Period | None:
            return Period(date(doc.start.year + k, month, 1), "month")

    p = _pick(make, doc, mode)
    return _date(p, "document") if p else None


def _rule_weekday(words: Words, ctx: _Context) -> Normalized | None:
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
        return _unresolved(kind)
    doc = ctx.doc
    monday = doc.start - timedelta(days=doc.start.weekday())

    def make(k: int) -> Period:
        return Period(monday + timedelta(days=7 * k + weekday), "day")

    # Articles report the day's events: the document's own weekday is that day,
    # whatever the tense ("on Friday" in an article dated Friday).
    if shift is None and weekday == doc.start.weekday():
        p: Period | None = doc
    else:
        mode = shift or _mode(ctx)
        if mode == "past":
            mode = "strict_past"
        elif mode == "future":
            mode = "strict_future"
        p = _pick(make, doc, mode)
    if p is None:
        return None
    timeml = f"{p.value}T{part}" if part else None
    return Normalized(kind, p.value, None, "document", timeml)


def _rule_season(words: Words, ctx: _Context) -> Normalized | None:
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
    if len(w) == 2 and _year_of(w[1]) is not None:
        year = _year_of(w[1]) or 0
        return Normalized("DATE", f"{year:04d}-{season.code}", None, "absolute")
    if len(w) != 1:
        return None
    if ctx.doc is None:
        return _unresolved()
    doc = ctx.doc

    def make(k: int) -> Period:
        return Period(date(doc.start.year + k, season.start, 1), "season", season.code)

    mode = shift or _mode(ctx)
    if doc.grain == "year":
        mode = "this"
    p = _pick(make, doc, mode)
    return _date(p, "document") if p else None


def _rule_quarter(words: Words, ctx: _Context) -> Normalized | None:
    """Expressions such as "the third quarter of 2009" -> 2009-Q3, "Q1", "the first half", "last
    quarter"."""
    lex = ctx.lex
    w = [x for x in words if x != "the"]
    if len(w) == 2 and _year_of(w[0]) is not None and re.fullmatch(r"[qh][1-4]", w[1]):
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
                return _unresolved()
            return _date(at_grain(ctx.doc.start, grain).shift(-1), "document")
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
        year = _year_expr(tuple(rest), ctx)
        if year is None:
            return None
        p = Period(date(year[0], (n - 1) * months + 1, 1), grain)
        return _date(p, year[1])
    if ctx.doc is None:
        return _unresolved()
    doc = ctx.doc

    def make(k: int) -> Period:
        return Period(date(doc.start.year + k, (n - 1) * months + 1, 1), grain)

    p = _pick(make, doc, "this" if doc.grain == "year" else _mode(ctx))
    return _date(p, "document") if p else None


def _unit_grain(words: Words, lex: Lexicon) -> tuple[str, str] | None:
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
    grain = _UNIT_GRAIN.get(u.unit)
    return (grain, u.unit) if grain and u.factor == 1 else None


def _rule_document_unit(words: Words, ctx: _Context) -> Normalized | None:
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
    unit = _unit_grain(tuple(w[1:]), lex)
    if unit is None:
        return None
    grain = unit[0]
    if w[0] == "past" and grain not in ("weekend",):
        return None  # "past year" is a duration (handled by the duration rule)
    if ctx.doc is None:
        return _unresolved()
    if coarser(ctx.doc.grain, grain) != grain and ctx.doc.grain not in ("day",):
        return _unresolved()
    p = at_grain(ctx.doc.start, grain)
    shift = lex.document_shift[w[0]]
    return _date(p.shift(shift), "document")


def _same_period(unit_word: str, rest: Words, ctx: _Context) -> Normalized | None:
    """Expressions such as "the same month a year ago", "the same period last year": the period of
    the previous
    date (or of the given unit around it) moved into the year that ``rest`` names."""
    if rest[:1] == ("of",):
        rest = rest[1:]
    target = parse_words(rest, ctx)
    if target is None or target.type != "DATE":
        return None
    year = parse_value(target.value)
    base = ctx.previous or ctx.doc
    if year is None or base is None:
        return _unresolved()
    unit = _unit_grain((unit_word,), ctx.lex)
    if unit is not None and coarser(base.grain, unit[0]) == unit[0]:
        base = at_grain(base.start, unit[0])
    elif unit_word not in ("period", "time"):
        return None
    return _date(base.shift(year.start.year - base.start.year, "year"), "previous")


_THAT_UNITS = ("day", "week", "month", "year", "time")


def _rule_previous(words: Words, ctx: _Context) -> Normalized | None:
    """Expressions anchored on the previous date in the text: "a month later", "the
    following year", "the day before", "that day", "three days later than planned"."""
    lex = ctx.lex
    w = list(words)
    prev = ctx.previous
    # "the following year", "the previous day", "the same day", "that year", "the day"
    if len(w) == 3 and w[0] == "the" and w[1] in lex.previous_shift:
        unit = _unit_grain((w[2],), lex)
        if unit:
            return _shift_previous(ctx, unit[0], lex.previous_shift[w[1]], 1)
    if len(w) == 3 and w[0] == "the" and w[1] in ("entire", "whole", "full"):
        w = ["the", w[2]]  # "the entire year" is that year
    if len(w) == 2 and w[0] in ("that", "the") and w[1] in _THAT_UNITS:
        if w == ["the", "time"]:
            return None  # "the time it takes": too often not a date
        if w[1] == "time":  # "by that time": the previous date at its own grain
            return _date(prev, "previous") if prev is not None else _unresolved()
        unit = _unit_grain((w[1],), lex)
        if unit:
            return _shift_previous(ctx, unit[0], 0, 1)
    # "the year before", "the week after"
    if len(w) == 3 and w[0] == "the" and (w[2] in lex.before_words or w[2] in lex.after_words):
        unit = _unit_grain((w[1],), lex)
        if unit:
            sign = -1 if w[2] in lex.before_words else 1
            return _shift_previous(ctx, unit[0], sign, 1)
    # "a month later", "three days earlier", "two years ago", "... later than planned"
    num = _number(tuple(w), 0, lex)
    if num is None:
        return None
    unit_at = _unit(tuple(w), num[1], lex)
    if unit_at is None:
        return None
    letter, factor, is_time, j = unit_at
    if j >= len(w) or is_time:
        return None
    direction = w[j]
    tail = w[j + 1 :]
    if tail and tail[0] not in ("than", "that", "the", "this"):
        return None
    grain = _UNIT_GRAIN.get(letter)
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
            return _unresolved()
        # "a week ago" names a day; "two months ago" a month; "20 years ago" a year.
        base_grain = "day" if grain == "week" else grain
        if ctx.doc.grain != "day" and base_grain in ("day",):
            return _unresolved()
        base = at_grain(ctx.doc.start, base_grain)
        step_grain = "week" if grain == "week" else base_grain
        return _date(base.shift(-steps, step_grain), "document")
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


def _shift_previous(ctx: _Context, grain: str, sign: int, steps: int) -> Normalized:
    """The previous date moved ``sign * steps`` units of ``grain``, never finer than it is.

    "that day" / "the day" (no shift) after a mention coarser than a day ("since October
    1982 ... for the day") refers to the document's own day instead.
    """
    prev = ctx.previous
    if sign * steps == 0 and prev is not None and coarser(prev.grain, grain) != grain:
        doc = ctx.doc
        if doc is not None and coarser(doc.grain, grain) == grain:
            return _date(at_grain(doc.start, grain), "document")
    if prev is None:
        return _unresolved()
    base_grain = coarser(prev.grain, grain) if prev.grain != "season" else "year"
    if grain == "week" and prev.grain == "day":
        base_grain = "day"  # "a week later" than a day is a day
    base = at_grain(prev.start, base_grain)
    step_grain = grain if grain in ("week", "weekend") else coarser(grain, "day")
    return Normalized("DATE", base.shift(sign * steps, step_grain).value, None, "previous")


def _rule_duration(words: Words, ctx: _Context) -> Normalized | None:
    """Durations: "five years" -> P5Y, "the last two years" -> P2Y, "18 months", "12-hour",
    "two and a half years" -> P2.5Y, "several weeks" -> PXW, "the past decade" -> P10Y."""
    lex = ctx.lex
    w = list(words)
    if w[:1] == ["the"]:
        w = w[1:]
    if w and w[0] in ("past", "last", "next", "coming", "first", "previous", "final", "recent"):
        w = w[1:]
    if not w:
        return None
    num = _number(tuple(w), 0, lex)
    if num is None:
        # "the past decade", "the past year", "years", "decades", "over the years"
        unit = _unit(tuple(w), 0, lex)
        if unit is None or unit[3] != len(w):
            return None
        plural = w[-1].endswith("s") or w[-1] == "centuries"
        if not plural and len(w) == len(words) - (words[0] == "the"):
            return None  # "year", "the week": a period, not a duration, without "past"
        num = ("X", 0) if plural else (1.0, 0)
    unit = _unit(tuple(w), num[1], lex)
    if unit is None or unit[3] != len(w):
        return None
    if w[unit[3] - 1] == "second" and w[0] in ("a", "an", "one"):
        return None  # "a second ..." is far more often the ordinal than one second
    return Normalized("DURATION", _duration(num[0], *unit[:3]), None, "none")


_CLOCK = re.compile(r"(\d{1,2})[:.](\d{2})|(\d{1,2})")
_ZONES = {"utc", "gmt", "z"}


def _rule_time(words: Words, ctx: _Context) -> Normalized | None:
    """Clock times: "18:00 UTC" -> 2009-12-15T18:00Z, "6 pm", "noon", with an optional day
    ("12:00 UTC Monday", "Friday at 6pm"); without a day the document date is used."""
    w = list(words)
    for i, word in enumerate(w):
        hour = minute = None
        j = i + 1
        if word in ("noon", "midday"):
            hour, minute = 12, 0
        elif word == "midnight":
            hour, minute = 0, 0
        else:
            m = re.fullmatch(r"(\d{1,2}):(\d{2})", word) or (
                re.fullmatch(r"(\d{1,2})\.(\d{2})", word)
                if j < len(w) and w[j] in ("am", "pm")
                else None
            )
            m4 = re.fullmatch(r"([01]\d|2[0-3])([0-5]\d)", word)
            if m:
                hour, minute = int(m[1]), int(m[2])
            elif m4 and j < len(w) and w[j] in _ZONES | {"hours", "hrs"}:
                hour, minute = int(m4[1]), int(m4[2])
            elif re.fullmatch(r"\d{1,2}", word) and j < len(w) and w[j] in ("am", "pm"):
                hour, minute = int(word), 0
            else:
                continue
        if j < len(w) and w[j] in ("am", "pm", "o'clock"):
            if w[j] == "pm" and hour < 12:
                hour += 12
            if w[j] == "am" and hour == 12:
                hour = 0
            j += 1
        zone = ""
        while j < len(w) and w[j] in _ZONES | {"hours", "hrs", "local", "time"}:
            zone = "Z" if w[j] in _ZONES else zone
            j += 1
        if hour is None or hour > 23 or minute is None or minute > 59:
            return None
        rest = [x for x in w[:i] + w[j:] if x not in ("at", "on", "of")]
        if rest:
            day = parse_words(tuple(rest), ctx)
            if day is None or day.type != "DATE" or day.value is None:
                return None
            base, anchor = parse_value(day.value), day.anchor
            if base is None or base.grain != "day":
                return None
        elif ctx.previous is not None and ctx.previous.grain == "day":
            # "made its first flight Tuesday ... at 18:00 UTC": the last day mentioned.
            base, anchor = ctx.previous, "previous"
        else:
            if ctx.doc is None or ctx.doc.grain != "day":
                return _unresolved("TIME")
            base, anchor = ctx.doc, "document"
        return Normalized("TIME", f"{base.value}T{hour:02d}:{minute:02d}{zone}", None, anchor)
    return None


_RULES: tuple[Callable[[Words, _Context], Normalized | None], ...] = (
    _rule_reference,
    _rule_day_word,
    _rule_numeric_date,
    _rule_year,
    _rule_month,
    _rule_weekday,
    _rule_season,
    _rule_quarter,
    _rule_document_unit,
    _rule_previous,
    _rule_set,
    _rule_duration,
    _rule_time,
)

__all__ = ["normalize_expression", "parse_words", "recognise", "tokenize"]
