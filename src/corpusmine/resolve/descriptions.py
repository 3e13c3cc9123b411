"""Definite descriptions: "the trust", "the agency", "the regulator", "the council".

A definite description names an entity the reader already knows. Extract finds them in
the text (``extract.references.descriptions``); here we say which antecedents are
compatible, and ``context`` links each to the nearest compatible one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..records import DescriptionCandidate
from .names import Name

if TYPE_CHECKING:
    from ..knowledge import DescriptionRule
    from ..knowledge import NameLexicon as Lexicon


@dataclass(frozen=True)
class Description:
    """A description found in a text or given as a mention ("the Fostering Service")."""

    start: int
    end: int
    text: str  # surface, apostrophes straightened, possessive removed
    head: str  # lower-case head noun
    modifiers: tuple[str, ...]  # comparison tokens of the modifiers
    rule: DescriptionRule | None


def of_candidate(candidate: DescriptionCandidate, lex: Lexicon) -> Description:
    """A stored description candidate with the rule for its head noun."""
    rule = rule_for(candidate.head, candidate.modifiers, lex)
    return Description(
        candidate.start, candidate.end, candidate.text, candidate.head, candidate.modifiers, rule
    )


def rule_for(head: str, modifiers: tuple[str, ...], lex: Lexicon) -> DescriptionRule | None:
    """The most specific rule for a head noun with these modifiers, or None."""
    for rule in lex.rules:
        if head in rule.heads and (not rule.modifiers or rule.modifiers & set(modifiers)):
            return rule
    return None


def description_of_name(name: Name, start: int, end: int, lex: Lexicon) -> Description:
    """Read a common-noun mention ("the Fostering Service", "Trust") as a description."""
    head = name.head
    modifiers = name.tokens[:-1]
    rule = rule_for(head, modifiers, lex)
    return Description(start, end, name.surface, head, modifiers, rule)


def compatible(description: Description, name: Name, entity_type: str, lex: Lexicon) -> bool:
    """May ``description`` name an entity called ``name`` of type ``entity_type``?

    The antecedent must satisfy the rule for the head noun (or, without a rule, end in the
    same head noun), and every modifier that restricts ("fostering" in "the fostering
    agency"; not "independent") must occur in its name.
    """
    rule = description.rule
    tokens = set(name.tokens)
    if not name.tokens:
        return False
    if rule is None:
        if name.head != description.head:
            return False
    else:
        if entity_type != rule.type:
            return False
        # "the fostering service" may name "X Fostering Agency": a modifier found in the
        # name pins the entity, and the body that delivers a service may be an agency.
        restricted = bool(_restricting(description, lex))
        if not (
            name.key in rule.names
            or name.head in rule.name_heads
            or (restricted and name.head in rule.restricted_name_heads)
            or rule.name_contains & tokens
        ):
            return False
    return all(m in tokens for m in _restricting(description, lex))


def _restricting(description: Description, lex: Lexicon) -> list[str]:
    """The modifiers a compatible name must contain ("fostering", not "independent")."""
    return [m for m in description.modifiers if m not in lex.generic_modifiers and not m.isdigit()]


def distinctive(description: Description, lex: Lexicon) -> bool:
    """A description specific enough to look for its entity in the whole corpus."""
    return any(m not in lex.generic_modifiers for m in description.modifiers)


class NameIndex:
    """Names of one corpus (type, comparison tokens) by token, head and key.

    ``compatible`` needs every restricting modifier among a name's tokens, and otherwise
    the head noun (no rule) or the rule's names, heads or words; the index looks up the
    names that have one of those, so a description is compared with a few names rather
    than every name of the corpus. ``matches`` still applies ``compatible`` to each.
    """

    def __init__(self, names: Iterable[tuple[str, tuple[str, ...]]]) -> None:
        self._by_token: dict[tuple[str, str], list[tuple[str, ...]]] = defaultdict(list)
        self._by_head: dict[tuple[str, str], list[tuple[str, ...]]] = defaultdict(list)
        self._by_key: dict[tuple[str, str], list[tuple[str, ...]]] = defaultdict(list)
        for kind, tokens in names:
            if not tokens:
                continue  # never compatible
            for token in set(tokens):
                self._by_token[(kind, token)].append(tokens)
            self._by_head[(kind, tokens[-1])].append(tokens)
            self._by_key[(kind, " ".join(tokens))].append(tokens)

    def ending_in(self, kind: str, word: str) -> list[tuple[str, ...]]:
        """Names of type ``kind`` whose last token is ``word``."""
        return self._by_head.get((kind, word), [])

    def matches(self, description: Description, kind: str, lex: Lexicon) -> set[tuple[str, ...]]:
        """Tokens of the names of type ``kind`` that ``description`` is compatible with."""
        return {
            tokens
            for tokens in self._candidates(description, kind, lex)
            if compatible(description, Name(" ".join(tokens), " ".join(tokens), tokens), kind, lex)
        }

    def _candidates(
        self, description: Description, kind: str, lex: Lexicon
    ) -> Iterable[tuple[str, ...]]:
        restricting = _restricting(description, lex)
        if restricting:
            return self._by_token.get((kind, restricting[0]), ())
        rule = description.rule
        if rule is None:
            return self._by_head.get((kind, description.head), ())
        pools = [self._by_key.get((kind, key), ()) for key in rule.names]
        pools += [self._by_head.get((kind, head), ()) for head in rule.name_heads]
        pools += [self._by_token.get((kind, word), ()) for word in rule.name_contains]
        return {tokens for pool in pools for tokens in pool}
