"""Words around entity names (``models/entities.yaml``): group nouns after a person's
name, and company suffixes; the entity-ruler patterns of ``models/organisations.jsonl``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import Any

from .files import load_jsonl, load_yaml


@dataclass(frozen=True)
class Titles:
    """How a title written before a person's name is read (``entities.yaml`` titles)."""

    phrases: frozenset[tuple[str, ...]]  # titles of two words: ("first", "lady")
    written_out: Mapping[str, str]  # a title's short form -> the title: gov -> governor
    spouse: frozenset[str]  # "first lady": the spouse of an office's holder, not the holder
    in_capitals: frozenset[str]  # di, pc, qc: ranks in capitals, no person's initials


@dataclass(frozen=True)
class EntityWords:
    group_nouns: frozenset[str]  # "the Obama administration" is a group, not Obama
    company_suffixes: frozenset[str]  # lower case, no final dot: inc, corp, plc, co
    person_suffixes: frozenset[str]  # jr, sr, iii
    junior_suffixes: frozenset[str]  # jr, ii: the later bearer of a name
    institution_heads: frozenset[str]  # center, hospital: "Betty Ford Center" is no person
    saint_words: frozenset[str]  # st, saint: "St Mary's Hospital" is named after a saint
    pet_forms: Mapping[str, frozenset[str]]  # katie -> katherine, kathryn, ...
    weak_labels: frozenset[str]  # model labels of names it does not know: PRODUCT, FAC
    person_titles: frozenset[str]  # judge, coroner: a title before a full name
    occupations: frozenset[str]  # actress, tackle: a title written before a person's name
    verb_openers: frozenset[str]  # to, will: a title word after them is a verb
    noun_phrase_openers: frozenset[str]  # the, his: a title word after them is a noun
    verb_subject_endings: tuple[str, ...]  # "fans judge", "helped nurse": a verb's context
    feminine_endings: tuple[str, ...]  # a, ine: "Maxine" is no "Max"
    titles: Titles


@cache
def entity_words() -> EntityWords:
    data = load_yaml("entities.yaml")

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower().rstrip(".") for w in data[key])

    return EntityWords(
        words("group_nouns"),
        words("company_suffixes"),
        words("person_suffixes"),
        words("junior_suffixes"),
        words("institution_heads"),
        words("saint_words"),
        _pet_forms(data["pet_forms"]),
        frozenset(str(w) for w in data["weak_labels"]),
        words("person_titles"),
        words("occupations"),
        words("verb_openers"),
        words("noun_phrase_openers"),
        tuple(str(e).lower() for e in data["verb_subject_endings"]),
        tuple(sorted(words("feminine_endings"), key=len, reverse=True)),
        _titles(data["titles"]),
    )


def _titles(data: Mapping[str, Any]) -> Titles:
    spouse = frozenset(str(p).lower() for p in data["spouse"])
    phrases = {str(p).lower() for p in data["phrases"]} | spouse
    return Titles(
        frozenset(tuple(p.split()) for p in phrases),
        MappingProxyType({str(k).lower(): str(v).lower() for k, v in data["written_out"].items()}),
        spouse,
        frozenset(str(p).lower() for p in data["in_capitals"]),
    )


def _pet_forms(entries: list[list[list[str]]]) -> Mapping[str, frozenset[str]]:
    """Each pet form and the full names it may stand for."""
    full_names: dict[str, set[str]] = {}
    for names, pets in entries:
        for pet in pets:
            full_names.setdefault(str(pet).lower(), set()).update(str(n).lower() for n in names)
    return {pet: frozenset(names) for pet, names in full_names.items()}


@cache
def organisation_patterns() -> tuple[Mapping[str, Any], ...]:
    """spaCy EntityRuler patterns (label, pattern, optional id) for bodies and places the
    statistical model gets wrong, or names by a general rule (``organisations.jsonl``)."""
    patterns = load_jsonl("organisations.jsonl")
    for n, p in enumerate(patterns, 1):
        if "label" not in p or "pattern" not in p:
            raise ValueError(f"organisations.jsonl: pattern {n} needs a label and a pattern")
    return tuple(patterns)


@dataclass(frozen=True)
class PlaceWords:
    countries: frozenset[str]  # lower case, no final dot: "germany", "u.s"
    regions: frozenset[str]  # states, provinces, nations: "oregon", "calif"
    abbreviations: Mapping[str, str]  # "calif" -> "california", "hants" -> "hampshire"
    districts: frozenset[str]  # "d.c": after a city named like a state ("Washington, D.C.")
    prepositions: frozenset[str]  # of place: "in", "across"; a place after them stays one
    stays: tuple[str, ...]  # "checked into", "treated at": a stay at an institution
    inside: frozenset[str]  # "near": a place tagged an organisation after them
    streets: frozenset[str]  # "street", "road": "Newton Street, Millom" names a town
    classes_before: frozenset[str]  # "island": "the island of Qeshm" is Qeshm
    classes_after: frozenset[str]  # "island": "Qeshm island" is Qeshm
    class_groups: frozenset[str]  # "chain": "the Pacific island chain" is not the Pacific


def place_key(text: str) -> str:
    """A place name as ``place_words`` holds it: lower case, no final dot."""
    return " ".join(text.lower().rstrip(".").split())


@cache
def place_words() -> PlaceWords:
    """Countries and first-level regions (``models/places.yaml``), compared by
    ``place_key``."""
    data = load_yaml("places.yaml")
    abbreviations = {
        place_key(str(short)): place_key(str(full))
        for short, full in data["region_abbreviations"].items()
    }
    return PlaceWords(
        frozenset(place_key(str(w)) for w in data["countries"]),
        frozenset(place_key(str(w)) for w in [*data["regions"], *data["capital_districts"]])
        | frozenset(abbreviations),
        MappingProxyType(abbreviations),
        frozenset(place_key(str(w)) for w in data["capital_districts"]),
        frozenset(place_key(str(w)) for w in data["place_prepositions"]),
        tuple(place_key(str(w)) for w in data["stays"]),
        frozenset(place_key(str(w)) for w in data["inside_prepositions"]),
        frozenset(place_key(str(w)) for w in data["street_words"]),
        frozenset(place_key(str(w)) for w in data["place_classes"]["of"]),
        frozenset(place_key(str(w)) for w in data["place_classes"]["after"]),
        frozenset(place_key(str(w)) for w in data["place_classes"]["groups"]),
    )
