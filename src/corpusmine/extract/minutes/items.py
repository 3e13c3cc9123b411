"""Agenda items of a meeting: number, title, depth and extent.

Three forms, in this order of trust: Markdown headings that carry a number ("## 2.1
Title"); lines that open with an item number ("24/101 Apologies for absence", "3.2
Arena Roof Replacement", "Item 5: Finance"); headings in capitals ("NEW BUSINESS") with
lettered items under them ("A. Road Maintenance Contract"). An "Agenda item" label takes
the next block as its title (ModernGov pages). Depth is the heading depth, or the
number's depth ("8.1.2" is 3).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...knowledge.minutes import minutes_lexicon as lexicon
from ...records import AgendaItem, SourceDocument
from .lines import Line

_LINK = re.compile(r"\[([^\]]*)\]\((?:<[^>]*>|[^)]*)\)")
_ENTITY = re.compile(r"&nbsp;|&#160;")
_INITIAL_NAME = re.compile(r"^[A-Z]\.\s*[A-Z]")  # "M. Robinson": a person, not a title
_CAPS = re.compile(r"^[A-Z][A-Z0-9 ,&'’/\-()]{2,80}$")


@dataclass(frozen=True)
class _Head:
    line: Line
    number: str | None
    title: str
    level: int


def _clean_title(title: str) -> str:
    title = _LINK.sub(r"\1", _ENTITY.sub(" ", title))
    return " ".join(title.replace("*", "").split()).rstrip(":").strip()


def _level(number: str) -> int:
    return number.count(".") + 1 if not re.fullmatch(r"[A-H]", number) else 2


def find_items(source: SourceDocument, lines: tuple[Line, ...]) -> tuple[AgendaItem, ...]:
    lex = lexicon()
    marked = [ln for ln in lines if ln.heading]
    numbered_marks = [ln for ln in marked if lex.item_number.match(_ENTITY.sub(" ", ln.text))]
    heads: list[_Head] = []
    if len(numbered_marks) >= 2:
        for ln in marked:
            match = lex.item_number.match(_ENTITY.sub(" ", ln.text))
            if match:
                heads.append(_Head(ln, match.group("number"), _clean_title(match.group("title")),
                                   ln.heading))  # fmt: skip
    else:
        heads = _plain_heads(lines)
    if not heads:
        return ()
    items: list[AgendaItem] = []
    stack: list[tuple[int, str | None]] = []
    end_of_text = len(source.text)
    for i, head in enumerate(heads):
        end = end_of_text
        for later in heads[i + 1 :]:
            if later.level <= head.level:
                end = later.line.start
                break
        while stack and stack[-1][0] >= head.level:
            stack.pop()
        parent = stack[-1][1] if stack else None
        items.append(
            AgendaItem(
                document=source.id,
                number=head.number,
                title=head.title,
                level=head.level,
                start=head.line.start,
                end=end,
                heading_end=head.line.end,
                parent=parent,
            )
        )
        stack.append((head.level, head.number or head.title))
    return tuple(items)


def _plain_heads(lines: tuple[Line, ...]) -> list[_Head]:
    lex = lexicon()
    heads: list[_Head] = []
    caps_seen = False
    numbered = 0
    for position, ln in enumerate(lines):
        if ln.kind == "title" or ln.kind == "bullet":
            continue
        text = _ENTITY.sub(" ", ln.text).strip()
        if lex.item_label.match(text) and position + 1 < len(lines):
            following = lines[position + 1]
            heads.append(_Head(ln, None, _clean_title(following.text), 1))
            continue
        match = lex.item_number.match(text)
        if match:
            number, title = match.group("number"), _clean_title(match.group("title"))
            letter = bool(re.fullmatch(r"[A-H]", number))
            if _INITIAL_NAME.match(title) or not title[:1].isupper():
                continue
            if letter and (not caps_seen or len(title.split()) < 2 or "," in title):
                continue
            first = re.split(r"(?<=[a-z0-9])[.:]\s", title)[0]
            if len(title) > lex.item_title_max:
                if len(first) > lex.item_title_max:
                    continue
                title = first
            level = _level(number) if not letter else 2
            heads.append(_Head(ln, number, title, level))
            numbered += not letter
            continue
        capitals = _CAPS.match(text) and len(text.split()) <= 8 and not text.endswith(".")
        if capitals and numbered == 0 and position > 0:
            heads.append(_Head(ln, None, _clean_title(text), 1))
            caps_seen = True
    if numbered >= 2:
        # Numbered items set the structure; capitals headings are then only emphasis.
        heads = [h for h in heads if h.number is not None or lex.item_label.match(h.line.text)]
    return heads


def item_at(items: tuple[AgendaItem, ...], offset: int) -> AgendaItem | None:
    """The innermost item holding ``offset``."""
    best = None
    for item in items:
        if item.start <= offset < item.end and (best is None or item.level >= best.level):
            best = item
    return best
