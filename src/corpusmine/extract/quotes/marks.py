"""Pair quote marks into quoted spans, paragraph by paragraph, recovering from bad marks.

Works on the cleaned text, where curly marks are already straight; the original text
still tells an opening curly mark from a closing one, so it is consulted per mark.
Journalistic conventions handled here:

- a quote running over several paragraphs opens every paragraph with a mark and closes
  only the last one; each paragraph becomes one ``QuotedSpan`` of the same ``chain``;
- single marks are quotes only where an apostrophe cannot be ("children's" and
  "don't" have letters on both sides; "carers' " closes only an open single quote);
- an unclosed mark never spoils the rest of the document: the quote is closed at the
  last sentence end before the next opening mark, or at the end of its paragraph;
- two apostrophes ('') are one double mark, as some outlets' archives print quotes.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator

from ...records import SourceDocument
from .records import QuotedSpan

__all__ = ["DOUBLE", "SINGLE", "find_quoted_spans"]

DOUBLE, SINGLE = '"', "'"
_OPENING = {"\u201c", "\u201e", "\u2018", "\u201a"}
_CLOSING = {"\u201d", "\u2019"}
_BEFORE_OPENING = set("([{-\u2013\u2014/:") | {DOUBLE, SINGLE}
_AFTER_CLOSING = set(".,;:!?)]}-\u2013\u2014") | {DOUBLE, SINGLE}
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*(?=\s)")


def find_quoted_spans(source: SourceDocument) -> tuple[QuotedSpan, ...]:
    """Every quoted span: double marks first, then single marks outside them."""
    doubles = list(_pair(source, DOUBLE, (), chain_base=0))
    singles = list(
        _pair(source, SINGLE, doubles, chain_base=max((q.chain for q in doubles), default=0))
    )
    return tuple(sorted(doubles + singles, key=lambda q: q.open_at))


def _width(clean: str, i: int) -> int:
    """2 where two apostrophes at ``i`` make one double mark, else 1."""
    if clean.startswith("''", i) and (i == 0 or clean[i - 1] != SINGLE):
        return 2 if clean[i + 2 : i + 3] != SINGLE else 1
    return 1


def _role(source: SourceDocument, i: int, width: int = 1) -> str:
    """``open``, ``close``, ``either`` or ``skip`` for the mark at cleaned offset ``i``."""
    clean = source.clean
    k = i - 1
    while k >= 0 and unicodedata.category(clean[k]) == "Cf":
        k -= 1  # invisible direction marks before a mark are no text
    before = clean[k] if k >= 0 else "\n"
    after = clean[i + width] if i + width < len(clean) else " "
    original = source.text[source.offsets.to_original(i)]
    if width == 1 and clean[i] == SINGLE and before.isalnum() and after.isalnum():
        return "skip"  # an apostrophe inside a word: don't, children's
    if clean[i] == DOUBLE and before == "\n":
        return "open"  # a double mark opening a line opens a quote, whichever way it faces
    # A curly mark facing the wrong way ('here,“ said X') is told by its spacing.
    if original in _OPENING:
        return "open" if not after.isspace() else "close" if not before.isspace() else "skip"
    if original in _CLOSING:
        return "close" if not before.isspace() else "open" if not after.isspace() else "skip"
    opens = (before.isspace() or before in _BEFORE_OPENING) and not after.isspace()
    closes = not before.isspace() and (after.isspace() or after in _AFTER_CLOSING)
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    if width == 1 and clean[i] == SINGLE:
        return "skip"  # a single mark with letters or spaces on both sides is no quote
    return "either"


def _pair(
    source: SourceDocument, mark: str, outer: list[QuotedSpan], chain_base: int
) -> Iterator[QuotedSpan]:
    clean = source.clean
    chain = chain_base
    carried: tuple[int, int] | None = None  # (chain, next part) of a quote running on
    outer_in_block: dict[int, list[QuotedSpan]] = defaultdict(list)
    for q in outer:
        outer_in_block[q.block].append(q)
    widths: dict[int, int] = {}
    for index, block in enumerate(source.blocks):
        inside = outer_in_block.get(index, [])
        opens = [q.open_at for q in inside]
        positions = []
        i = clean.find(mark, block.clean_start, block.clean_end)
        while i != -1:
            # Two apostrophes are a double mark, never two single ones.
            width = _width(clean, i) if mark == SINGLE else 1
            k = bisect_right(opens, i) - 1  # the only outer quote that can hold ``i``
            if width == 1 and not (k >= 0 and inside[k].contains(i)):
                positions.append(i)
                widths[i] = width
            i = clean.find(mark, i + width, block.clean_end)
        if mark == DOUBLE:
            # Two apostrophes count as a double mark: merge them into the positions.
            j = clean.find("''", block.clean_start, block.clean_end)
            while j != -1:
                width = _width(clean, j)
                k = bisect_right(opens, j) - 1
                if width == 2 and not (k >= 0 and inside[k].contains(j)):
                    positions.append(j)
                    widths[j] = 2
                j = clean.find("''", j + max(width, 1), block.clean_end)
            positions.sort()
        roles = [(i, _role(source, i, widths[i])) for i in positions]
        pending: int | None = None
        pending_chain, pending_part = 0, 0
        for i, role in roles:
            if role == "skip":
                continue
            if pending is None:
                if role == "close":
                    continue  # a stray closing mark: nothing to close, carry on
                pending = i
                if carried and i == _first_visible(clean, block.clean_start):
                    pending_chain, pending_part = carried
                else:
                    chain += 1
                    pending_chain, pending_part = chain, 0
                carried = None
                continue
            if role in ("close", "either"):
                yield from _span(
                    clean, pending, i, i, mark, index, pending_chain, pending_part,
                    open_width=widths[pending], close_width=widths[i],
                )  # fmt: skip
                pending = None
                continue
            # Two opening marks in a row: the first quote was never closed. Close it at
            # the last sentence end before the new mark and start again.
            cut = _last_sentence_end(clean, pending + 1, i)
            yield from _span(
                clean, pending, cut, None, mark, index, pending_chain, pending_part, True,
                open_width=widths[pending],
            )  # fmt: skip
            chain += 1
            pending, pending_chain, pending_part = i, chain, 0
        carried = None
        if pending is None:
            continue
        at_block_start = pending == _first_visible(clean, block.clean_start)
        if _next_block_opens(source, index, mark) and (mark == DOUBLE or at_block_start):
            # Multi-paragraph quote: this paragraph ends, the next one continues it.
            yield from _span(
                clean, pending, block.clean_end, None, mark, index, pending_chain, pending_part,
                open_width=widths[pending],
            )  # fmt: skip
            carried = (pending_chain, pending_part + 1)
        elif mark == DOUBLE or at_block_start:
            # Unclosed at the end of its paragraph: close it there, or before a quote of
            # the other kind that follows (an unclosed single mark never swallows one).
            k = bisect_right(opens, pending)
            end = opens[k] if k < len(opens) else block.clean_end
            yield from _span(
                clean, pending, end, None, mark, index, pending_chain, pending_part, True,
                open_width=widths[pending],
            )  # fmt: skip
        # An unclosed single mark inside a paragraph is dropped: most likely an apostrophe.


def _span(
    clean: str, open_at: int, end: int, close_at: int | None, mark: str, block: int,
    chain: int, part: int, recovered: bool = False, *, open_width: int = 1,
    close_width: int = 1,
) -> Iterator[QuotedSpan]:  # fmt: skip
    start = open_at + open_width
    # Trim spaces, the frame's comma and an unpaired mark of the other kind at either edge.
    while start < end and (clean[start].isspace() or _unpaired(clean, start, end, start)):
        start += 1
    while end > start and (
        clean[end - 1].isspace() or clean[end - 1] == "," or _unpaired(clean, start, end, end - 1)
    ):
        end -= 1
    if any(ch.isalnum() for ch in clean[start:end]):  # marks around nothing are no quote
        yield QuotedSpan(
            start, end, open_at, close_at, mark, block, chain, part, recovered, close_width
        )


def _unpaired(clean: str, start: int, end: int, at: int) -> bool:
    """A mark at the edge of quoted content that opens or closes nothing inside it."""
    mark = clean[at]
    if mark not in (DOUBLE, SINGLE):
        return False
    if clean.count(mark, start, end) % 2 == 1:
        return True
    # A mark facing a space cannot open (at the start) or close (at the end) a quote.
    neighbour = clean[at + 1 : at + 2] if at == start else clean[at - 1 : at]
    return not neighbour or neighbour.isspace()


def _first_visible(clean: str, start: int) -> int:
    while start < len(clean) and clean[start].isspace():
        start += 1
    return start


def _next_block_opens(source: SourceDocument, index: int, mark: str) -> bool:
    if index + 1 >= len(source.blocks):
        return False
    block = source.blocks[index + 1]
    first = _first_visible(source.clean, block.clean_start)
    width = _width(source.clean, first) if mark == DOUBLE else 1
    return (
        first < block.clean_end
        and (source.clean[first] == mark or width == 2)
        and _role(source, first, width) in ("open", "either")
    )


def _last_sentence_end(clean: str, start: int, stop: int) -> int:
    ends = [m.end() for m in _SENTENCE_END.finditer(clean, start, stop)]
    return ends[-1] if ends else stop
