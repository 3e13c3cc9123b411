"""Corpus boilerplate: a paragraph repeated across many documents of one corpus is page
furniture (editor's notes, "Additional reporting by ...", newsletter and app promos,
sign-offs), found by the corpus rather than by a list.

Each body line is normalised (case, quote marks, white space) and hashed. A line is
furniture when the same line stands in at least ``min_documents`` documents and either
sits at their foot (within the last ``FOOT_LINES`` lines) in most of them, or is short
(a promo or a byline) and quotes nobody. Furniture is inserted into different texts: a
line that in most of its documents stands in a run of lines those documents share (the
run not wholly at their foot, nor all short lines) is syndicated text, one source told
several times, and is left alone like long lines repeated mid-article; the analyser
treats identical sentences as one source. Minutes are their own record: a committee's
attendance lines, movers and resolutions recur from meeting to meeting because that is
what happened, so no line of minutes is furniture or counts toward the corpus's.
Furniture lines are removed with the page debris, so no claim, quote or entity comes
from them.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import islice

from ..extract.minutes.detect import minutes_evidence
from ..records import DocumentKind

__all__ = [
    "LineKey",
    "Boilerplate",
    "find_boilerplate",
    "has_furniture",
    "line_key",
    "line_keys",
]

MIN_DOCUMENTS = 3
FOOT_LINES = 3
FOOT_SHARE = 2 / 3  # of a line's documents that must have it at their foot
SHORT_WORDS = 12
MIN_LETTERS = 8  # shorter lines ("Photo", "2.") say too little to be judged

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
_LETTER = re.compile(r"[^\W\d_]")
# A quotation: a curly pair, or two straight double quotes (a promo quotes nobody).
_QUOTATION = re.compile(r'\u201c[^\u201d]+\u201d|"[^"]+"')


@dataclass(frozen=True)
class LineKey:
    """One body line of one document: its hash, whether it is at the document's foot,
    whether it is short and quotes nobody (may be a promo or byline wherever it stands),
    and the hash of the document's next keyed line (None for the last)."""

    key: str
    at_foot: bool
    short: bool
    next_key: str | None = None


def line_key(text: str) -> str | None:
    """The hash of a line's normalised text, or None for a line too short to judge."""
    normalised = " ".join(text.translate(_QUOTES).casefold().split())
    if sum(1 for _ in islice(_LETTER.finditer(normalised), MIN_LETTERS)) < MIN_LETTERS:
        return None
    return hashlib.blake2b(normalised.encode("utf-8"), digest_size=8).hexdigest()


def has_furniture(body: str, kind: DocumentKind | None = None) -> bool:
    """Whether a document body may hold corpus furniture: not minutes (by the ``kind``
    given, else by the minutes markers of its text)."""
    if kind is not None:
        return kind != DocumentKind.MINUTES
    return not minutes_evidence(body).is_minutes


def line_keys(
    text: str, body_start: int = 0, kind: DocumentKind | None = None
) -> tuple[LineKey, ...]:
    """The keyed lines of a document body, the first (its headline) left out; none for
    minutes (``has_furniture``)."""
    body = text[body_start:]
    if not has_furniture(body, kind):
        return ()
    lines = [line for line in body.split("\n") if line.strip()]
    keyed: list[tuple[str, bool, bool]] = []
    for i, line in enumerate(lines[1:], start=1):
        key = line_key(line)
        if key is not None:
            # The foot is the last lines, and never the first half of a short body.
            at_foot = i >= len(lines) - FOOT_LINES and 2 * i > len(lines)
            short = len(line.split()) <= SHORT_WORDS and not _QUOTATION.search(line)
            keyed.append((key, at_foot, short))
    return tuple(
        LineKey(key, at_foot, short, keyed[i + 1][0] if i + 1 < len(keyed) else None)
        for i, (key, at_foot, short) in enumerate(keyed)
    )


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
    documents = [keys for keys in documents if keys]
    in_documents: Counter[str] = Counter()
    at_foot: Counter[str] = Counter()
    short: dict[str, bool] = {}
    pairs: Counter[tuple[str, str]] = Counter()  # consecutive lines, by documents
    for keys in documents:
        seen: dict[str, bool] = {}
        for line in keys:
            seen[line.key] = seen.get(line.key, False) or line.at_foot
            short[line.key] = short.get(line.key, True) and line.short
        for key, foot in seen.items():
            in_documents[key] += 1
            at_foot[key] += foot
        pairs.update({(k.key, k.next_key) for k in keys if k.next_key is not None})
    shared = {pair for pair, n in pairs.items() if n >= min_documents}
    syndicated: Counter[str] = Counter()
    for keys in documents:
        syndicated.update(_syndicated_lines(keys, shared))
    furniture = frozenset(
        key
        for key, n in in_documents.items()
        if n >= min_documents
        and (short[key] or at_foot[key] >= FOOT_SHARE * n)
        and syndicated[key] * 2 < n
    )
    return Boilerplate(furniture, {k: in_documents[k] for k in furniture})


def _syndicated_lines(keys: tuple[LineKey, ...], shared: set[tuple[str, str]]) -> set[str]:
    """The lines of one document that stand in a run of lines shared with other documents
    (consecutive pairs in ``shared``), the run not wholly at the document's foot and not
    all short lines (a block of labels): text told again, not furniture inserted into it."""
    found: set[str] = set()
    run: list[LineKey] = []
    for line in (*keys, None):
        if run and (line is None or (run[-1].key, line.key) not in shared):
            told = any(not k.short for k in run) and not all(k.at_foot for k in run)
            if len(run) > 1 and told:
                found.update(k.key for k in run)
            run = []
        if line is not None:
            run.append(line)
    return found
