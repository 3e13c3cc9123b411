"""The dates claims use: points in time only, with their ISO value and tense.

Values come from the DATE/TIME mentions the temporal stage normalised against the
document date. When a mention carries no value but the document is dated, the expression
is normalised here with :func:`corpusmine.temporal.normalize_expression`, so claims do not
depend on the order in which the stages were wired.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from ...records import Mention
from ...temporal import normalize_expression
from ...temporal.tense import span_tense
from .context import ClaimContext

DATE_LABELS = frozenset({"DATE", "TIME"})
_POINT_TYPES = frozenset({"DATE", "TIME"})


@lru_cache(maxsize=4096)
def _kind(text: str) -> str | None:
    norm = normalize_expression(text, document_date="2000-06-15")
    return norm.type if norm is not None else None


def is_point_in_time(ctx: ClaimContext, mention: Mention) -> bool:
    """True for a date or time ("last November"), False for durations and sets
    ("more than a year", "daily") and for expressions the grammar does not know."""
    if mention.normalized and mention.normalized.startswith(("P", "R")):
        return False
    return _kind(mention.text) in _POINT_TYPES


def tense_at(ctx: ClaimContext, start: int, end: int) -> str | None:
    """Tense of the verb governing tokens ``[start, end)``: past, present, future or None."""
    return span_tense(ctx.doc[start:end])


def date_value(ctx: ClaimContext, mention: Mention, start: int, end: int) -> str | None:
    """The ISO value of a date mention, resolved against the document date if needed."""
    if mention.normalized:
        return mention.normalized
    if not ctx.source.date:
        return None
    norm = normalize_expression(
        mention.text, document_date=ctx.source.date, tense=tense_at(ctx, start, end)
    )
    return norm.value if norm is not None else None


def root_of(ctx: ClaimContext, start: int, end: int) -> Token:
    """The token of ``[start, end)`` whose head lies outside the span."""
    for token in ctx.doc[start:end]:
        if not (start <= token.head.i < end) or token.head is token:
            return token
    return ctx.doc[end - 1]
