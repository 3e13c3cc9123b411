"""Sentences and entities of one parsed document, looked up by token index.

spaCy computes ``token.sent``, ``span.sent``, ``span.text`` and ``sent.ents`` by walking
tokens each time; the extractors ask those questions tens of times per sentence. This
index answers them from lists built once per Doc (kept in ``doc.user_data``).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..records import SourceDocument

if TYPE_CHECKING:  # annotations only: modules the analyser imports must not load spaCy
    from spacy.tokens import Doc, Span

_CACHE_KEY = "corpusmine.doc_index"


@dataclass(frozen=True)
class DocIndex:
    starts: tuple[int, ...]  # first token of each sentence
    ends: tuple[int, ...]  # token after the last of each sentence
    original: tuple[tuple[int, int], ...]  # original offsets, surrounding white space trimmed
    blank: tuple[bool, ...]  # the sentence is only white space
    entity_at: dict[int, Span]  # token -> the entity holding it, if inside one sentence

    def sentence_number(self, token: int) -> int:
        return bisect_right(self.starts, token) - 1

    def sentence_start(self, token: int) -> int:
        """First token of the sentence holding ``token`` (what ``token.sent.start`` gives)."""
        return self.starts[self.sentence_number(token)]

    def original_sentence(self, token: int) -> tuple[int, int]:
        """Original offsets of the sentence holding ``token``, white space trimmed."""
        return self.original[self.sentence_number(token)]

    def entity(self, token: int) -> Span | None:
        return self.entity_at.get(token)


def trimmed_chars(text: str, start: int, end: int) -> tuple[int, int]:
    """``text[start:end]`` without surrounding white space, as (start, end); an empty
    span at ``end`` if it is all white space. Slicing ``doc.text`` by a span's characters
    gives exactly ``span.text``, without a Python join over its tokens."""
    piece = text[start:end]
    first = start + (len(piece) - len(piece.lstrip()))
    last = end - (len(piece) - len(piece.rstrip()))
    return first, max(first, last)


def doc_index(doc: Doc, source: SourceDocument) -> DocIndex:
    """The index of ``doc`` (built on first use)."""
    cached = doc.user_data.get(_CACHE_KEY)
    if cached is None:
        cached = doc.user_data[_CACHE_KEY] = _build(doc, source)
    return cached


def _build(doc: Doc, source: SourceDocument) -> DocIndex:
    text = doc.text
    starts, ends, original, blank = [], [], [], []
    for sent in doc.sents:
        starts.append(sent.start)
        ends.append(sent.end)
        start, end = trimmed_chars(text, sent.start_char, sent.end_char)
        blank.append(start == end)
        original.append(source.offsets.span_to_original(start, end))
    index = DocIndex(tuple(starts), tuple(ends), tuple(original), tuple(blank), {})
    for ent in doc.ents:
        # As ``token.sent.ents``: an entity running across a sentence break belongs to
        # neither sentence.
        sentence = index.sentence_number(ent.start)
        if ent.end <= index.ends[sentence]:
            for position in range(ent.start, ent.end):
                index.entity_at[position] = ent
    return index
