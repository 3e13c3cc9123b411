"""Entity mentions from the parsed document, mapped back to the original text."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span

from ..records import Mention, SourceDocument
from .claims.amounts import parse_amount
from .doc_index import doc_index

NUMERIC_LABELS = frozenset({"CARDINAL", "MONEY", "QUANTITY", "PERCENT"})
TEMPORAL_LABELS = frozenset({"DATE", "TIME"})


def sentence_spans(doc: Doc, source: SourceDocument) -> tuple[tuple[int, int], ...]:
    """Original-text spans of every sentence, in order."""
    index = doc_index(doc, source)
    return tuple(span for span, blank in zip(index.original, index.blank, strict=True) if not blank)


def make_mention(span: Span, label: str, source: SourceDocument, **extra: str | None) -> Mention:
    """A ``Mention`` for a spaCy span, with original offsets and its sentence."""
    start, end = source.offsets.span_to_original(span.start_char, span.end_char)
    sentence_start, sentence_end = doc_index(span.doc, source).original_sentence(span.start)
    return Mention(
        document=source.id,
        start=start,
        end=end,
        label=label,
        text=source.text[start:end],
        sentence_start=sentence_start,
        sentence_end=sentence_end,
        **extra,
    )


def entity_mentions(doc: Doc, source: SourceDocument) -> Iterator[Mention]:
    """Named-entity mentions; numbers get their value as ``normalized``.

    DATE/TIME come from the date normaliser (``temporal``), not from here.
    """
    for ent in doc.ents:
        if ent.label_ in TEMPORAL_LABELS:
            continue
        normalized = None
        if ent.label_ in NUMERIC_LABELS:
            amount = parse_amount(ent.text)
            normalized = amount.as_text() if amount else None
        yield make_mention(ent, ent.label_, source, normalized=normalized)


def rating_mentions(doc: Doc, source: SourceDocument) -> Iterator[Mention]:
    """Inspection ratings found by the rating component; ``normalized`` is the scale value."""
    for span in doc.spans.get("ratings", ()):
        name = span.kb_id_.partition("|")[0]
        yield make_mention(span, "RATING", source, normalized=name)


def sentence_of(doc: Doc, clean_offset: int, source: SourceDocument) -> tuple[int, int]:
    """Original span of the sentence holding the cleaned character ``clean_offset``."""
    span = doc.char_span(clean_offset, clean_offset + 1, alignment_mode="expand")
    if span is None:
        return source.offsets.span_to_original(clean_offset, clean_offset)
    return doc_index(doc, source).original_sentence(span.start)
