"""Find and normalise every time expression of one parsed document."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from .calendar import parse_value
from .normalize import normalize_expression, recognise
from .spans import find_candidates
from .tense import span_tense
from .types import Timex

# Used only to decide whether the grammar recognises a span when the document is undated.
_PROBE_DATE = "2000-06-15"
_CACHE_KEY = "corpusmine.temporal.candidates"


@lru_cache(maxsize=65536)
def _recognised(text: str, document_date: str) -> bool:
    return recognise(text, document_date)


def _candidates(doc: Doc) -> list:
    """Span candidates of ``doc``, found once and kept on the Doc.

    Whether the grammar accepts a span does not depend on the document date, so the
    same spans serve date inference (undated) and annotation (dated).
    """
    cached = doc.user_data.get(_CACHE_KEY)
    if cached is None:
        cached = find_candidates(doc, lambda text: _recognised(text, _PROBE_DATE))
        doc.user_data[_CACHE_KEY] = cached
    return cached


def annotate_dates(doc: Doc, document_date: str | None) -> list[Timex]:
    """Every DATE/TIME/DURATION/SET expression of ``doc`` with its TimeML value.

    Relative expressions resolve against ``document_date`` (ISO; None leaves them
    unresolved) or, for "a month later"/"the following year", against the last date
    mentioned before them. The tense of the governing verb picks past or future
    occurrences of bare months and weekdays.
    """
    candidates = _candidates(doc)
    previous: str | None = document_date
    found: list[Timex] = []
    for cand in candidates:
        span = doc[cand.start : cand.end]
        norm = None
        if cand.parses:
            norm = normalize_expression(
                span.text, document_date=document_date, tense=span_tense(span), previous=previous
            )
        if norm is None:
            kind = "TIME" if cand.label == "TIME" else "DATE"
            found.append(Timex(span.start_char, span.end_char, span.text, kind, None))
            continue
        found.append(
            Timex(
                span.start_char,
                span.end_char,
                span.text,
                norm.type,
                norm.value,
                norm.mod,
                norm.anchor,
                norm.timeml_value,
            )
        )
        # A resolved calendar date becomes the anchor of later "a month later"s.
        calendar = parse_value(norm.value) is not None
        if norm.type in ("DATE", "TIME") and norm.anchor != "none" and calendar:
            previous = norm.value
    return found
