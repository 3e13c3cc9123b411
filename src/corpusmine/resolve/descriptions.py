"""Definite descriptions: "the trust", "the agency", "the regulator", "the council".

A definite description names an entity the reader already knows. We find them in the
text (a determiner, or a capitalised possessor such as "Northamptonshire's", then up to
three modifiers, then a head noun listed in ``models/descriptions.yaml``) and say which
antecedents are compatible; ``context`` links each to the nearest compatible one.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
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
    # Offsets are read only near the few words that open a description.
    matches = list(_TOKEN.finditer(text))
    words: list[str] = list(map(re.Match.group, matches))
    heads = lex.description_heads
    head_words = {w for w in set(words) if _bare(w) in heads}
    found: list[Description] = []
    for i in _openings(words, head_words):
        word, start = words[i], matches[i].start()
        determiner = word.lower() in lex.determiners
        possessor = word[0].isupper() and _is_possessive(word) and i + 1 < len(words)
        if not (determiner or possessor):
            continue
        modifiers: list[str] = []
        for j in range(i + 1, min(i + 2 + _MAX_MODIFIERS, len(words))):
            token, (token_start, token_end) = words[j], matches[j].span()
            if not token[0].isalnum() or "\n" in text[matches[j - 1].end() : token_start]:
                break
            if token.lower() in lex.determiners:
                break
            if possessor and not token[0].islower():
                break  # "Children's Trust" is a name, not "the trust of the children"
            bare = _bare(token)
            if bare in heads and not _continues_compound(words, j, lex):
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


@lru_cache(maxsize=1 << 16)  # called for each distinct word of each document
def _bare(word: str) -> str:
    """A word as a head noun is looked up: lower case, without a possessive."""
    return strip_possessive(word.replace("’", "'")).lower()


def _openings(words: list[str], head_words: set[str]) -> list[int]:
    """Positions of the words a description may open at: a description ends in a head
    noun within _MAX_MODIFIERS + 1 words (the caller checks the opening word itself)."""
    if not head_words:
        return []
    at_heads = [j for j, word in enumerate(words) if word in head_words]
    return sorted({i for j in at_heads for i in range(max(0, j - 1 - _MAX_MODIFIERS), j)})


def _continues_compound(words: list[str], j: int, lex: Lexicon) -> bool:
    """True when the word after a head makes it a modifier ("the trust model")."""
    if _is_possessive(words[j]):
        return False
    if j + 1 >= len(words):
        return False
    following = words[j + 1]
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
