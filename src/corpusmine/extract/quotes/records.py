"""Records of quote attribution inside one document, in cleaned offsets.

They pass between the helpers of this package (marks -> cues -> speakers -> extractor);
``extract_quotes`` turns them into ``corpusmine.records.Quote``, which carries original
offsets and is what the other stages see.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["QuotedSpan", "Speaker", "Statement"]


@dataclass(frozen=True)
class QuotedSpan:
    """Text between a pair of quote marks within one paragraph (cleaned offsets).

    ``start``/``end`` bound the content without marks or surrounding spaces;
    ``open_at`` is the opening mark; ``close_at`` the closing mark, or None when the
    quote runs on into the next paragraph or was closed by recovery.
    """

    start: int
    end: int
    open_at: int
    close_at: int | None
    mark: str
    block: int
    chain: int
    part: int
    recovered: bool = False
    close_width: int = 1  # 2 for a closing "''" (two apostrophes, as some outlets print)

    @property
    def outer_end(self) -> int:
        """End of the span including its closing mark."""
        return self.close_at + self.close_width if self.close_at is not None else self.end

    def contains(self, offset: int) -> bool:
        return self.open_at <= offset < self.outer_end


@dataclass(frozen=True)
class Speaker:
    """A speaker as named in the cleaned text; ``start``/``end`` are -1 with no span.

    ``how`` says how the name was found: named, appositive, fullest-name, pronoun,
    report-org, group or noun-phrase (keys of ``confidence.speakers`` in quotes.yaml).
    """

    text: str
    start: int
    end: int
    label: str  # PERSON | ORG | ROLE | GROUP
    how: str

    @property
    def key(self) -> str:
        return " ".join(self.text.lower().replace("\u2019", "'").split())


@dataclass(frozen=True)
class Statement:
    """An attributed statement in cleaned offsets, before it becomes ``Quote`` records."""

    start: int
    end: int
    kind: str
    cue: str
    speakers: tuple[Speaker, ...]
    rule: str
    sentence: tuple[int, int]
    recovered: bool = False
    cue_lemma: str = ""
