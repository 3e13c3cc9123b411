"""Acronyms never defined in the corpus, matched by their letters to the full
organisation names of the corpus ("DfE" = Department for Education). Only a unique
match counts. Definitions in the text are found by ``extract.references.acronyms``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Generic, TypeVar

from .names import initial_parts, letters_match

if TYPE_CHECKING:
    from ..knowledge import NameLexicon as Lexicon

K = TypeVar("K")


class InitialsIndex(Generic[K]):
    """Long forms grouped by the letters an acronym of them can start with.

    ``letters_match`` needs the first letter to be the initial of a word up to the first
    content word, and one letter per content word at least and per word at most; the
    index applies those tests first, so each acronym is compared with a handful of names
    instead of every organisation in the corpus.
    """

    def __init__(self, names: Iterable[tuple[K, str]], lex: Lexicon) -> None:
        self.lex = lex
        self.by_letter: dict[str, list[tuple[K, str, int, int]]] = {}
        for key, display in names:
            parts = initial_parts(display.split())
            content = [w for w in parts if w.lower() not in lex.function_words]
            starts: set[str] = set()
            for word in parts:
                starts.add(word[0].lower())
                if word.lower() not in lex.function_words:
                    break
            for letter in starts:
                self.by_letter.setdefault(letter, []).append(
                    (key, display, len(content), len(parts))
                )

    def matches(self, short: str) -> list[K]:
        """Keys whose name ``short`` spells by its initials, in insertion order."""
        letters = [c.lower() for c in short if c.isalnum()]
        if not letters:
            return []
        return [
            key
            for key, display, content, words in self.by_letter.get(letters[0], ())
            if content <= len(letters) <= words and letters_match(short, display.split(), self.lex)
        ]
