"""References: every place in a text that names an entity.

Most references are the stored mentions. Resolution adds a few it finds itself, which
are not rows of the mentions table: names the NER missed but that the corpus uses
elsewhere ("Northamptonshire's Children's Trust's" in a caption), long forms of
acronyms ("an independent fostering agency (IFA)"), both halves of a coordination ("West
and North Northants Council") and definite descriptions ("the trust").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from .names import straighten, strip_possessive

MENTION = "mention"
RESCAN = "rescan"
LONG_FORM = "long-form"
COORDINATION = "coordination"
DESCRIPTION = "description"

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’&.\-]*[A-Za-z0-9'’]|[A-Za-z0-9&]")


@dataclass(frozen=True)
class Ref:
    """One reference: where it is, how it is written, its entity type and origin."""

    document: str
    start: int
    end: int
    text: str
    type: str
    origin: str = MENTION
    row: int | None = None  # mention row id, for stored mentions

    @property
    def node(self) -> tuple[str, ...]:
        """A node id independent of row ids and of the order documents came in."""
        return ("ref", self.document, f"{self.start:09d}", f"{self.end:09d}", self.origin,
                self.type, self.text)  # fmt: skip


class SpanIndex:
    """References of one document by position, to find overlaps quickly."""

    def __init__(self, refs: Iterable[Ref]) -> None:
        self.refs = sorted(refs, key=lambda r: (r.start, r.end))
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
) -> list[Ref]:
    """Occurrences of known names (display form -> type) that no reference covers yet.

    Matching is word by word and case-sensitive, longest name first; a possessive "'s"
    on the last word is allowed ("Children's Trust's").
    """
    by_first: dict[str, list[tuple[tuple[str, ...], str, str]]] = defaultdict(list)
    for display, kind in names.items():
        words = tuple(straighten(display).split())
        if words:
            by_first[words[0]].append((words, display, kind))
    for options in by_first.values():
        options.sort(key=lambda o: (-len(o[0]), o[1]))
    found: list[Ref] = []
    for document in sorted(texts):
        text = texts[document]
        tokens = [(straighten(m.group()), m.start(), m.end()) for m in _WORD.finditer(text)]
        i = 0
        while i < len(tokens):
            matched = 0
            for words, _display, kind in by_first.get(tokens[i][0], ()):
                n = len(words)
                window = tokens[i : i + n]
                if len(window) < n or not _same_words(window, words, text):
                    continue
                start, end = window[0][1], window[-1][2]
                if strip_possessive(window[-1][0]) != window[-1][0]:
                    end -= 2 if window[-1][0].endswith("'s") else 1
                if not taken.get(document) or not taken[document].overlapping(start, end):
                    found.append(Ref(document, start, end, text[start:end], kind, RESCAN))
                matched = n
                break
            i += max(matched, 1)
    return found


def _same_words(window: list[tuple[str, int, int]], words: tuple[str, ...], text: str) -> bool:
    for k, ((token, start, _), word) in enumerate(zip(window, words, strict=True)):
        if k and "\n" in text[window[k - 1][2] : start]:
            return False  # a name does not run over a line break
        last = k == len(words) - 1
        if token != word and not (last and strip_possessive(token) == word):
            return False
    return True


_COORDINATION = re.compile(r"\b([A-Z][a-z]+)\s+(?:and|&)\s+([A-Z][a-z]+)((?:\s+[A-Z][\w'’]*){1,5})")


def coordinations(
    document: str, text: str, known: Callable[[str, str], bool]
) -> list[tuple[Ref, Ref]]:
    """Both halves of "West and North Northants Council" / "North and West
    Northamptonshire Councils" when each expands to a name ``known(type, text)``."""
    out = []
    for match in _COORDINATION.finditer(text):
        words = match.group(3).split()
        for j in range(len(words), 0, -1):
            rest = words[:j]
            singular = rest[:-1] + [rest[-1][:-1] if rest[-1].endswith("s") else rest[-1]]
            for tail in (rest, singular):
                first = " ".join([match.group(1), *tail])
                second = " ".join([match.group(2), *tail])
                kinds = [k for k in ("ORG", "GPE") if known(k, first) and known(k, second)]
                if kinds:
                    end = match.start(3) + _offset_after_words(match.group(3), j)
                    out.append(
                        (
                            Ref(
                                document,
                                match.start(1),
                                match.end(1),
                                first,
                                kinds[0],
                                COORDINATION,
                            ),
                            Ref(document, match.start(2), end, second, kinds[0], COORDINATION),
                        )
                    )
                    break
            else:
                continue
            break
    return out


def _offset_after_words(chunk: str, count: int) -> int:
    spans = [m.end() for m in re.finditer(r"\S+", chunk)]
    return spans[count - 1]


def majority_type(types: Iterable[str]) -> str:
    """The most frequent type; ties go to PERSON, ORG, GPE, then the rest."""
    order = {"PERSON": 0, "ORG": 1, "GPE": 2, "PRODUCT": 3, "OTHER": 4, "ROLE": 5}
    counts = Counter(types)
    return min(counts, key=lambda t: (-counts[t], order.get(t, 9), t))
