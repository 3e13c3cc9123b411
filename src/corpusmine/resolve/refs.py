"""References: every place in a text that names an entity.

Most references are the stored mentions. Resolution adds a few it finds itself, which
are not rows of the mentions table: names the NER missed but that the corpus uses
elsewhere ("Northamptonshire's Children's Trust's" in a caption, found by ``rescan``),
long forms of acronyms ("an independent fostering agency (IFA)"), both halves of a
coordination ("West and North Northants Council") and definite descriptions ("the
trust"), the last three from the candidate references extract stored.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from operator import attrgetter

from ..knowledge import title_small_words
from .names import straight_apostrophes, straighten, strip_possessive

MENTION = "mention"
RESCAN = "rescan"
LONG_FORM = "long-form"
COORDINATION = "coordination"
DESCRIPTION = "description"

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’&.\-]*[A-Za-z0-9'’]|[A-Za-z0-9&]")


@dataclass(frozen=True, slots=True)
class Ref:
    """One reference: where it is, how it is written, its entity type and origin."""

    document: str
    start: int
    end: int
    text: str
    type: str
    origin: str = MENTION
    row: int | None = None  # mention row id, for stored mentions
    # A node id independent of row ids and of the order documents came in. It and the
    # hash are computed once: references are sorted by node and kept in many sets.
    node: tuple[str, ...] = field(init=False, repr=False, compare=False)
    _hash: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        node = ("ref", self.document, f"{self.start:09d}", f"{self.end:09d}", self.origin,
                self.type, self.text)  # fmt: skip
        object.__setattr__(self, "node", node)
        values = (self.document, self.start, self.end, self.text, self.type, self.origin, self.row)
        object.__setattr__(self, "_hash", hash(values))  # the hash a dataclass would have

    def __hash__(self) -> int:
        return self._hash


class SpanIndex:
    """References of one document by position, to find overlaps quickly."""

    def __init__(self, refs: Iterable[Ref]) -> None:
        self.refs = sorted(refs, key=attrgetter("start", "end"))
        self._starts = [r.start for r in self.refs]
        self._longest = max((r.end - r.start for r in self.refs), default=0)

    def overlapping(self, start: int, end: int) -> list[Ref]:
        i = bisect_left(self._starts, start - self._longest)
        out = []
        for ref in self.refs[i:]:
            if ref.start >= end:
                break
            if ref.end > start:
                out.append(ref)
        return out


def rescan(
    texts: Mapping[str, str],
    names: Mapping[str, str],
    taken: Mapping[str, SpanIndex],
    function_words: frozenset[str] = frozenset(),
) -> list[Ref]:
    """Occurrences of known names (display form -> type) that no reference covers yet.

    Matching is word by word and case-sensitive, longest name first; a possessive "'s"
    on the last word is allowed ("Children's Trust's"). A one-word name counts only
    standing alone: no capitalised word next to it on its line but a function word
    ("The Colts"), so "Smith" is not found inside "Will Smith".
    """
    known = _KnownNames(names)
    known.function_words = function_words
    found: list[Ref] = []
    for document in sorted(texts):
        text = texts[document]
        matches = list(_WORD.finditer(text))
        words = _straight_words(text, matches)
        free = 0  # words before this one are part of a name found already
        for i in known.starts(words):
            match = known.longest_at(words, i, matches, text) if i >= free else None
            if match is None:
                continue
            n, kind = match
            if n == 1 and not _stands_alone(words, i, matches, text, known.function_words):
                continue
            start, end = matches[i].start(), matches[i + n - 1].end()
            last = words[i + n - 1]
            if strip_possessive(last) != last:
                end -= 2 if last.endswith("'s") else 1
            if not taken.get(document) or not taken[document].overlapping(start, end):
                found.append(Ref(document, start, end, text[start:end], kind, RESCAN))
            free = i + n
        found += _in_capitals(document, text, known, taken.get(document))
    return found


def _in_capitals(
    document: str, text: str, known: _KnownNames, taken: SpanIndex | None
) -> list[Ref]:
    """Known names in a line written in capitals ("COLTS TOP CHIEFS, 20-13"): each word
    read as the name it spells, longest first (every word of such a line is capitalised,
    so a one-word name needs no space around it)."""
    found: list[Ref] = []
    offset = 0
    for line in text.split("\n"):
        letters = [c for c in line if c.isalpha()]
        if len(letters) >= 6 and all(c.isupper() for c in letters):
            matches = list(_WORD.finditer(line))
            written = _straight_words(line, matches)
            words = [known.title_form(w) for w in written]
            i = 0
            last_end = -1  # the word after the last name found
            while i < len(words):
                match = known.longest_at(words, i, matches, line) if words[i] != "\0" else None
                if match is None:
                    i += 1
                    continue
                n, kind = match
                if n == 1 and not _alone_in_capitals(written, words, i, matches, line, known,
                                                     i == last_end):  # fmt: skip
                    i += 1
                    continue
                last_end = i + n
                start, end = offset + matches[i].start(), offset + matches[i + n - 1].end()
                if taken is None or not taken.overlapping(start, end):
                    found.append(Ref(document, start, end, text[start:end], kind, RESCAN))
                i += n
        offset += len(line) + 1
    return found


def _alone_in_capitals(
    written: list[str],
    words: list[str],
    i: int,
    matches: list[re.Match[str]],
    line: str,
    known: _KnownNames,
    after_a_name: bool,
) -> bool:
    """Is a one-word name at ``i`` of a capitals line set apart on both sides: by the
    line's edge, punctuation, a number, a function word or another known name? In "WILL SMITH FILM
    PREMIERE" the word SMITH may be any Smith's (or none's): it is not read."""
    for k in (i - 1, i + 1):
        if not 0 <= k < len(words):
            continue
        a, b = (matches[k].end(), matches[i].start()) if k < i else (
            matches[i].end(), matches[k].start())  # fmt: skip
        if line[a:b].strip(" -"):
            continue  # punctuation between
        small = written[k].lower()
        if small in known.function_words or small in title_small_words() or small[:1].isdigit():
            continue  # "AT WAITROSE:", "COLTS 20, CHIEFS 13"
        if k == i - 1 and after_a_name:
            continue
        if k == i + 1 and words[k] != "\0" and known.longest_at(words, k, matches, line):
            continue
        if _name_beyond(words, k, k - i, matches, line, known):
            continue  # one word between two names: "COLTS TOP CHIEFS", "COLTS BEAT CHIEFS"
        return False
    return True


