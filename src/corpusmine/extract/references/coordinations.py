"""Coordinated names that share their last words: "West and North Northants Council".

Only the shape is found here; which of the shared words make both halves names the
corpus knows is decided in resolution (``resolve.references``).
"""

from __future__ import annotations

import re

from ...records import Coordination

_COORDINATION = re.compile(r"\b([A-Z][a-z]+)\s+(?:and|&)\s+([A-Z][a-z]+)((?:\s+[A-Z][\w'’]*){1,5})")


def find_coordinations(document: str, text: str) -> list[Coordination]:
    """Every "Word and Word Capitalised Words" in ``text``, in order."""
    return [
        Coordination(
            document,
            match.group(1),
            match.start(1),
            match.end(1),
            match.group(2),
            match.start(2),
            match.group(3),
            match.start(3),
        )  # fmt: skip
        for match in _COORDINATION.finditer(text)
    ]
