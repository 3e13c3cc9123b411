"""Helpers shared by the resolution tests: mentions marked by hand on invented text."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from corpusmine.records import Mention

Labels = Mapping[str, Sequence[str]]  # label -> surface forms to mark in the text


def annotate(document: str, text: str, labels: Labels) -> list[Mention]:
    """Mentions for every occurrence of the listed surfaces (longest first, no overlaps)."""
    wanted = sorted(
        ((surface, label) for label, surfaces in labels.items() for surface in surfaces),
        key=lambda item: -len(item[0]),
    )
    taken: list[tuple[int, int]] = []
    found = []
    for surface, label in wanted:
        for match in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            span = (match.start(), match.end())
            if any(s < span[1] and span[0] < e for s, e in taken):
                continue
            taken.append(span)
            found.append(Mention(document, span[0], span[1], label, surface, 0, len(text)))
    return sorted(found, key=lambda m: (m.start, m.end))
