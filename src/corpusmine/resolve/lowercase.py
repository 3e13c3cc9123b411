"""Lower-case evidence: is a capitalised "name" really a common noun phrase?

NER tags sentence-initial or emphasised common words as names ("Foster carers ...",
"the Fostering Service", "Independent Fostering Agency"). If the same words occur in
lower case elsewhere in the corpus ("foster carers", "an independent fostering agency"),
the phrase is a common noun phrase: a person "Foster" is noise, and "the Fostering
Service" is a description to resolve in context rather than a proper name.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from .names import word_token

if TYPE_CHECKING:
    from ..knowledge import NameLexicon as Lexicon

_CHUNK_URL = re.compile(r"[/@]|www\.|\w\.\w+\.\w")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’\-]*|[^\sA-Za-z]")

# A text is coded as its lower-case comparison tokens, each after a space, with _BREAK
# where a run of lower-case words ends (a capitalised word, a number, punctuation, a
# URL); no phrase spans a break, since no token is a line break. Its n-grams are then
# compared with the phrases as sets.
_BREAK = " \n"


def lowercase_documents(
    texts: Iterable[str], wanted: Iterable[tuple[str, ...]], lex: Lexicon
) -> dict[tuple[str, ...], int]:
    """Each phrase of ``wanted`` written in lower case, with the number of texts that
    write it so."""
    by_length: dict[int, set[tuple[str, ...]]] = defaultdict(set)
    # The lengths of the phrases a pair of tokens starts: a text's n-grams are built
    # only for the lengths its pairs of tokens call for.
    pair_lengths: dict[tuple[str, str], set[int]] = defaultdict(set)
    for phrase in wanted:
        by_length[len(phrase)].add(phrase)
        if len(phrase) >= 2:
            pair_lengths[phrase[:2]].add(len(phrase))
    found: Counter[tuple[str, ...]] = Counter()
    coder = _Coder(lex)
    for text in texts:
        tokens = coder.tokens(text)
        here = by_length[1].intersection(_ngrams(tokens, 1))
        lengths: set[int] = set()
        for pair in pair_lengths.keys() & set(_ngrams(tokens, 2)):
            lengths |= pair_lengths[pair]
        for n in lengths:
            here |= by_length[n].intersection(_ngrams(tokens, n))
        found.update(here)
    return dict(found)


# In the indexed form of a text (``indexed_words``) a break is this word: a digit, which no
# comparison token holds, so no phrase of names matches across it.
INDEX_BREAK = "0"


def indexed_words(text: str, lex: Lexicon) -> str:
    """The text's lower-case comparison tokens as one line of words, with ``INDEX_BREAK``
    where a run of lower-case words ends: a full-text index of it (SQLite FTS5, words
    split at spaces) finds a phrase exactly where ``lowercase_documents`` finds it."""
    return " ".join(
        INDEX_BREAK if token == "\n" else token for token in _Coder(lex).tokens(text) if token
    )


class _Coder:
    """Texts as comparison tokens, coding each distinct chunk of text once."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.coded: dict[str, str] = {}  # chunks repeat: code each distinct chunk once
        self.words: dict[str, tuple[str, ...]] = {}

    def tokens(self, text: str) -> list[str]:
        """The tokens of ``text``: comparison tokens and breaks (a line-break token);
        the first is empty."""
        chunks = text.split()
        for chunk in set(chunks).difference(self.coded):
            self.coded[chunk] = _code(chunk, self.lex, self.words)
        return ("".join(map(self.coded.__getitem__, chunks)) + _BREAK).split(" ")


def _ngrams(tokens: list[str], n: int) -> Iterator[tuple[str, ...]]:
    """Every run of ``n`` consecutive tokens."""
    return zip(*(tokens[k:] for k in range(n)), strict=False)  # stops at the shortest


def _code(chunk: str, lex: Lexicon, words: dict[str, tuple[str, ...]]) -> str:
    """One chunk of text between whitespace, coded (see _BREAK)."""
    if _CHUNK_URL.search(chunk):  # a URL or e-mail address is not prose
        return _BREAK
    parts = []
    for token in _TOKEN.findall(chunk):
        if token[0].isalpha() and token.islower():
            if token not in words:
                words[token] = word_token(token, lex)
            parts.extend(" " + t for t in words[token])
        else:
            parts.append(_BREAK)
    return "".join(parts)
