"""Records of the temporal package: a time expression and a document's date."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Timex:
    """One time expression found in a document, with its TimeML (TIMEX3) value.

    ``start``/``end`` are character offsets into ``doc.text``. ``value`` is the value at
    the granularity the text gives (``2013-03``, ``2013-W12``, ``P5Y``, ``PRESENT_REF``)
    or None when it cannot be normalised. ``anchor`` says what a relative value was
    resolved against: "document", "previous" (the last date mentioned before it),
    "absolute" (the text gives the date in full) or "none" (durations, unresolved).
    ``timeml_value`` holds the strict TimeML form when the product ``value`` is coarser,
    e.g. "last night" has value ``2023-03-22`` and timeml_value ``2023-03-22TNI``.
    """

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str | None
    mod: str | None = None
    anchor: str = "none"
    timeml_value: str | None = None


@dataclass(frozen=True)
class Normalized:
    """What :func:`normalize_expression` makes of one expression, without offsets."""

    type: str
    value: str | None
    mod: str | None = None
    anchor: str = "none"
    timeml_value: str | None = None


@dataclass(frozen=True)
class DocumentDate:
    """When an undated document was probably written, and why we think so.

    ``value`` is an ISO date or period (``2023-05``), ``window`` the earliest and latest
    ISO dates the evidence allows, ``source`` is "inferred" or "none".
    """

    value: str | None
    source: str
    window: tuple[str, str] | None
    evidence: str
