"""Quotes: who said what, with cue, kind, speaker and confidence, for one parsed document.

The flow of the task, one module per step:

- ``marks``: pair quote marks into quoted spans, paragraph by paragraph;
- ``cues``: the reporting verb or construction around a quoted span or reported clause;
- ``speaker_finder``: the speaker a cue names within the document (subjects, appositions,
  pronouns and descriptions); linking speakers across documents is ``resolve.speakers``;
- ``minutes``: statements recorded under a minutes lead-in ("made the following points:");
- ``extractor``: runs the rules and turns statements into ``Quote`` records;
- the word lists and weights are ``corpusmine.knowledge.quote_lexicon()`` (quotes.yaml);
- ``records``: the records passed between these steps.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ...records import Quote
    from .extractor import extract_quotes, is_uncertain, is_uncertain_confidence
    from .records import QuotedSpan, Speaker, Statement

# Where each public name lives. Imported on first use: the query commands must not pay
# for importing spaCy.
_HOMES = {
    "Quote": "...records",
    "QuotedSpan": ".records",
    "Speaker": ".records",
    "Statement": ".records",
    "extract_quotes": ".extractor",
    "is_uncertain": ".extractor",
    "is_uncertain_confidence": ".extractor",
}

__all__ = [
    "Quote",
    "QuotedSpan",
    "Speaker",
    "Statement",
    "extract_quotes",
    "is_uncertain",
    "is_uncertain_confidence",
]


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(_HOMES[name], __name__), name)
    raise AttributeError(name)
