"""One parsed document in, every record of the extract stage out."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from ..records import Extraction, Mention, SourceDocument
from ..temporal import annotate_dates, infer_document_date
from .claims import extract_claims
from .mentions import entity_mentions, rating_mentions, sentence_of, sentence_spans
from .quotes import extract_quotes


@dataclass(frozen=True)
class CorpusDates:
    """Explicit dates of the other documents in the corpus (header, front matter, manifest).

    A pile of documents about one story is written over a short period; an undated
    document whose text gives no usable clue is placed in that period, and says so.
    """

    dates: tuple[str, ...] = ()

    @property
    def year(self) -> int | None:
        years = Counter(int(d[:4]) for d in self.dates)
        return years.most_common(1)[0][0] if years else None

    @property
    def typical(self) -> str | None:
        ordered = sorted(self.dates)
        return ordered[len(ordered) // 2] if ordered else None


def extract_document(
    doc: Doc, source: SourceDocument, corpus: CorpusDates | None = None
) -> Extraction:
    """Every record the extract stage finds in one parsed document."""
    source, window = _dated(doc, source, corpus or CorpusDates())
    mentions = [
        *entity_mentions(doc, source),
        *rating_mentions(doc, source),
        *date_mentions(doc, source, window),
    ]
    mentions.sort(key=lambda m: (m.start, m.end, m.label))
    quotes = extract_quotes(doc, source)
    claims = extract_claims(doc, source, mentions, quotes)
    return Extraction(
        document=source,
        mentions=tuple(mentions),
        quotes=quotes,
        claims=claims,
        sentences=sentence_spans(doc, source),
        date_window=window,
    )


def _dated(
    doc: Doc, source: SourceDocument, corpus: CorpusDates
) -> tuple[SourceDocument, tuple[str, str] | None]:
    """The document with its date inferred when no metadata gave one.

    First from the text (latest past event, later scheduled events, "published last
    week"), with months placed in the corpus's year; failing that, the middle of the
    corpus's explicit dates. Either way ``date_source`` is "inferred".
    """
    if source.date:
        return source, None
    inferred = infer_document_date(doc, year_hint=corpus.year)
    if inferred.value and inferred.window:
        return replace(source, date=inferred.value, date_source="inferred"), inferred.window
    if corpus.typical:
        window = (min(corpus.dates), max(corpus.dates))
        return replace(source, date=corpus.typical, date_source="inferred"), window
    return source, None


def date_mentions(
    doc: Doc, source: SourceDocument, window: tuple[str, str] | None = None
) -> list[Mention]:
    """DATE/TIME/DURATION/SET mentions with TimeML values anchored on the document date."""
    found = []
    for timex in annotate_dates(doc, _anchor_date(source, window)):
        start, end = source.offsets.span_to_original(timex.start, timex.end)
        sentence_start, sentence_end = sentence_of(doc, timex.start, source)
        found.append(
            Mention(
                document=source.id,
                start=start,
                end=end,
                label=timex.type,
                text=source.text[start:end],
                sentence_start=sentence_start,
                sentence_end=sentence_end,
                normalized=timex.value,
                date_mod=timex.mod,
            )
        )
    return found


def _anchor_date(source: SourceDocument, window: tuple[str, str] | None) -> str | None:
    """An ISO day to resolve relative dates against.

    Explicit dates are days; an inferred date is a window of days, whose middle is the
    least-wrong single day.
    """
    if window:
        low, high = dt.date.fromisoformat(window[0]), dt.date.fromisoformat(window[1])
        return (low + (high - low) / 2).isoformat()
    return source.date
