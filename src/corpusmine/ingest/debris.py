"""Find page debris (ad slots, video promos, teaser links, doubled captions) by line."""

from __future__ import annotations

from dataclasses import dataclass

from ..knowledge import debris_rules


@dataclass(frozen=True)
class Line:
    """One line of the body with its offsets in the original text (newline excluded)."""

    start: int
    end: int
    text: str


def doubled(text: str, min_chars: int) -> str | None:
    """``X`` when ``text`` is ``X`` written twice with nothing between, else None."""
    text = text.strip()
    half, odd = divmod(len(text), 2)
    if odd or half < min_chars:
        return None
    first, second = text[:half], text[half:]
    return first if first == second else None


def debris_lines(lines: list[Line]) -> set[int]:
    """Indexes of lines that are page debris rather than content."""
    rules = debris_rules()
    removed: set[int] = set()
    content = [i for i, line in enumerate(lines) if line.text.strip()]
    for position, i in enumerate(content):
        text = lines[i].text
        if any(p.fullmatch(text) for p in rules.lines):
            removed.add(i)
        elif any(p.fullmatch(text) for p in rules.teasers):
            removed.add(i)
            # The teaser's truncated headline is the next non-empty line.
            if position + 1 < len(content):
                removed.add(content[position + 1])
        else:
            caption = doubled(text, rules.caption_min_chars)
            if caption is None:
                continue
            removed.add(i)
            # The same caption usually follows once more on its own line.
            for neighbour in (position - 1, position + 1):
                if 0 <= neighbour < len(content):
                    j = content[neighbour]
                    if lines[j].text.strip() == caption:
                        removed.add(j)
    return removed
