"""Definite descriptions: "the trust", "the agency", "the regulator", "the council".

A definite description names an entity the reader already knows. We find them in the
text (a determiner, or a capitalised possessor such as "Northamptonshire's", then up to
three modifiers, then a head noun listed in ``models/descriptions.yaml``) and say which
antecedents are compatible; ``context`` links each to the nearest compatible one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .names import Name, straighten, strip_possessive, word_token

if TYPE_CHECKING:
    from .lexicon import DescriptionRule, Lexicon

_TOKEN = re.compile(r"[A-Za-z0-9]+(?:['’\-][A-Za-z0-9]+)*['’]?|[^\sA-Za-z0-9]")
_MAX_MODIFIERS = 3


@dataclass(frozen=True)
class Description:
    """A description found in a text or given as a mention ("the Fostering Service")."""

    start: int
    end: int
    text: str  # surface, apostrophes straightened, possessive removed
    head: str  # lower-case head noun
    modifiers: tuple[str, ...]  # comparison tokens of the modifiers
    rule: DescriptionRule | None


def _is_possessive(token: str) -> bool:
    token = token.replace("’", "'")
    return token.endswith("'s") or token.endswith("s'")


def rule_for(head: str, modifiers: tuple[str, ...], lex: Lexicon) -> DescriptionRule | None:
    """The most specific rule for a head noun with these modifiers, or None."""
    for rule in lex.rules:
        if head in rule.heads and (not rule.modifiers or rule.modifiers & set(modifiers)):
            return rule
    return None


def find_descriptions(text: str, lex: Lexicon) -> list[Description]:
    """Definite descriptions in ``text`` whose head noun has a rule."""
    tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    heads = lex.description_heads
    found: list[Description] = []
    for i, (word, start, _end) in enumerate(tokens):
        determiner = word.lower() in lex.determiners
        possessor = word[0].isupper() and _is_possessive(word) and i + 1 < len(tokens)
        if not (determiner or possessor):
            continue
        modifiers: list[str] = []
        for j in range(i + 1, min(i + 2 + _MAX_MODIFIERS, len(tokens))):
            token, token_start, token_end = tokens[j]
            if not token[0].isalnum() or "\n" in text[tokens[j - 1][2] : token_start]:
                break
            if token.lower() in lex.determiners:
                break
            if possessor and not token[0].islower():
                break  # "Children's Trust" is a name, not "the trust of the children"
            bare = strip_possessive(token.replace("’", "'")).lower()
            if bare in heads and not _continues_compound(tokens, j, lex):
                mods = tuple(t for m in modifiers for t in word_token(m, lex))
                if lex.blocking_modifiers & {m.lower() for m in modifiers}:
                    break
                surface = straighten(text[start:token_end])
                surface = strip_possessive(surface)
                if determiner:
                    surface = surface[0].lower() + surface[1:]
                found.append(
                    Description(start, start + len(surface), surface, bare, mods,
                                rule_for(bare, mods, lex))
                )  # fmt: skip
                break
            if _is_possessive(token) and token[0].isupper() and j > i + 1:
                break  # "the county's Children's Trust": a new possessor starts a new phrase
            modifiers.append(token)
    return found


def _continues_compound(tokens: list[tuple[str, int, int]], j: int, lex: Lexicon) -> bool:
    """True when the word after a head makes it a modifier ("the trust model")."""
    if _is_possessive(tokens[j][0]):
        return False
    if j + 1 >= len(tokens):
        return False
    following = tokens[j + 1][0]
    if following in ("-", "–"):
        return True
    return following.lower() in lex.compound_followers


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
        if not (
            name.key in rule.names or name.head in rule.name_heads or rule.name_contains & tokens
        ):
            return False
    restricting = [
        m for m in description.modifiers if m not in lex.generic_modifiers and not m.isdigit()
    ]
    return all(m in tokens for m in restricting)


def distinctive(description: Description, lex: Lexicon) -> bool:
    """A description specific enough to look for its entity in the whole corpus."""
    return any(m not in lex.generic_modifiers for m in description.modifiers)
