"""Temporal's view of the knowledge layer (kept while temporal/ is split by rule family).

New code imports ``corpusmine.knowledge`` directly.
"""

from __future__ import annotations

from ..knowledge.temporal import Season, TemporalLexicon, Unit, temporal_lexicon

Lexicon = TemporalLexicon
lexicon = temporal_lexicon

__all__ = ["Lexicon", "Season", "Unit", "lexicon"]
