"""Is this document minutes? Structure markers of ``models/minutes.yaml`` weighed
together: attendance lists, movers and seconders, resolutions, results of votes,
procedure ("The meeting closed at"), agenda headings, a "Minutes of ..." title. Each
marker counts once and each category is capped, and the total must come from several
categories, so that no single marker (an article quoting "it was resolved") decides."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ...knowledge.minutes import minutes_lexicon as lexicon

__all__ = ["MinutesEvidence", "minutes_evidence"]

_MARKUP = re.compile(
    r"^(?:>\s*|#{1,6}\s+|\*\*\s*|\[![a-z]+\][+-]?\s*|\s+|\d{1,3}(?:[./]\d{1,4}){0,3}[.)]?\s+)+"
)


@dataclass(frozen=True)
class MinutesEvidence:
    score: int
    categories: tuple[str, ...]
    markers: tuple[str, ...]  # the patterns that matched, for explaining a decision

    @property
    def is_minutes(self) -> bool:
        lex = lexicon()
        return self.score >= lex.min_score and len(self.categories) >= lex.min_categories


def minutes_evidence(text: str) -> MinutesEvidence:
    """Weigh the markers found in ``text`` (one line at a time, markup stepped over)."""
    lex = lexicon()
    lines = [_MARKUP.sub("", line).rstrip("* ") for line in text.splitlines() if line.strip()]
    hit: list[int] = []
    for index, marker in enumerate(lex.markers):
        if any(marker.pattern.search(line) for line in lines):
            hit.append(index)
    per_category: Counter[str] = Counter()
    for index in hit:
        per_category[lex.markers[index].category] += lex.markers[index].weight
    score = sum(min(v, lex.category_cap) for v in per_category.values())
    return MinutesEvidence(
        score=score,
        categories=tuple(sorted(per_category)),
        markers=tuple(lex.markers[i].pattern.pattern for i in hit),
    )
