"""Lower-case evidence: is a capitalised "name" really a common noun phrase?

NER tags sentence-initial or emphasised common words as names ("Foster carers ...",
"the Fostering Service", "Independent Fostering Agency"). If the same words occur in
lower case elsewhere in the corpus ("foster carers", "an independent fostering agency"),
the phrase is a common noun phrase: a person "Foster" is noise, and "the Fostering
Service" is a description to resolve in context rather than a proper name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .names import word_token

if TYPE_CHECKING:
    from .lexicon import Lexicon

_CHUNK_URL = re.compile(r"[/@]|www\.|\w\.\w+\.\w")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’\-]*|[^\sA-Za-z]")


def lowercase_phrases(
    texts: Iterable[str], wanted: Iterable[tuple[str, ...]], lex: Lexicon
) -> frozenset[tuple[str, ...]]:
    """The phrases of ``wanted`` (comparison tokens) that occur written in lower case."""
    wanted_set = {w for w in wanted if w}
    if not wanted_set:
        return frozenset()
    lengths = sorted({len(w) for w in wanted_set})
    found: set[tuple[str, ...]] = set()
    cache: dict[str, tuple[str, ...]] = {}
    for text in texts:
        run: list[str] = []
        for chunk in text.split():
            if _CHUNK_URL.search(chunk):  # a URL or e-mail address is not prose
                _scan(run, lengths, wanted_set, found)
                run = []
                continue
            for token in _TOKEN.findall(chunk):
                if token[0].isalpha() and token.islower():
                    if token not in cache:
                        cache[token] = word_token(token, lex)
                    run.extend(cache[token])
                else:
                    _scan(run, lengths, wanted_set, found)
                    run = []
        _scan(run, lengths, wanted_set, found)
    return frozenset(found)


def _scan(
    run: list[str], lengths: list[int], wanted: set[tuple[str, ...]], found: set[tuple[str, ...]]
) -> None:
    for n in lengths:
        for i in range(len(run) - n + 1):
            gram = tuple(run[i : i + n])
            if gram in wanted:
                found.add(gram)