def _name_beyond(
    words: list[str],
    k: int,
    step: int,
    matches: list[re.Match[str]],
    line: str,
    known: _KnownNames,
) -> bool:
    """Is the word past ``k`` (one more ``step`` away from the name) a one-word known
    name, with nothing but a space on either side of ``k``?"""
    j = k + step
    if not 0 <= j < len(words) or words[j] == "\0":
        return False
    for x, y in sorted(((k, j), (k, k - step))):
        if line[matches[x].end() : matches[y].start()].strip(" "):
            return False
    found = known.longest_at(words, j, matches, line)
    return found is not None and found[0] == 1


class _KnownNames:
    """Names by their words, for ``rescan``: a window of the text is looked up whole
    instead of being compared with every name that starts with its first word."""

    function_words: frozenset[str] = frozenset()

    def __init__(self, names: Mapping[str, str]) -> None:
        self._upper: dict[str, str] | None = None  # "COLTS" -> "Colts", built on first use
        self._lengths: dict[str, list[int]] = defaultdict(list)  # first word -> lengths
        self._by_words: dict[tuple[str, ...], tuple[str, str]] = {}  # -> (display, type)
        for display, kind in sorted(names.items()):
            words = tuple(straighten(display).split())
            if not words:
                continue
            # Of names written alike, the first in A-Z order of display form wins.
            self._by_words.setdefault(words, (display, kind))
            if len(words) not in self._lengths[words[0]]:
                self._lengths[words[0]].append(len(words))
        for lengths in self._lengths.values():
            lengths.sort(reverse=True)

    def title_form(self, word: str) -> str:
        """The known word an all-capitals word spells ("COLTS" -> "Colts"), else a word
        no name has ("\0")."""
        if self._upper is None:
            self._upper = {}
            for words in sorted(self._by_words):
                for w in words:
                    self._upper.setdefault(w.upper(), w)
        return self._upper.get(word, "\0")

    def starts(self, words: list[str]) -> list[int]:
        """Positions of the words that begin some name."""
        lengths = self._lengths
        return [i for i, word in enumerate(words) if word in lengths]

    def longest_at(
        self, words: list[str], i: int, matches: list[re.Match[str]], text: str
    ) -> tuple[int, str] | None:
        """(word count, type) of the longest name written at word ``i``, if any."""
        for n in self._lengths.get(words[i], ()):
            if i + n > len(words):
                continue
            window = tuple(words[i : i + n])
            found = self._by_words.get(window)
            last = window[-1]
            if n >= 2 and last[-1] in "sS'":  # "Children's Trust's": the name either way
                last = strip_possessive(last)
            if last != window[-1]:
                other = self._by_words.get((*window[:-1], last))
                if other is not None and (found is None or other < found):
                    found = other
            if found is not None and not _runs_over_line(matches, i, n, text):
                return n, found[1]
        return None


def _stands_alone(
    words: list[str],
    i: int,
    matches: list[re.Match[str]],
    text: str,
    function_words: frozenset[str],
) -> bool:
    """Is word ``i`` (a one-word name) not part of a longer capitalised run?"""
    for k in (i - 1, i + 1):
        if not 0 <= k < len(words):
            continue
        a, b = (matches[k].end(), matches[i].start()) if k < i else (
            matches[i].end(), matches[k].start())  # fmt: skip
        gap = text[a:b]
        if gap.strip() and gap.strip() not in ("'s", "’s", "'"):
            continue  # punctuation between: not one name
        if "\n" in gap:
            continue
        word = words[k]
        if word[0].isupper() and word.lower() not in function_words:
            return False
        if word[0].isdigit():
            return False
    return True


def _runs_over_line(matches: list[re.Match[str]], i: int, n: int, text: str) -> bool:
    """A name does not run over a line break: is there one between words i .. i+n-1?"""
    return any("\n" in text[matches[k - 1].end() : matches[k].start()] for k in range(i + 1, i + n))


def _straight_words(text: str, matches: list[re.Match[str]]) -> list[str]:
    """The matched words with apostrophes straightened, as ``straighten`` would (a word
    has no whitespace); sliced out of the straightened text in one pass."""
    plain = straight_apostrophes(text)
    spans = map(slice, map(re.Match.start, matches), map(re.Match.end, matches))
    return list(map(plain.__getitem__, spans))


def by_document(refs: Iterable[Ref]) -> dict[str, list[Ref]]:
    """``refs`` grouped by their document, each group in the order given."""
    found: dict[str, list[Ref]] = defaultdict(list)
    for ref in refs:
        found[ref.document].append(ref)
    return found


def majority_type(types: Iterable[str]) -> str:
    """The most frequent type; ties go to PERSON, ORG, GPE, then the rest."""
    order = {"PERSON": 0, "ORG": 1, "GPE": 2, "PRODUCT": 3, "OTHER": 4, "ROLE": 5}
    counts = Counter(types)
    return min(counts, key=lambda t: (-counts[t], order.get(t, 9), t))
