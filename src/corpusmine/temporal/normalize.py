"""Normalise one time expression to a TimeML value, at the granularity the text gives.

Pure string-and-calendar logic, testable without spaCy. The caller supplies the
document date, the tense of the governing verb (to choose between the past and the
future occurrence of "February" or "Friday") and the previous date in the text (the
anchor of "a month later", "the following year").

The grammar is the ordered table ``RULES`` of small rules, tried in order on the
lower-cased words of the expression; each returns a :class:`Normalized` or None. The
rules live in ``rules/`` by family (references, calendar names, relative periods,
durations, clock times); the order matters where two could read the same words
("last week" is a shifted period before it is a duration).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..knowledge import temporal_lexicon as lexicon
from .calendar import parse_value
from .rules import calendar_dates, clock, durations, references, relative
from .rules.base import RuleContext, Words
from .types import Normalized

_TOKEN = re.compile(
    r"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}[:.]\d{2}(?![\d])|\d+(?:\.\d+)?[a-z]*"
    r"|[ap]\.m\.?|'\d\ds?|[qh][1-4]\b|[a-z]+(?:'s)?|[,()+]"
)


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
    ctx = RuleContext(doc, tense, prev, lexicon(), parse_words)
    return parse_words(tokenize(text), ctx)


def recognise(text: str, document_date: str) -> bool:
    """Whether the grammar accepts ``text`` as a whole, without skipping a leading "the"
    or preposition (used to decide span boundaries: "recent", not "the recent")."""
    doc = parse_value(document_date)
    ctx = RuleContext(doc, None, doc, lexicon(), parse_words)
    return parse_words(tokenize(text), ctx, strip=False) is not None


def parse_words(words: Words, ctx: RuleContext, *, strip: bool = True) -> Normalized | None:
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


def _parse_core(words: Words, ctx: RuleContext) -> Normalized | None:
    for rule in RULES:
        result = rule.parse(words, ctx)
        if result is not None:
            return result
    return None


@dataclass(frozen=True)
class Rule:
    """One rule of the grammar: its name, its family (the module it lives in) and its parser."""

    name: str
    family: str
    parse: Callable[[Words, RuleContext], Normalized | None]


def _rule(function: Callable[[Words, RuleContext], Normalized | None]) -> Rule:
    return Rule(
        function.__name__.removeprefix("rule_"), function.__module__.rsplit(".", 1)[-1], function
    )


# The first rule that accepts the words wins: the order is part of the grammar.
RULES: tuple[Rule, ...] = tuple(
    _rule(function)
    for function in (
        references.rule_reference,
        references.rule_day_word,
        calendar_dates.rule_numeric_date,
        calendar_dates.rule_year,
        calendar_dates.rule_month,
        calendar_dates.rule_weekday,
        calendar_dates.rule_season,
        calendar_dates.rule_quarter,
        relative.rule_document_unit,
        relative.rule_previous,
        durations.rule_set,
        durations.rule_duration,
        clock.rule_time,
    )
)

__all__ = ["RULES", "Rule", "normalize_expression", "parse_words", "recognise", "tokenize"]
