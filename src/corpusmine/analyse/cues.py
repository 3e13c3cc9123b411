"""The cue phrases of a claim's sentence that comparison reads: words saying a figure is a
moment in something that changes ("rose to", "so far"), and words widening its scope
("in total", "nationwide"). Found once per claim: a claim is compared with every other
claim of its group, and re-reading its sentence for each pair made the report quadratic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..knowledge import claim_vocabulary


@dataclass(frozen=True)
class SentenceCues:
    """The change and scope cue phrases a sentence holds, in the vocabulary's order."""

    change: tuple[str, ...]
    scope: tuple[str, ...]


def sentence_cues(sentence: str) -> SentenceCues:
    """The cue phrases of ``models/hedges.yaml`` that occur, as whole words, in ``sentence``."""
    words = tuple(_WORDS.findall(sentence.lower()))
    vocab = claim_vocabulary()
    return SentenceCues(_found(words, vocab.change_cues), _found(words, vocab.scope_cues))


def _found(words: tuple[str, ...], cues: tuple[tuple[str, ...], ...]) -> tuple[str, ...]:
    present = set(words)
    found = []
    for cue in cues:
        if cue and cue[0] not in present:
            continue
        n = len(cue)
        if any(words[i : i + n] == cue for i in range(len(words) - n + 1)):
            found.append(" ".join(cue))
    return tuple(found)


_WORDS = re.compile(r"[a-z]+")
