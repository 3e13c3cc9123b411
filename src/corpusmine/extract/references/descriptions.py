"""Definite descriptions: "the trust", "the agency", "Northamptonshire's council".

A determiner, or a capitalised possessor such as "Northamptonshire's", then up to three
modifiers, then a head noun that has a rule in ``models/descriptions.yaml``. Which entity
a description names is decided in resolution (``resolve.context``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ...records import DescriptionCandidate
from ...resolve.descriptions import rule_for
from ...resolve.names import straighten, strip_possessive, word_token

if TYPE_CHECKING:
    from ...knowledge import NameLexicon as Lexicon

_TOKEN = re.compile(r"[A-Za-z0-9]+(?:['’\-][A-Za-z0-9]+)*['’]?|[^\sA-Za-z0-9]")
_MAX_MODIFIERS = 3


def _is_possessive(token: str) -> bool:
    token = token.replace("’", "'")
    return token.endswith("'s") or token.endswith("s'")


def find_descriptions(document: str, text: str, lex: Lexicon) -> list[DescriptionCandidate]:
    """Definite descriptions in ``text`` whose head noun has a rule."""
    # Offsets are read only near the few words that open a description.
    matches = list(_TOKEN.finditer(text))
    words: list[str] = list(map(re.Match.group, matches))
    heads = lex.description_heads
    head_words = {w for w in set(words) if _bare(w) in heads}
    found: list[DescriptionCandidate] = []
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
                if rule_for(bare, mods, lex) is not None:
                    found.append(
                        DescriptionCandidate(document, start, start + len(surface), surface,
                                             bare, mods)
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
