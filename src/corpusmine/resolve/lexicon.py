"""The linguistic knowledge resolve uses, loaded once from ``models/``.

Word lists live in data files (``short_forms.csv``, ``descriptions.yaml``, ``names.yaml``,
``job_titles.yaml``, ``not_entities.txt``) so a user can extend them without touching code.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from ..knowledge import load_csv, load_lines, load_yaml


@dataclass(frozen=True)
class DescriptionRule:
    """Which entities a definite description with one of ``heads`` may name."""

    heads: frozenset[str]
    type: str
    name_heads: frozenset[str] = frozenset()
    name_contains: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()  # name keys (see names.name_tokens)
    modifiers: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Lexicon:
    """Everything resolve knows about words, as read from ``models/``."""

    honorifics: frozenset[str]  # lower case, without a trailing dot
    female_honorifics: frozenset[str]
    male_honorifics: frozenset[str]
    appositive_titles: tuple[str, ...]  # lower case, longest first
    titled_roles: tuple[str, ...]
    short_forms: Mapping[str, tuple[str, ...]]  # lower-case short form -> full words
    function_words: frozenset[str]
    contrast_words: frozenset[str]
    determiners: frozenset[str]
    rules: tuple[DescriptionRule, ...]
    generic_modifiers: frozenset[str]
    blocking_modifiers: frozenset[str]
    compound_followers: frozenset[str]
    not_entities: frozenset[str]

    @property
    def description_heads(self) -> frozenset[str]:
        return frozenset(h for rule in self.rules for h in rule.heads)


def _lower_set(values: object) -> frozenset[str]:
    return frozenset(str(v).lower().rstrip(".") for v in (values or ()))  # type: ignore[union-attr]


@cache
def lexicon() -> Lexicon:
    """The lexicon read from ``models/`` (cached for the process)."""
    from .names import name_tokens  # names needs the lexicon's word lists only lazily

    titles = load_yaml("job_titles.yaml")
    names = load_yaml("names.yaml")
    descriptions = load_yaml("descriptions.yaml")
    short_forms = {
        row["short"].strip().lower(): tuple(row["full"].lower().split())
        for row in load_csv("short_forms.csv")
        if row.get("short") and row.get("full")
    }
    function_words = _lower_set(names.get("function_words"))
    base = Lexicon(
        honorifics=_lower_set(titles.get("honorifics")),
        female_honorifics=_lower_set(names.get("female_honorifics")),
        male_honorifics=_lower_set(names.get("male_honorifics")),
        appositive_titles=tuple(
            sorted(_lower_set(titles.get("appositive")), key=lambda t: (-len(t), t))
        ),
        titled_roles=tuple(titles.get("titled") or ()),
        short_forms=MappingProxyType(short_forms),
        function_words=function_words,
        contrast_words=_lower_set(names.get("contrast_words")),
        determiners=_lower_set(descriptions.get("determiners")),
        rules=(),
        generic_modifiers=_lower_set(descriptions.get("generic_modifiers")),
        blocking_modifiers=_lower_set(descriptions.get("blocking_modifiers")),
        compound_followers=_lower_set(descriptions.get("compound_followers")),
        not_entities=frozenset(line.lower() for line in load_lines("not_entities.txt")),
    )
    rules = []
    for raw in descriptions.get("rules") or ():
        rules.append(
            DescriptionRule(
                heads=_lower_set(raw.get("heads")),
                type=str(raw.get("type", "ORG")).upper(),
                name_heads=_lower_set(raw.get("name_heads")),
                name_contains=_lower_set(raw.get("name_contains")),
                names=frozenset(
                    " ".join(name_tokens(str(n), "ORG", base)) for n in raw.get("names") or ()
                ),
                modifiers=_lower_set(raw.get("modifiers")),
            )
        )
    # Rules with required modifiers are more specific: try them first.
    rules.sort(key=lambda r: (not r.modifiers, sorted(r.heads)))
    return Lexicon(**{**base.__dict__, "rules": tuple(rules)})
