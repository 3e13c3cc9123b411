"""Rules for lengths and recurrences of time: "five years" -> P5Y, "weekly" -> P1W."""

from __future__ import annotations

from ..calendar import WEEKDAYS
from ..types import Normalized
from .base import (
    RuleContext,
    Words,
    duration_value,
    read_number,
    read_unit,
)

__all__ = ["rule_set", "rule_duration"]


def rule_set(words: Words, ctx: RuleContext) -> Normalized | None:
    """Recurring times: "weekly" -> P1W, "every two years" -> P2Y, "every Monday"."""
    lex = ctx.lex
    if len(words) == 1 and words[0] in lex.set_words:
        return Normalized("SET", lex.set_words[words[0]], None, "none")
    if len(words) >= 2 and words[0] in ("every", "each", "per"):
        if len(words) == 2 and words[1] in WEEKDAYS:
            return Normalized("SET", f"XXXX-WXX-{WEEKDAYS[words[1]] + 1}", None, "none")
        num = read_number(words, 1, lex) or (1.0, 1)
        unit = read_unit(words, num[1], lex)
        if unit and unit[3] == len(words):
            return Normalized("SET", duration_value(num[0], *unit[:3]), None, "none")
    if len(words) == 1 and words[0].endswith("s") and words[0][:-1] in WEEKDAYS:
        return Normalized("SET", f"XXXX-WXX-{WEEKDAYS[words[0][:-1]] + 1}", None, "none")
    return None


def rule_duration(words: Words, ctx: RuleContext) -> Normalized | None:
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
    num = read_number(tuple(w), 0, lex)
    if num is None:
        # "the past decade", "the past year", "years", "decades", "over the years"
        unit = read_unit(tuple(w), 0, lex)
        if unit is None or unit[3] != len(w):
            return None
        plural = w[-1].endswith("s") or w[-1] == "centuries"
        if not plural and len(w) == len(words) - (words[0] == "the"):
            return None  # "year", "the week": a period, not a duration, without "past"
        num = ("X", 0) if plural else (1.0, 0)
    unit = read_unit(tuple(w), num[1], lex)
    if unit is None or unit[3] != len(w):
        return None
    if w[unit[3] - 1] == "second" and w[0] in ("a", "an", "one"):
        return None  # "a second ..." is far more often the ordinal than one second
    return Normalized("DURATION", duration_value(num[0], *unit[:3]), None, "none")
