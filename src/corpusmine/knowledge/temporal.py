"""The words of English time expressions (``models/temporal.yaml``), typed and read-only.

Number words come from the shared list (``numbers.yaml``), plus the few words only a
duration reads as a number ("a month", "a couple of days").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from .files import load_yaml
from .words import number_words


@dataclass(frozen=True)
class Unit:
    """A calendar unit word: TimeML unit letter, multiplier, and whether it is a clock unit."""

    unit: str
    factor: int = 1
    time: bool = False


@dataclass(frozen=True)
class Season:
    """A season's TimeML code and its first and last month."""

    code: str
    start: int
    end: int


@dataclass(frozen=True)
class TemporalLexicon:
    """Word lists and maps that define English time expressions (see temporal.yaml)."""

    months: dict[str, int]  # name or abbreviation -> 1..12
    weekdays: dict[str, int]  # name or abbreviation -> 0 (Monday)..6
    numbers: dict[str, float]
    vague_numbers: frozenset[str]
    units: dict[str, Unit]
    unit_fillers: frozenset[str]
    day_words: dict[tuple[str, ...], tuple[int, str | None]]
    parts_of_day: dict[str, str]
    seasons: dict[str, Season]
    document_shift: dict[str, int]
    previous_shift: dict[str, int]
    after_words: frozenset[str]
    before_words: frozenset[str]
    ago_words: frozenset[str]
    within_words: frozenset[str]
    modifiers: tuple[tuple[tuple[str, ...], str], ...]  # longest first
    present_ref: frozenset[tuple[str, ...]]
    past_ref: frozenset[tuple[str, ...]]
    future_ref: frozenset[tuple[str, ...]]
    set_quantifiers: frozenset[str]
    set_words: dict[str, str]
    fiscal_words: frozenset[str]
    ordinals: dict[str, int]
    future_auxiliaries: frozenset[str]
    later_than_event: frozenset[str]  # "before X": X is after the verb's event
    earlier_than_event: frozenset[str]  # "after X": X is before the verb's event
    future_verbs: frozenset[str]
    publication_verbs: frozenset[str]
    age_words: frozenset[str]
    ambiguous_words: frozenset[str]
    trim_words: frozenset[str]
    grammar_words: frozenset[str]


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(phrase.lower().split())


def _phrases(items: list[str]) -> frozenset[tuple[str, ...]]:
    return frozenset(_words(item) for item in items)


def _names(raw: dict[str, list[str]]) -> dict[str, int]:
    """``{1: [january, jan]}`` -> ``{"january": 1, "jan": 1}``."""
    return {str(name).lower(): int(number) for number, names in raw.items() for name in names}


@cache
def temporal_lexicon() -> TemporalLexicon:
    """The temporal lexicon, loaded once per process."""
    raw: dict[str, Any] = load_yaml("temporal.yaml")
    modifiers = sorted(
        ((_words(k), v) for k, v in raw["modifiers"].items()), key=lambda kv: -len(kv[0])
    )
    numbers = dict(number_words().words)
    numbers.update({str(k): float(v) for k, v in raw["duration_numbers"].items()})
    return TemporalLexicon(
        months=_names(raw["months"]),
        weekdays=_names(raw["weekdays"]),
        numbers=numbers,
        vague_numbers=frozenset(raw["vague_numbers"]),
        units={k: Unit(**v) for k, v in raw["units"].items()},
        unit_fillers=frozenset(raw["unit_fillers"]),
        day_words={
            _words(k): (int(v["offset"]), v.get("part")) for k, v in raw["day_words"].items()
        },
        parts_of_day=dict(raw["parts_of_day"]),
        seasons={k: Season(**v) for k, v in raw["seasons"].items()},
        document_shift=dict(raw["document_shift"]),
        previous_shift=dict(raw["previous_shift"]),
        after_words=frozenset(raw["after_words"]),
        before_words=frozenset(raw["before_words"]),
        ago_words=frozenset(raw["ago_words"]),
        within_words=frozenset(raw["within_words"]),
        modifiers=tuple(modifiers),
        present_ref=_phrases(raw["present_ref"]),
        past_ref=_phrases(raw["past_ref"]),
        future_ref=_phrases(raw["future_ref"]),
        set_quantifiers=frozenset(raw["set_quantifiers"]),
        set_words=dict(raw["set_words"]),
        fiscal_words=frozenset(raw["fiscal_words"]),
        ordinals={str(k): int(v) for k, v in raw["ordinals"].items()},
        future_auxiliaries=frozenset(raw["future_auxiliaries"]),
        later_than_event=frozenset(raw["later_than_event"]),
        earlier_than_event=frozenset(raw["earlier_than_event"]),
        future_verbs=frozenset(raw["future_verbs"]),
        publication_verbs=frozenset(raw["publication_verbs"]),
        age_words=frozenset(raw["age_words"]),
        ambiguous_words=frozenset(raw["ambiguous_words"]),
        trim_words=frozenset(raw["trim_words"]),
        grammar_words=frozenset(raw["grammar_words"]),
    )
