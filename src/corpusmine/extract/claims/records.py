"""The records the claim rules pass between them, before a :class:`~corpusmine.records.Claim`.

The finished ``Claim`` is a corpus-wide record (``corpusmine.records``), stored and read by
every later stage; these are the claim extractor's own intermediate products.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...records import Claim, ClaimStatus, Qualifier

__all__ = ["Amount", "Claim", "Draft", "Phrase"]


@dataclass(frozen=True)
class Phrase:
    """A noun phrase: its text (without a leading determiner) and original offsets."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Amount:
    """The number a figure states, and its currency when it is money."""

    value: float
    currency: str | None = None

    def as_text(self) -> str:
        """The value without a trailing ``.0``, as stored in ``normalized``."""
        return f"{self.value:.0f}" if self.value == int(self.value) else f"{self.value:g}"


@dataclass(frozen=True)
class Draft:
    """A claim before the document's topic is known (``subject`` None = the topic)."""

    start: int
    end: int
    subject: Phrase | None
    attribute: str
    value: str
    normalized: str | None
    unit: str | None
    qualifier: Qualifier
    as_of: str | None
    sentence: tuple[int, int]
    status: ClaimStatus | None = None
