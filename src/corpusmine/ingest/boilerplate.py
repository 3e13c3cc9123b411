"""Corpus boilerplate: a paragraph repeated across many documents of one corpus is page
furniture (editor's notes, "Additional reporting by ...", newsletter and app promos,
sign-offs), found by the corpus rather than by a list.

Each body line is normalised (case, quote marks, white space) and hashed. A line is
furniture when the same line stands in at least ``min_documents`` documents and either
sits at their foot (within the last ``FOOT_LINES`` lines) in most of them, or is short
(a promo or a byline). Long lines repeated in the middle of several articles are left
alone: they are syndicated text, one source told several times, and the analyser treats
identical sentences as one source. Furniture lines are removed with the page debris, so
no claim, quote or entity comes from them.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import islice

__all__ = ["LineKey", "Boilerplate", "find_boilerplate", "line_key", "line_keys"]

MIN_DOCUMENTS = 3
FOOT_LINES = 3
FOOT_SHARE = 2 / 3  # of a line's documents that must have it at their foot
SHORT_WORDS = 12
MIN_LETTERS = 8  # shorter lines ("Photo", "2.") say too little to be judged

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class LineKey:
    """One body line of one document: its hash, whether it is at the document's foot,
    and whether it is short."""

    key: str
    at_foot: bool
    short: bool


def line_key(text: str) -> str | None:
    """The hash of a line's normalised text, or None for a line too short to judge."""
    normalised = " ".join(text.translate(_QUOTES).casefold().split())
    if sum(1 for _ in islice(_LETTER.finditer(normalised), MIN_LETTERS)) < MIN_LETTERS:
        return None
    return hashlib.blake2b(normalised.encode("utf-8"), digest_size=8).hexdigest()


def line_keys(text: str, body_start: int = 0) -> tuple[LineKey, ...]:
    """The keyed lines of a document body, the first (its headline) left out."""
    lines = [line for line in text[body_start:].split("\n") if line.strip()]
    found = []
    for i, line in enumerate(lines[1:], start=1):
        key = line_key(line)
        if key is not None:
            at_foot = i >= len(lines) - FOOT_LINES
            found.append(LineKey(key, at_foot, len(line.split()) <= SHORT_WORDS))
    return tuple(found)


@dataclass(frozen=True)
class Boilerplate:
    """The furniture lines of a corpus (by hash) and how many documents carry each."""

    keys: frozenset[str] = frozenset()
    documents: Mapping[str, int] | None = None  # hash -> number of documents

    def __contains__(self, text: object) -> bool:
        return isinstance(text, str) and line_key(text) in self.keys

    def digest_of(self, lines: Iterable[LineKey]) -> str:
        """A short digest of the furniture among a document's keyed ``lines`` (empty if
        none): a document whose furniture changes must be extracted again."""
        present = sorted({k.key for k in lines} & self.keys)
        if not present:
            return ""
        return "|bp:" + hashlib.blake2b("".join(present).encode(), digest_size=6).hexdigest()


def find_boilerplate(
    documents: Iterable[tuple[LineKey, ...]], min_documents: int = MIN_DOCUMENTS
) -> Boilerplate:
    """The furniture of a corpus, from each document's keyed lines."""
    in_documents: Counter[str] = Counter()
    at_foot: Counter[str] = Counter()
    short: dict[str, bool] = {}
    for keys in documents:
        seen: dict[str, bool] = {}
        for line in keys:
            seen[line.key] = seen.get(line.key, False) or line.at_foot
            short[line.key] = line.short
        for key, foot in seen.items():
            in_documents[key] += 1
            at_foot[key] += foot
    furniture = frozenset(
        key
        for key, n in in_documents.items()
        if n >= min_documents and (short[key] or at_foot[key] >= FOOT_SHARE * n)
    )
    return Boilerplate(furniture, {k: in_documents[k] for k in furniture})
