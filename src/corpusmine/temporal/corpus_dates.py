"""Dates across a corpus: place an undated document in the period its corpus was written.

A pile of documents about one story is written over a short period. An undated document
is dated from its own text first (with months placed in the corpus's most common year);
failing that, it is put in the middle of the corpus's explicit dates (header, front
matter, manifest). Either way its ``date_source`` says "inferred".
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..records import DateSource, SourceDocument
from .normalize import normalize_expression

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["CorpusDates", "anchor_date", "date_undated", "dateline"]


@dataclass(frozen=True)
class CorpusDates:
    """Explicit dates of the other documents in the corpus (header, front matter, manifest)."""

    dates: tuple[str, ...] = ()

    @property
    def year(self) -> int | None:
        years = Counter(int(d[:4]) for d in self.dates)
        return years.most_common(1)[0][0] if years else None

    @property
    def typical(self) -> str | None:
        ordered = sorted(self.dates)
        return ordered[len(ordered) // 2] if ordered else None


def date_undated(
    doc: Doc, source: SourceDocument, corpus: CorpusDates
) -> tuple[SourceDocument, tuple[str, str] | None]:
    """The document with its date inferred when no metadata gave one, and the window of
    days that inference allows (None for a document dated by metadata).

    First from the text (latest past event, later scheduled events, "published last
    week"), with months placed in the corpus's year; failing that, the middle of the
    corpus's explicit dates.
    """
    if source.date:
        return source, None
    printed = dateline(source.text)
    if printed is not None:
        return replace(source, date=printed, date_source=DateSource.DATELINE), None
    from .infer import infer_document_date  # reads spaCy Docs

    inferred = infer_document_date(doc, year_hint=corpus.year)
    if inferred.value and inferred.window:
        return replace(
            source, date=inferred.value, date_source=DateSource.INFERRED
        ), inferred.window
    if corpus.typical:
        window = (min(corpus.dates), max(corpus.dates))
        return replace(source, date=corpus.typical, date_source=DateSource.INFERRED), window
    return source, None


# A full calendar date as web copies print it near their top: "November 28, 2005",
# "Sat Nov 12 2011", "9 September 2013", "11/28/05", "2013-09-09".
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|novemer)[a-z]*\.?"
_DATELINE = re.compile(
    rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?[\s-]+(?:19|20)\d\d\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?:19|20)\d\d\b"
    r"|\b\d{1,2}/\d{1,2}/(?:\d\d){1,2}\b|\b(?:19|20)\d\d-\d\d-\d\d\b",
    re.IGNORECASE,
)
DATELINE_CHARS = 300  # how far into the text a printed date is the document's own


def dateline(text: str) -> str | None:
    """The ISO day a document prints near its top, or None."""
    for match in _DATELINE.finditer(text[:DATELINE_CHARS]):
        words = match.group().lower().replace("-", " ").replace("novemer", "november")
        found = normalize_expression(words, document_date=None)
        if found is not None and found.value and len(found.value) == 10:
            return found.value
    return None


def anchor_date(source: SourceDocument, window: tuple[str, str] | None) -> str | None:
    """An ISO day to resolve relative dates against.

    Explicit dates are days; an inferred date is a window of days, whose middle is the
    least-wrong single day.
    """
    if window:
        low, high = dt.date.fromisoformat(window[0]), dt.date.fromisoformat(window[1])
        return (low + (high - low) / 2).isoformat()
    return source.date
