"""Minutes read as lines: each block of the ingested document with its Markdown markup
(quote marks ``>``, heading marks ``#``, bold ``**``, callout tags ``[!abstract]-``)
stepped over, and the offsets of what is left in the stored text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ...records import Block, SourceDocument

_BLANK_LINE = re.compile(r"\n[ \t\r\u00a0]*\n\s*")
_LEADING = re.compile(r"(?:>\s*|#{1,6}\s+|\*\*\s*|\[![a-z]+\][+-]?\s*|\s+)+")
_TRAILING = re.compile(r"(?:\s*\*\*|\s+)+$")
# A sentence ends at . ! ? followed by a capital, unless the dot closes an initial
# ("J. Pribil") or a title ("Mrs. Lewis", "Cllr. Dale").
_SENTENCE_END = re.compile(
    r"(?<![A-Z])(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bCllr)(?<!\bMessrs)(?<!\bNo)"
    r"(?<!\bSt)(?<!\bRev)(?<!\bProf)[.!?](?=\s+[\"'(]?[A-Z0-9])"
)


@dataclass(frozen=True)
class Line:
    """One block: ``text`` is ``source.text[start:end]`` without markup."""

    index: int  # the block's index in ``SourceDocument.blocks``
    start: int
    end: int
    text: str
    heading: int  # Markdown heading depth (0: not a heading)
    kind: str  # the block's kind (title, paragraph, bullet, heading)
    lead_in: int | None = None


def minutes_lines(source: SourceDocument) -> tuple[Line, ...]:
    lines = []
    for index, block in enumerate(source.blocks):
        # The layout joins a line to the one before when it starts in lower case (a
        # paragraph broken by a page); in minutes a blank line between them still parts
        # a mover's line from the motion's wording ("Seconded by S. Lehman" / "that part
        # d) ...").
        position = block.start
        for piece in _BLANK_LINE.split(source.text[block.start : block.end]):
            start = position
            position += len(piece)
            gap = _BLANK_LINE.match(source.text, position)
            position = gap.end() if gap else position
            line = _line(source, index, block, start, start + len(piece))
            if line is not None:
                lines.append(line)
    return tuple(lines)


def _line(source: SourceDocument, index: int, block: Block, start: int, stop: int) -> Line | None:
    raw = source.text[start:stop]
    heading = len(raw) - len(raw.lstrip("#")) if raw.startswith("#") else 0
    lead = _LEADING.match(raw)
    skip = lead.end() if lead else 0
    trail = _TRAILING.search(raw, skip)
    end = trail.start() if trail else len(raw)
    if end <= skip:
        return None
    return Line(
        index=index,
        start=start + skip,
        end=start + end,
        text=raw[skip:end],
        heading=heading,
        kind=block.kind,
        lead_in=block.lead_in,
    )


def sentences(text: str, offset: int = 0) -> Iterator[tuple[int, int, str]]:
    """Sentences of one line as (start, end, text), offsets shifted by ``offset``."""
    position = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        piece = text[position:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            yield offset + position + lead, offset + end, piece.strip()
        position = end
    piece = text[position:]
    if piece.strip():
        lead = len(piece) - len(piece.lstrip())
        yield offset + position + lead, offset + position + len(piece.rstrip()), piece.strip()
