"""Resolve's view of the knowledge layer (kept while resolve/ is restructured).

New code imports ``corpusmine.knowledge`` directly.
"""

from __future__ import annotations

from ..knowledge.names import DescriptionRule, NameLexicon, name_lexicon

Lexicon = NameLexicon
lexicon = name_lexicon

__all__ = ["DescriptionRule", "Lexicon", "lexicon"]
