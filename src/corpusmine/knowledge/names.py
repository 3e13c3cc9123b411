"""What resolution knows about names: titles, short forms, descriptions, non-entities.

Read from ``job_titles.yaml``, ``names.yaml``, ``descriptions.yaml``, ``short_forms.csv``
and ``not_entities.txt``, with the shared word classes of :mod:`.words`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache
from types import MappingProxyType

from .files import load_csv, load_lines, load_yaml
from .words import function_words, honorifics


@dataclass(frozen=True)
class DescriptionRule:
    """Which entities a definite description with one of ``heads`` may name."""

    heads: frozenset[str]
    type: str
    name_heads: frozenset[str] = frozenset()
    name_contains: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()  # name keys (see resolve.names.name_tokens)
    modifiers: frozenset[str] = frozenset()
    # Heads an antecedent may also end in when the description has a restricting modifier.
    restricted_name_heads: frozenset[str] = frozenset()


@dataclass(frozen=True)
class NameLexicon:
    """Everything resolve knows about words in names."""

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
def job_titles() -> tuple[str, ...]:
    """Titles marked as ROLE wherever they appear capitalised (``job_titles.yaml`` titled)."""
    return tuple(load_yaml("job_titles.yaml")["titled"])


@dataclass(frozen=True)
class ComposedTitles:
    """Capitalised titles built as rank* head [of|for] words* service (``composed``)."""

    ranks: frozenset[str]
    heads: frozenset[str]
    links: frozenset[str]
    services: frozenset[str]


@cache
def composed_titles() -> ComposedTitles:
    """The parts of composed job titles ("Executive Director People Services"), as written."""
    data = load_yaml("job_titles.yaml")["composed"]
    return ComposedTitles(
        ranks=frozenset(data["ranks"]),
        heads=frozenset(data["heads"]),
        links=frozenset(data["links"]),
        services=frozenset(data["services"]),
    )


@cache
def appositive_titles() -> frozenset[str]:
    """Role words recognised in appositions ("X, chairman of ..."), lower case."""
    return _lower_set(load_yaml("job_titles.yaml")["appositive"])


@cache
def not_entities() -> tuple[str, ...]:
    """Names that are never entities (``not_entities.txt``), as written."""
    return load_lines("not_entities.txt")


@cache
def name_lexicon() -> NameLexicon:
    """The name lexicon (cached for the process)."""
    from ..resolve.names import name_tokens  # rule names are compared as name keys

    names = load_yaml("names.yaml")
    descriptions = load_yaml("descriptions.yaml")
    short_forms = {
        row["short"].strip().lower(): tuple(row["full"].lower().split())
        for row in load_csv("short_forms.csv")
        if row.get("short") and row.get("full")
    }
    titles = honorifics()
    base = NameLexicon(
        honorifics=titles.all,
        female_honorifics=titles.female,
        male_honorifics=titles.male,
        appositive_titles=tuple(sorted(appositive_titles(), key=lambda t: (-len(t), t))),
        titled_roles=job_titles(),
        short_forms=MappingProxyType(short_forms),
        function_words=function_words(),
        contrast_words=_lower_set(names["contrast_words"]),
        determiners=_lower_set(descriptions["determiners"]),
        rules=(),
        generic_modifiers=_lower_set(descriptions["generic_modifiers"]),
        blocking_modifiers=_lower_set(descriptions["blocking_modifiers"]),
        compound_followers=_lower_set(descriptions["compound_followers"]),
        not_entities=frozenset(line.lower() for line in not_entities()),
    )
    rules = []
    for raw in descriptions["rules"]:
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
                restricted_name_heads=_lower_set(raw.get("restricted_name_heads")),
            )
        )
    # Rules with required modifiers are more specific: try them first.
    rules.sort(key=lambda r: (not r.modifiers, sorted(r.heads)))
    return replace(base, rules=tuple(rules))
