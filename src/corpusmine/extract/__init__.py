"""Extract: from a parsed document to mentions, quotes and claims.

Each extractor is a pure function of the spaCy ``Doc`` and its ``SourceDocument``;
records carry original offsets. Nothing here touches the database or prints.
``document.extract_document`` runs them all on one document.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .document import extract_document

__all__ = ["extract_document"]


def __getattr__(name: str) -> Any:
    # Importing spaCy takes a second; modules that only read the word lists here
    # (the analyser, the query commands) must not pay for it.
    if name in __all__:
        from . import document

        return getattr(document, name)
    raise AttributeError(name)
