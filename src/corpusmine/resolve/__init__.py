"""Resolve: merge mentions into entities across documents.

``resolve_corpus`` takes what the store holds (document texts, mentions, quotes,
claims) and returns a ``Resolution``; it never re-runs the NLP, so a user's alias
corrections apply on the next run at little cost.
"""

from __future__ import annotations

from .simple import Resolution, resolve_corpus

__all__ = ["Resolution", "resolve_corpus"]
