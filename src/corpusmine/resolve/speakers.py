"""Who a quote's speaker or a claim's subject is, once entities are known.

In order: the entity of a reference overlapping the speaker's span; else the entity
whose aliases include the speaker's text (preferring entities of the same document);
else, for a job title, the person the document names as its holder, or the title's
ROLE entity (created when no mention of it exists).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from ..knowledge import relation_nouns
from .names import Name, analyse, straighten
from .refs import Ref, SpanIndex

if TYPE_CHECKING:
    from ..knowledge import NameLexicon as Lexicon


@dataclass
class SpeakerIndex:
    """Everything needed to name the entity behind a span or a piece of text."""

    lex: Lexicon
    spans: dict[str, SpanIndex]
    entity_of: Callable[[Ref], str | None]
    keys: dict[str, set[str]] = field(default_factory=dict)  # name key -> entity ids
    surnames: dict[str, set[str]] = field(default_factory=dict)  # surname -> person ids
    documents: dict[str, set[str]] = field(default_factory=dict)  # entity id -> documents
    role_entities: dict[str, str] = field(default_factory=dict)  # title key -> entity id
    holders: dict[tuple[str, str], str] = field(default_factory=dict)  # (doc, title) -> id
    new_role: Callable[[str, str], str] | None = None  # (title, document) -> entity id
    # (text, type) -> analysed name; the resolver passes its own cache to share it
    analysed: dict[tuple[str, str], Name] = field(default_factory=dict)
    _key_cache: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict, init=False)

    @classmethod
    def build(
        cls,
        lex: Lexicon,
        refs: Iterable[Ref],
        entity_of: Callable[[Ref], str | None],
        **kwargs: object,
    ) -> SpeakerIndex:
        index = cls(lex, {}, entity_of, **kwargs)  # type: ignore[arg-type]
        by_doc: dict[str, list[Ref]] = defaultdict(list)
        for ref in refs:
            entity = entity_of(ref)
            if entity is None:
                continue
            by_doc[ref.document].append(ref)
            index.documents.setdefault(entity, set()).add(ref.document)
            for key in index._keys(ref.text, ref.type):
                index.keys.setdefault(key, set()).add(entity)
            tokens = index._analyse(ref.text, ref.type).tokens
            if ref.type == "PERSON" and len(tokens) >= 2:
                index.surnames.setdefault(tokens[-1], set()).add(entity)
        index.spans = {doc: SpanIndex(items) for doc, items in by_doc.items()}
        return index

    def find(self, document: str, start: int, end: int, text: str, label: str | None) -> str | None:
        """The entity id of a speaker/subject, or None when nothing names it."""
        found = self.span_entity(document, start, end, text, label)
        if found:
            return found
        if self._names_only_others(document, start, end, text, label):
            return None  # "the parents of Max Green": not its speaker, and no one named
        if not text or not text.strip():
            return None
        title = self._title(text)
        if title and (document, title) in self.holders:
            return self.holders[(document, title)]
        kind = "PERSON" if label in (None, "PERSON", "GROUP") else label
        for key in self._keys(text, kind):
            found = self._unique(self.keys.get(key, set()), document)
            if found:
                return found
        person = self._analyse(text, "PERSON")
        if len(person.tokens) == 1 and kind == "PERSON":
            found = self._unique(self.surnames.get(person.tokens[0], set()), document)
            if found:
                return found
        if title and title in self.role_entities:
            return self.role_entities[title]
        if label == "ROLE" and self.new_role is not None:
            key = title or self._analyse(text, "ROLE").key
            if key not in self.role_entities:
                self.role_entities[key] = self.new_role(_without_article(text), document)
            return self.role_entities[key]
        return None

    def span_entity(
        self, document: str, start: int, end: int, text: str | None, label: str | None
    ) -> str | None:
        """The entity of the reference over a speaker's or subject's span, if any (``find``'s
        first step; in a described speaker never one named as its complement)."""
        if start < 0 or end <= start or document not in self.spans:
            return None
        described = text if label in ("GROUP", "ROLE") else None
        return self._by_span(document, start, end, _SPAN_TYPES.get(label or ""), described)

    def _names_only_others(
        self, document: str, start: int, end: int, text: str | None, label: str | None
    ) -> bool:
        """Does a described speaker's span hold a name only as its complement?"""
        if not text or label not in ("GROUP", "ROLE") or start < 0 or end <= start:
            return False
        if document not in self.spans:
            return False
        return any(
            _of_complement(text[: max(r.start - start, 0)])
            for r in self.spans[document].overlapping(start, end)
        )

    def _by_span(
        self,
        document: str,
        start: int,
        end: int,
        types: frozenset[str] | None,
        described: str | None = None,
    ) -> str | None:
        """The entity of the reference the span holds best; in a described speaker
        (``described``, its text from ``start``) never one named as its complement."""
        overlapping = [
            r
            for r in self.spans[document].overlapping(start, end)
            if self.entity_of(r)
            and (types is None or r.type in types)
            and not (described and _of_complement(described[: max(r.start - start, 0)]))
        ]
        if not overlapping:
            return None
        best = max(
            overlapping,
            key=lambda r: (min(r.end, end) - max(r.start, start), r.type != "ROLE", -r.start),
        )
        title = self._title(best.text) if best.type == "ROLE" else None
        if title and (document, title) in self.holders:
            return self.holders[(document, title)]
        return self.entity_of(best)

    def _unique(self, candidates: set[str], document: str) -> str | None:
        """The one candidate of the document, else the one candidate of the corpus."""
        local = {e for e in candidates if document in self.documents.get(e, ())}
        for pool in (local, candidates):
            if len(pool) == 1:
                return next(iter(pool))
        return None

    def _title(self, text: str) -> str | None:
        """The comparison key of ``text`` if it is a job title ("The Executive Director")."""
        key = self._analyse(text, "ROLE").key
        if key in self._known_titles or key in self.role_entities:
            return key
        return None

    @cached_property
    def _known_titles(self) -> frozenset[str]:
        return frozenset(self._analyse(t, "ROLE").key for t in self.lex.titled_roles)

    def _analyse(self, text: str, kind: str) -> Name:
        name = self.analysed.get((text, kind))
        if name is None:
            name = self.analysed[(text, kind)] = analyse(text, kind, self.lex)
        return name

    def _keys(self, text: str, kind: str) -> tuple[str, ...]:
        """Keys a text is looked up by: as its own type, and as a person (honorifics off)."""
        found = self._key_cache.get((text, kind))
        if found is None:
            keys = [self._analyse(text, kind).key]
            if kind != "PERSON":
                keys.append(self._analyse(text, "PERSON").key)
            found = self._key_cache[(text, kind)] = tuple(dict.fromkeys(k for k in keys if k))
        return found


