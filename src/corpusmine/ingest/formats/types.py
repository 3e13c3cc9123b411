"""What a format reader hands to ingest: the stored text, its blocks, pages, properties."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from ...records import BlockKind

BLOCK_SEPARATOR = "\n\n"
BULLET_MARKER = "• "  # written before a list item so the stored text reads as a list


class UnreadableDocument(ValueError):
    """The file is not a readable document of its format; the message says why."""


@dataclass(frozen=True)
class TextBlock:
    """One block of the extracted text: ``kind`` is title, heading, paragraph or bullet.

    ``start``/``end`` span the block's line in ``Extracted.text`` (a bullet's marker
    included); each block is one line, blocks are separated by a blank line.
    """

    kind: BlockKind
    start: int
    end: int


@dataclass(frozen=True)
class Properties:
    """A document's own metadata: page meta tags and JSON-LD, or document properties."""

    title: str | None = None
    date: str | None = None  # ISO date (YYYY-MM-DD)
    author: str | None = None  # several authors joined by "; "
    site: str | None = None  # site or publisher name
    url: str | None = None  # canonical address


@dataclass(frozen=True)
class Extracted:
    """A document read from its format: the text stored and what is known about it."""

    text: str
    blocks: tuple[TextBlock, ...]
    properties: Properties
    pages: tuple[int, ...] = ()  # offset in ``text`` where each page starts (PDF)

    def page_of(self, offset: int) -> int | None:
        """1-based page holding ``offset``, or None for a document without pages."""
        return bisect_right(self.pages, offset) if self.pages else None


class TextBuilder:
    """Writes blocks one per line, a blank line between them, and records their spans."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self._blocks: list[TextBlock] = []
        self._pages: list[int] = []

    def new_page(self, at: int | None = None) -> None:
        """A page starts at offset ``at``, or else with the next block."""
        if at is None:
            at = self._length + (len(BLOCK_SEPARATOR) if self._length else 0)
        self._pages.append(at)

    def extend(self, text: str) -> int:
        """Continue the last block with ``text`` (after a space); returns where it starts."""
        line = " ".join(text.split())
        last = self._blocks[-1]
        self._parts.append(" " + line)
        start = self._length + 1
        self._length += 1 + len(line)
        self._blocks[-1] = TextBlock(last.kind, last.start, self._length)
        return start

    def add(self, kind: BlockKind, text: str) -> TextBlock | None:
        """Append one block; white space inside it collapses to single spaces."""
        line = " ".join(text.split())
        if not line:
            return None
        if kind == BlockKind.BULLET:
            line = BULLET_MARKER + line
        if self._length:
            self._parts.append(BLOCK_SEPARATOR)
            self._length += len(BLOCK_SEPARATOR)
        start = self._length
        self._parts.append(line)
        self._length += len(line)
        block = TextBlock(kind, start, self._length)
        self._blocks.append(block)
        return block

    def retitle(self, block: TextBlock) -> None:
        """Mark an added block as the document's title (the headline as printed)."""
        index = self._blocks.index(block)
        self._blocks[index] = TextBlock(BlockKind.TITLE, block.start, block.end)

    @property
    def blocks(self) -> tuple[TextBlock, ...]:
        return tuple(self._blocks)

    def text(self) -> str:
        return "".join(self._parts)

    def build(self, properties: Properties) -> Extracted:
        text = self.text()
        # A page that ends the document without text would start past its end.
        pages = tuple(min(p, len(text)) for p in self._pages)
        return Extracted(text, self.blocks, properties, pages)
