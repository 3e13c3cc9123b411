"""Dates across a corpus: place an undated document in the period its corpus was written.

A pile of documents about one story is written over a short period. An undated document
is dated from its own text first (with months placed in the corpus's most common year);
failing that, it is put in the middle of the corpus's given dates (metadata, file name,
page or file properties, a printed dateline). Either way its ``date_source`` says
"inferred".

The corpus figures are a function of the given dates alone (an inferred date never
counts), so they cannot oscillate, and they do not depend on the order documents arrive
in. A document dated from them records which figures it used (``CorpusDates.key``), so
a later run redoes it exactly when one of those figures changed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import TYPE_CHECKING

from ..records import DateSource, SourceDocument
from .normalize import normalize_expression

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "CorpusDates",
    "Figure",
    "anchor_date",
    "date_undated",
    "dateline",
    "figures_used",
    "given_date",
]


class Figure(StrEnum):
    """A figure of the corpus that an undated document's date can depend on."""

    YEAR = "year"  # the most common year: places months the text names without a year
    TYPICAL = "typical"  # the middle given date and the span: the fallback date and window


_KEY = "|corpus:"  # marks the figures a stored document's signature was keyed with


@dataclass(frozen=True)
class CorpusDates:
    """Given dates of the corpus's documents, one per document (metadata, file name,
    page or file properties, printed dateline; never an inferred one)."""

    dates: tuple[str, ...] = ()

    @property
    def year(self) -> int | None:
        years = Counter(int(d[:4]) for d in self.dates)
        # A tie goes to the earliest year, whatever order the dates came in.
        return max(years, key=lambda y: (years[y], -y)) if years else None

    @property
    def typical(self) -> str | None:
        ordered = sorted(self.dates)
        return ordered[len(ordered) // 2] if ordered else None

    @property
    def span(self) -> tuple[str, str] | None:
        return (min(self.dates), max(self.dates)) if self.dates else None

    def value(self, figure: Figure) -> str:
        if figure is Figure.YEAR:
            return str(self.year or "")
        span = self.span
        return f"{self.typical}@{span[0]}/{span[1]}" if span else ""

    def key(self, figures: tuple[Figure, ...]) -> str:
        """The part of a stored signature that names ``figures`` with their values here
        (empty for a document that used none)."""
        if not figures:
            return ""
        return _KEY + ",".join(f"{f}={self.value(f)}" for f in figures)

    @staticmethod
    def without_figures(stored: str) -> str:
        """``stored`` (a stored signature) without the figures it was keyed with."""
        start = stored.find(_KEY)
        if start < 0:
            return stored
        end = stored.find("|", start + len(_KEY))
        return stored[:start] + (stored[end:] if end >= 0 else "")

    def rekey(self, stored: str) -> str:
        """``stored`` (a stored signature) with the figures it names valued in this
        corpus: equal to ``stored`` exactly when none of them changed."""
        start = stored.find(_KEY)
        if start < 0:
            return stored
        end = stored.find("|", start + len(_KEY))
        end = len(stored) if end < 0 else end
        named = stored[start + len(_KEY) : end].split(",")
        figures = tuple(Figure(item.partition("=")[0]) for item in named)
        return stored[:start] + self.key(figures) + stored[end:]


def figures_used(
    source: SourceDocument, window: tuple[str, str] | None, corpus: CorpusDates
) -> tuple[Figure, ...]:
    """The corpus figures ``date_undated`` read to date ``source`` (as it returned it).

    A date inferred from the text may have placed months in the corpus's year (the year
    counts whether or not it did: redoing such a document when the year changes is
    cheap and rare); one equal to the middle date with the corpus's span as window came
    from the fallback; an undated document read both and found neither.
    """
    if DateSource(source.date_source).given:
        return ()
    if source.date_source == DateSource.INFERRED and (
        source.date != corpus.typical or window != corpus.span
    ):
        return (Figure.YEAR,)
    return (Figure.YEAR, Figure.TYPICAL)


def given_date(date: str | None, text: str) -> str | None:
    """A document's given date: its metadata's (``date``), else the dateline its text
    prints; what ``date_undated`` keeps without reading the corpus."""
    return date or dateline(text)


def date_undated(
    doc: Doc, source: SourceDocument, corpus: CorpusDates
) -> tuple[SourceDocument, tuple[str, str] | None]:
    """The document with its date inferred when no metadata gave one, and the window of
    days that inference allows (None for a document dated by metadata).

    First a dateline printed at its top; then from the text (latest past event, later
    scheduled events, "published last week"), with months placed in the corpus's year;
    failing that, the middle of the corpus's given dates.
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
    if corpus.typical and corpus.span:
        return replace(source, date=corpus.typical, date_source=DateSource.INFERRED), corpus.span
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
