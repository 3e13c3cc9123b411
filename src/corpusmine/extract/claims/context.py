"""What every claim rule needs about one document: offsets, mentions, quotes, acronyms.

spaCy works on the cleaned text while records carry offsets into the original text; this
module is the one place that translates between the two for the claim extractor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # Annotations only: the analyser imports this module and must not load spaCy.
    from spacy.tokens import Doc, Span, Token

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from ...knowledge import name_lexicon as lexicon
from ...knowledge.quotes import speaker_named
from ...records import Mention, Quote, SourceDocument
from ..doc_index import doc_index
from ..references.acronyms import find_definitions
from .records import Phrase


class ClaimContext:
    """One parsed document with lookups from tokens to mentions, quotes and offsets."""

    def __init__(
        self,
        doc: Doc,
        source: SourceDocument,
        mentions: Sequence[Mention],
        quotes: Sequence[Quote],
    ) -> None:
        self.doc = doc
        self.source = source
        self.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        self._mention_starts = [m.start for m in self.mentions]
        self.quotes = tuple(quotes)
        self._token_starts = source.offsets.to_original_ascending(doc.to_array("IDX").tolist())
        self.acronyms = find_acronyms(source.clean)
        self.index = doc_index(doc, source)
        # What a rule works out once per document and reads from many sentences.
        self.memo: dict[str, object] = {}

    # --- offsets ----------------------------------------------------------------------

    def span_offsets(self, start_token: int, end_token: int) -> tuple[int, int]:
        """Original offsets of the tokens ``[start_token, end_token)``."""
        first, last = self.doc[start_token], self.doc[end_token - 1]
        return self.source.offsets.span_to_original(first.idx, last.idx + len(last.text))

    def sentence_offsets(self, sent: Span) -> tuple[int, int]:
        """Original offsets of a sentence, without surrounding white space."""
        return self.index.original_sentence(sent.start)

    def original_text(self, start: int, end: int) -> str:
        return self.source.text[start:end]

    def token_at(self, original_offset: int) -> int | None:
        """Index of the token starting at or covering an original offset."""
        i = bisect_left(self._token_starts, original_offset)
        if i < len(self._token_starts) and self._token_starts[i] == original_offset:
            return i
        return i - 1 if i > 0 else None

    # --- mentions ---------------------------------------------------------------------

    def mention_tokens(self, mention: Mention) -> tuple[int, int] | None:
        """Token range ``[start, end)`` covered by a mention, or None if it maps to none."""
        first = self.token_at(mention.start)
        if first is None:
            return None
        last = first
        while last + 1 < len(self.doc) and self._token_starts[last + 1] < mention.end:
            last += 1
        return first, last + 1

    def mentions_in(self, sent: Span, labels: frozenset[str]) -> list[tuple[Mention, int, int]]:
        """Mentions with one of ``labels`` inside a sentence, with their token ranges."""
        start, end = self.sentence_offsets(sent)
        found = []
        first = bisect_left(self._mention_starts, start)
        for mention in self.mentions[first : bisect_right(self._mention_starts, end)]:
            if mention.label in labels and mention.end <= end:
                tokens = self.mention_tokens(mention)
                if tokens is not None:
                    found.append((mention, *tokens))
        return found

    # --- speakers ---------------------------------------------------------------------

    def speaker_at(self, original_offset: int) -> str | None:
        """The speaker of the quote that contains an offset (reported speech), if any.

        A bare pronoun the quote finder could not resolve ("he said" with nobody named
        before) names nobody: as a claim's speaker it would pool every such claim of the
        corpus under "he" and match any name containing it."""
        for quote in self.quotes:
            if quote.start <= original_offset < quote.end:
                return speaker_named(quote.speaker_text or "") or None
        return None

    # --- phrases ----------------------------------------------------------------------

    def phrase(self, start_token: int, end_token: int) -> Phrase:
        """A phrase over tokens, a leading determiner and trailing punctuation removed."""
        doc = self.doc
        while start_token < end_token - 1 and doc[start_token].dep_ == "det":
            start_token += 1
        while end_token - 1 > start_token and doc[end_token - 1].is_punct:
            end_token -= 1
        start, end = self.span_offsets(start_token, end_token)
        return Phrase(" ".join(self.original_text(start, end).split()), start, end)

    def expand_acronym(self, text: str) -> str:
        """The words an acronym stands for in this document, else the text unchanged."""
        return self.acronyms.get(text.strip(), text)


def find_acronyms(text: str) -> dict[str, str]:
    """Acronyms defined in the text (the one finder, ``extract.references``): short -> long."""
    found: dict[str, str] = {}
    for definition in find_definitions("", text, lexicon()):
        found.setdefault(definition.short, " ".join(definition.long.split()))
    return found


def token_lower(token: Token) -> str:
    """Lower-case form with curly apostrophes made straight."""
    return token.lower_.replace("’", "'")
