"""Split a document body into blocks, build the cleaned text and its offset map."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from ..knowledge import load_yaml
from ..records import Block, BlockKind, OffsetMap
from .boilerplate import Boilerplate
from .debris import Line, debris_lines

# Characters rewritten one-for-one so that rules and the model see one form.
_CHAR_MAP = str.maketrans(
    {
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ",
        "\u2002": " ", "\u2003": " ", "\t": " ", "\r": " ", "\f": " ", "\v": " ",
    }
)  # fmt: skip
_ZERO_WIDTH = "\u200b\u200c\u200d\ufeff"
# White space (what str.isspace accepts, the characters _CHAR_MAP turns into spaces
# included), zero-width characters (dropped), and everything else.
_RUNS = re.compile(rf"(\s+)|([{_ZERO_WIDTH}]+)|([^\s{_ZERO_WIDTH}]+)")
_SPACE_RUN, _WORD_RUN = 1, 3
_TERMINAL = tuple(".!?:;\"'”’)")
BLOCK_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class LayoutRules:
    generic_headings: re.Pattern[str]
    bullet: re.Pattern[str]
    lead_in_endings: tuple[str, ...]


@cache
def layout_rules() -> LayoutRules:
    data = load_yaml("document_kinds.yaml")
    markers = "".join(re.escape(m) for m in data["bullet_markers"])
    return LayoutRules(
        generic_headings=re.compile(
            "|".join(f"(?:{h})" for h in data["generic_headings"]), re.IGNORECASE
        ),
        bullet=re.compile(rf"[ \t\u00a0]*[{markers}][ \t\u00a0]+"),
        lead_in_endings=tuple(data["lead_in_endings"]),
    )


@dataclass(frozen=True)
class Layout:
    clean: str
    offsets: OffsetMap
    blocks: tuple[Block, ...]
    debris: tuple[tuple[int, int], ...]
    boilerplate: tuple[tuple[int, int], ...] = ()  # corpus furniture, also in ``debris``


def split_lines(text: str, start: int) -> list[Line]:
    """Lines of ``text[start:]`` with original offsets (``\\r`` kept inside the line)."""
    lines = []
    position = start
    for raw in text[start:].split("\n"):
        lines.append(Line(position, position + len(raw), raw))
        position += len(raw) + 1
    return lines


def build_layout(
    text: str,
    body_start: int,
    kinds: Mapping[int, BlockKind] | None = None,
    boilerplate: Boilerplate | None = None,
) -> Layout:
    """Blocks, cleaned text and offset map of the body ``text[body_start:]``; lines that
    are page debris or the corpus's ``boilerplate`` are left out of the cleaned text.

    ``kinds`` (line start -> block kind) comes from a reader that knows the structure
    (a page's headings, a PDF's paragraphs): its lines are whole blocks, never merged.
    """
    rules = layout_rules()
    lines = split_lines(text, body_start)
    removed = debris_lines(lines)
    furniture = _furniture_lines(lines, boilerplate) - removed
    removed |= furniture
    pieces: list[tuple[BlockKind, int, int]] = []  # (kind, original start, original end)
    for i, line in enumerate(lines):
        if i in removed or not line.text.strip():
            continue
        bullet = rules.bullet.match(line.text)
        kind = BlockKind.BULLET if bullet else BlockKind.PARAGRAPH
        if kinds is not None:
            kind = kinds.get(line.start, kind)
        content_start = line.start + (bullet.end() if bullet and kind == BlockKind.BULLET else 0)
        stripped = text[content_start : line.end]
        lead = len(stripped) - len(stripped.lstrip())
        trail = len(stripped) - len(stripped.rstrip())
        pieces.append((kind, content_start + lead, line.end - trail))
    if kinds is None:
        groups = _merge_broken_paragraphs(text, pieces)
    else:
        groups = [(kind, [(start, end)]) for kind, start, end in pieces]
    builder = _CleanBuilder(text)
    blocks: list[Block] = []
    lead_in: int | None = None
    for kind, spans in groups:
        clean_start = builder.start_block()
        for span in spans:
            builder.add(*span)
        clean_end = builder.length
        start, end = spans[0][0], spans[-1][1]
        block_text = text[start:end]
        if kind == BlockKind.PARAGRAPH and rules.generic_headings.fullmatch(block_text.strip()):
            kind = BlockKind.HEADING
        if kind == BlockKind.BULLET:
            blocks.append(Block(kind, start, end, clean_start, clean_end, lead_in))
            continue
        blocks.append(Block(kind, start, end, clean_start, clean_end))
        ends_lead_in = block_text.rstrip().endswith(rules.lead_in_endings)
        lead_in = len(blocks) - 1 if kind == BlockKind.PARAGRAPH and ends_lead_in else None
    debris = tuple((lines[i].start, lines[i].end) for i in sorted(removed))
    furniture_spans = tuple((lines[i].start, lines[i].end) for i in sorted(furniture))
    return Layout(
        builder.text(), builder.offset_map(len(text)), tuple(blocks), debris, furniture_spans
    )


def _furniture_lines(lines: list[Line], boilerplate: Boilerplate | None) -> set[int]:
    """Indexes of body lines (not the first, the headline) the corpus repeats as furniture."""
    if not boilerplate or not boilerplate.keys:
        return set()
    content = [i for i, line in enumerate(lines) if line.text.strip()]
    return {i for i in content[1:] if lines[i].text in boilerplate}


def _merge_broken_paragraphs(
    text: str, pieces: list[tuple[BlockKind, int, int]]
) -> list[tuple[BlockKind, list[tuple[int, int]]]]:
    """Join a paragraph cut in two by a page break: no final punctuation, next starts lower."""
    groups: list[tuple[BlockKind, list[tuple[int, int]]]] = []
    for kind, start, end in pieces:
        if groups and kind == BlockKind.PARAGRAPH and groups[-1][0] == BlockKind.PARAGRAPH:
            previous_end = groups[-1][1][-1][1]
            previous = text[previous_end - 1 : previous_end]
            first = text[start : start + 1]
            if previous and not previous.endswith(_TERMINAL) and first.islower():
                groups[-1][1].append((start, end))
                continue
        groups.append((kind, [(start, end)]))
    return groups


class _CleanBuilder:
    """Accumulates cleaned text while recording where each run came from."""

    def __init__(self, original: str) -> None:
        self.original = original
        self.parts: list[str] = []
        self.length = 0
        self.clean_starts: list[int] = []
        self.orig_starts: list[int] = []
        self._next_orig = -1  # original offset the next emitted char would continue

    def start_block(self) -> int:
        if self.length:
            self._emit(BLOCK_SEPARATOR, self._last_orig_end)
        return self.length

    def add(self, start: int, end: int) -> None:
        """Append ``original[start:end]``, normalised, collapsing whitespace runs."""
        if self.length and not self.parts[-1].endswith((" ", "\n")) and self._next_orig != start:
            self._emit(" ", start)  # join pieces of a paragraph broken by a page break
        previous_space = True  # white space at the start of a piece is dropped
        # Runs rather than characters: a word run maps one-for-one (the character map
        # never changes a length), a white-space run becomes one space.
        for run in _RUNS.finditer(self.original, start, end):
            if run.lastindex == _SPACE_RUN:
                if not previous_space:
                    self._emit(" ", run.start())
                    previous_space = True
            elif run.lastindex == _WORD_RUN:
                self._emit_run(run.group().translate(_CHAR_MAP), run.start())
                previous_space = False
        self._last_orig_end = end

    def _emit_run(self, chars: str, orig: int) -> None:
        """Emit characters copied one-for-one from ``original[orig:]``."""
        if orig != self._next_orig:
            self.clean_starts.append(self.length)
            self.orig_starts.append(orig)
        self.parts.append(chars)
        self.length += len(chars)
        self._next_orig = orig + len(chars)

    def _emit(self, chars: str, orig: int) -> None:
        if orig != self._next_orig or len(chars) > 1:
            self.clean_starts.append(self.length)
            self.orig_starts.append(orig)
        self.parts.append(chars)
        self.length += len(chars)
        self._next_orig = orig + 1 if len(chars) == 1 else -1

    _last_orig_end = 0

    def text(self) -> str:
        return "".join(self.parts)

    def offset_map(self, orig_length: int) -> OffsetMap:
        return OffsetMap(
            tuple(self.clean_starts), tuple(self.orig_starts), self.length, orig_length
        )