# A speaker labelled PERSON is not the organisation named inside its span ("A spokesman
# for both NNC and WNC" is not NNC).
_SPAN_TYPES = {
    "PERSON": frozenset({"PERSON", "ROLE"}),
    "ROLE": frozenset({"PERSON", "ROLE"}),
    "ORG": frozenset({"ORG"}),
    "GPE": frozenset({"GPE", "ORG"}),
}


# The words before a name inside a described speaker end in "of" and common words: the
# name is the complement ("the parents of Max Green", "the widow of miner Alan Boyd"),
# someone other than the speaker. A comma opens an apposition ("the head of the union,
# Bob Crow") and a name between ("chief executive of Tesco Dave Lewis") heads its own.
# A phrase naming a tie to someone ("the mother of Rovers striker Kofi Mensah", "a friend
# of the dead man, Tom Hale,") has that someone in every name after "of", except an
# apposition after a complement already named ("the daughter of Sir Tom Hale, Anna Hale").
_OF_COMPLEMENT = re.compile(r"\bof(?:\s+[a-z][\w'-]*)*\s*$")
_TIE_OF = re.compile(r"\b([a-z]+) of\b", re.IGNORECASE)
_NAMED = re.compile(r"\b[A-Z][a-z]")


def _of_complement(before: str) -> bool:
    """Is a name preceded by ``before`` (within its speaker's phrase) an of-complement?"""
    tie = next(
        (m for m in _TIE_OF.finditer(before) if m.group(1).lower() in relation_nouns()), None
    )
    if tie is not None:
        complement, comma, _ = before[tie.end() :].rpartition(",")
        return not (comma and _NAMED.search(complement))
    return bool(_OF_COMPLEMENT.search(before.rsplit(",", 1)[-1]))


def _without_article(text: str) -> str:
    words = straighten(text).split()
    if len(words) > 1 and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)
