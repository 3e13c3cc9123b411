"""Who said what: statements with their resolved speakers, filtered as a user asks."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..knowledge.quotes import speaker_named
from ..store import Store, StoredQuote
from .entities import matching_entity_ids, name_key
from .results import Results

FIELDS = ("document", "speaker", "speaker_id", "speaker_mention", "text", "kind", "cue",
          "start", "end", "confidence")  # fmt: skip


@dataclass(frozen=True)
class Statement:
    """One quote or reported statement as ``who-said`` shows it (DESIGN.md's quote)."""

    document: str
    speaker: str  # the canonical entity name, else the words that name the speaker
    speaker_id: str | None
    speaker_mention: str
    text: str
    kind: str
    cue: str
    start: int
    end: int
    confidence: float
    method: str
    joint_with: tuple[str, ...]
    sentence: str
    page: int | None = None  # the PDF page it starts on

    @classmethod
    def of(cls, quote: StoredQuote) -> Statement:
        return cls(
            document=quote.document,
            speaker=quote.speaker_name or speaker_named(quote.speaker_text),
            speaker_id=quote.speaker_id,
            speaker_mention=quote.speaker_text,
            text=quote.text,
            kind=quote.kind,
            cue=quote.cue,
            start=quote.start,
            end=quote.end,
            confidence=quote.confidence,
            method=quote.method,
            joint_with=quote.joint_with,
            sentence=quote.sentence,
            page=quote.page,
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "speaker": self.speaker,
            "speaker_id": self.speaker_id,
            "speaker_mention": self.speaker_mention,
            "text": self.text,
            "kind": self.kind,
            "cue": self.cue,
            "start": self.start,
            "end": self.end,
            "confidence": self.confidence,
            "method": self.method,
            "joint_with": list(self.joint_with),
            "sentence": self.sentence,
            "page": self.page,
        }


def uncertain_below() -> float:
    """Attributions with a confidence under this are marked uncertain."""
    from ..knowledge import quote_lexicon

    return quote_lexicon().uncertain_below


def statements(store: Store) -> list[Statement]:
    """Every statement of the corpus, in text order."""
    return [Statement.of(q) for q in store.quotes()]


def who_said(
    store: Store,
    speaker: str | None = None,
    about: str | None = None,
    document: str | None = None,
    kind: str | None = None,
) -> Results[Statement]:
    """Statements by ``speaker`` (matched through every alias), ``about`` some words or
    entity, in one document, of one kind; each filter only when given."""
    if speaker:
        ids = matching_entity_ids(store, speaker)
        key = name_key(speaker)
        # SQLite keeps the speaker's quotes and the unresolved ones that may name them
        # (their words hold the key's longest run of letters), not the whole corpus.
        runs = sorted(re.findall(r"[a-z0-9]+", key), key=len)
        quotes = store.quotes(
            document, kind, speaker_ids=ids, unresolved_like=runs[-1] if runs else ""
        )
        found = [Statement.of(q) for q in quotes]
        found = [
            s
            for s in found
            if s.speaker_id in ids
            or (s.speaker_id is None and key and key in name_key(s.speaker_mention))
        ]
    else:
        found = [Statement.of(q) for q in store.quotes(document, kind)]
    if about:
        found = _about(store, found, about)
    return Results(found)


def _about(store: Store, found: list[Statement], about: str) -> list[Statement]:
    """Keep statements whose text has every word of ``about``, or mentions that entity."""
    words = about.lower().split()
    entity_ids = matching_entity_ids(store, about)
    spans: dict[str, list[tuple[int, int]]] = {}
    if entity_ids:
        for span in store.mention_spans(entity_ids=entity_ids):
            spans.setdefault(span.document, []).append((span.start, span.end))
    kept = []
    for s in found:
        lowered = s.text.lower().replace("’", "'")
        if all(w.replace("’", "'") in lowered for w in words) or any(
            s.start <= start and end <= s.end for start, end in spans.get(s.document, ())
        ):
            kept.append(s)
    return kept
