"""Rules for words that point at the document's own time: "now", "recently", "today",
"last night", "this morning"."""

from __future__ import annotations

from datetime import timedelta

from ..types import Normalized
from .base import (
    RuleContext,
    Words,
    unresolved,
)

__all__ = ["rule_reference", "rule_day_word"]


def rule_reference(words: Words, ctx: RuleContext) -> Normalized | None:
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


def rule_day_word(words: Words, ctx: RuleContext) -> Normalized | None:
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
        return unresolved(kind)
    day = ctx.doc.start + timedelta(days=offset)
    # Product choice: a part of day keeps the day as value ("last night" -> 2023-03-22);
    # the strict TimeML form with the part-of-day code goes in timeml_value.
    timeml = f"{day.isoformat()}T{part}" if part else None
    return Normalized(kind, day.isoformat(), None, "document", timeml)
