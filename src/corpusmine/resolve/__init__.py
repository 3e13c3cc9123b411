"""Resolve: merge mentions into entities across documents.

``resolve_corpus`` takes what the store holds (document texts, mentions, the candidate
references extract found, quotes, claims) and returns a ``Resolution``; it never re-runs
the NLP, so a user's alias corrections (``load_alias_file``) apply on the next run at
little cost. It runs as explicit passes, each a function returning its product (see
``corpus``); evidence between nodes is named by ``Evidence``.
"""

from __future__ import annotations

from .aliases import AliasFileError, load_alias_file
from .corpus import Resolution, entity_id, resolve_corpus
from .evidence import Evidence
from .names import entity_type

__all__ = [
    "AliasFileError",
    "Evidence",
    "Resolution",
    "entity_id",
    "entity_type",
    "load_alias_file",
    "resolve_corpus",
]
