"""Extract: from a parsed document to mentions, quotes and claims.

Each extractor is a pure function of the spaCy ``Doc`` and its ``SourceDocument``;
records carry original offsets. Nothing here touches the database or prints.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..records import Extraction, SourceDocument
from .mentions import entity_mentions, rating_mentions, sentence_spans

__all__ = ["extract_document"]


def extract_document(doc: Doc, source: SourceDocument) -> Extraction:
    """Every record the extract stage finds in one parsed document."""
    mentions = [*entity_mentions(doc, source, skip_temporal=False), *rating_mentions(doc, source)]
    mentions.sort(key=lambda m: (m.start, m.end, m.label))
    return Extraction(
        document=source,
        mentions=tuple(mentions),
        sentences=sentence_spans(doc, source),
    )
