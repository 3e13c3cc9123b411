"""Candidate references: places in a text that may name an entity besides the NER's
mentions, found once per document and stored for resolution.

- ``acronyms``: acronym definitions ("Children's Trust (NCT)"), the one acronym finder;
- ``descriptions``: definite descriptions ("the trust");
- ``coordinations``: names sharing their last words ("West and North Northants Council").

Each is a pure function of a document's stored (original) text.
"""

from __future__ import annotations

from ...knowledge import name_lexicon as lexicon
from ...records import CandidateReferences
from ...resolve.names import letters_match
from .acronyms import find_definitions
from .coordinations import find_coordinations
from .descriptions import find_descriptions

__all__ = [
    "find_coordinations",
    "find_definitions",
    "find_descriptions",
    "find_references",
    "letters_match",
]


def find_references(document: str, text: str) -> CandidateReferences:
    """Every candidate reference of one document's original ``text``."""
    lex = lexicon()
    return CandidateReferences(
        definitions=tuple(find_definitions(document, text, lex)),
        descriptions=tuple(find_descriptions(document, text, lex)),
        coordinations=tuple(find_coordinations(document, text)),
    )
