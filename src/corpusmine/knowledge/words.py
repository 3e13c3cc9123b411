"""Closed word classes several stages share, each listed once in ``models/words.yaml``.

Honorifics, pronouns, function words and number words are asked for by name here, so no
stage keeps its own copy of a list another stage also needs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from .files import load_yaml


@dataclass(frozen=True)
class Honorifics:
    """Titles that may precede a name and are not part of it (lower case, no dot)."""

    all: frozenset[str]
    female: frozenset[str]  # "Mrs Smithers" is never "Mr Smithers"
    male: frozenset[str]


@dataclass(frozen=True)
class Pronouns:
    """Pronouns by what they can point at (lower case)."""

    person: frozenset[str]  # he, she: a person
    group: frozenset[str]  # they, it: an organisation or a group
    possessive: frozenset[str]  # its, their
    relative: frozenset[str]  # which, who, that
    demonstrative: frozenset[str]  # this, that
    female: frozenset[str]  # she, her: a woman
    male: frozenset[str]  # he, him: a man

    @property
    def non_personal(self) -> frozenset[str]:
        """Pronouns that stand for something named elsewhere but never for one person."""
        return self.group | self.possessive | self.relative | self.demonstrative


@dataclass(frozen=True)
class NumberWords:
    """Numbers written as words, multipliers and currency symbols (``numbers.yaml``)."""

    words: Mapping[str, float]  # "two" -> 2
    multipliers: Mapping[str, float]  # "million", "bn" -> 1e6, 1e9
    currencies: Mapping[str, str]  # "£" -> GBP


def _lower(values: object) -> frozenset[str]:
    return frozenset(str(v).lower().rstrip(".") for v in (values or ()))  # type: ignore[union-attr]


@cache
def honorifics() -> Honorifics:
    """The honorifics of ``words.yaml``, loaded once."""
    data = load_yaml("words.yaml")["honorifics"]
    return Honorifics(
        all=_lower(data["all"]), female=_lower(data["female"]), male=_lower(data["male"])
    )


@cache
def pronouns() -> Pronouns:
    """The pronouns of ``words.yaml``, loaded once."""
    data = load_yaml("words.yaml")["pronouns"]
    return Pronouns(**{name: _lower(data.get(name)) for name in Pronouns.__dataclass_fields__})


@cache
def relation_nouns() -> frozenset[str]:
    """Nouns naming a person by their tie to another ("mother", "friend", "supporters"):
    a name in their of-complement is that other person."""
    return _lower(load_yaml("words.yaml")["relation_nouns"])


@cache
def function_words() -> frozenset[str]:
    """Words that carry no content in a name ("of", "and", "the", "&"): ignored when two
    names are compared and skipped when an acronym is spelt from a name."""
    return _lower(load_yaml("words.yaml")["function_words"])


@cache
def title_small_words() -> frozenset[str]:
    """Words a title-case name writes in lower case ("Friends of the Earth")."""
    return _lower(load_yaml("words.yaml")["title_small_words"])


@cache
def number_words() -> NumberWords:
    """The number words of ``numbers.yaml``, loaded once."""
    data = load_yaml("numbers.yaml")
    return NumberWords(
        words=MappingProxyType({str(k): float(v) for k, v in data["words"].items()}),
        multipliers=MappingProxyType({str(k): float(v) for k, v in data["multipliers"].items()}),
        currencies=MappingProxyType({str(k): str(v) for k, v in data["currencies"].items()}),
    )
