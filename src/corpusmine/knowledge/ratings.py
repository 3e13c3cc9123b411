"""Inspection rating scales (``models/ratings.yaml``): grades, their forms and cues."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from types import MappingProxyType

from .files import load_yaml


@dataclass(frozen=True)
class Grade:
    """One grade of a scale; ``value`` orders the scale from best (1) to worst."""

    scale: str
    name: str
    value: int
    forms: tuple[str, ...]
    needs_context: bool  # a common word ("good") counts only next to a rating cue


@dataclass(frozen=True)
class Ratings:
    """Every grade of every scale, and the words that make a weak form a rating."""

    grades: tuple[Grade, ...]
    context_before: frozenset[str]
    context_after: frozenset[str]

    @cached_property
    def ranks(self) -> Mapping[str, tuple[str, int]]:
        """Grade name (lower case) -> (scale name, rank on the scale)."""
        return MappingProxyType({g.name.lower(): (g.scale, g.value) for g in self.grades})


@cache
def ratings() -> Ratings:
    """The rating scales, loaded once."""
    data = load_yaml("ratings.yaml")
    grades = tuple(
        Grade(
            scale=str(scale_name),
            name=str(grade["name"]),
            value=int(grade["value"]),
            forms=tuple(str(f) for f in grade["forms"]),
            needs_context=bool(grade["needs_context"]),
        )
        for scale_name, scale in data["scales"].items()
        for grade in scale["grades"]
    )
    return Ratings(
        grades=grades,
        context_before=frozenset(data["context_before"]),
        context_after=frozenset(data["context_after"]),
    )
