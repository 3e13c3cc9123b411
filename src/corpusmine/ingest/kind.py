"""Decide what a document is (article, minutes, other) and what its title is."""

from __future__ import annotations

import re

from ..extract.minutes.detect import minutes_evidence
from ..records import Block, BlockKind, DocumentKind

MAX_TITLE_CHARS = 200


def detect_kind(
    text: str, blocks: tuple[Block, ...], is_minutes: bool | None = None
) -> DocumentKind:
    """``minutes`` when the structure says so (attendance lists, movers, resolutions,
    results of votes, agenda headings weighed together: ``models/minutes.yaml``; the
    caller may have weighed them already: ``is_minutes``), else ``article`` for prose
    with paragraphs, else ``other``."""
    if is_minutes if is_minutes is not None else minutes_evidence(text).is_minutes:
        return DocumentKind.MINUTES
    paragraphs = sum(1 for b in blocks if b.kind == BlockKind.PARAGRAPH)
    return DocumentKind.ARTICLE if paragraphs >= 3 else DocumentKind.OTHER


def find_title(text: str, blocks: tuple[Block, ...]) -> tuple[str, int | None]:
    """The title and the index of its block (None when taken from a body paragraph).

    The title is the first short block that is not a generic heading and does not read
    as a sentence; failing that, the start of the first paragraph.
    """
    for index, block in enumerate(blocks[:3]):
        if block.kind == BlockKind.HEADING:
            continue
        candidate = " ".join(text[block.start : block.end].split())
        if (
            block.kind == BlockKind.PARAGRAPH
            and len(candidate) <= MAX_TITLE_CHARS
            and not candidate.endswith(".")
        ):
            return candidate, index
        break
    first = next((b for b in blocks if b.kind == BlockKind.PARAGRAPH), None)
    if first is None:
        return "", None
    sentence = " ".join(text[first.start : first.end].split())
    cut = re.search(r"(?<=[a-z0-9][.!?])\s", sentence)
    if cut:
        sentence = sentence[: cut.start()]
    if len(sentence) > 120:
        sentence = sentence[:117].rsplit(" ", 1)[0] + "…"
    return sentence, None
