"""Words around entity names (``models/entities.yaml``): group nouns after a person's
name, and company suffixes."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .files import load_yaml


@dataclass(frozen=True)
class EntityWords:
    group_nouns: frozenset[str]  # "the Obama administration" is a group, not Obama
    company_suffixes: frozenset[str]  # lower case, no final dot: inc, corp, plc, co
    person_suffixes: frozenset[str]  # jr, sr, iii


@cache
def entity_words() -> EntityWords:
    data = load_yaml("entities.yaml")

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower().rstrip(".") for w in data.get(key) or ())

    return EntityWords(words("group_nouns"), words("company_suffixes"), words("person_suffixes"))
