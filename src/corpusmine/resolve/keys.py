"""Name keys: what two names must share before resolution ever compares them.

Every corpus-wide comparison of resolution looks only within a block of names that
share a key, so a new document's names meet only the stored names that share one of
its keys (``Store.documents_with_keys``):

- ``NAME``: the comparison tokens, short forms expanded ("Northants" and
  "Northamptonshire" alike). Same name, acronym long forms, the lower-case reading.
- ``WORD``: each comparison token. A person's surname and given name (person variants,
  "J Smithers"/"Jason Smithers", and one-word names), an organisation's head word
  (truncations, "Children's Trust"), any word of a name (fuzzy pairs differ in one word
  only and share the others; descriptions and organisation words look names up by word).
- ``LETTERS``: what an acronym spells ("nnc"), and every letter string a full
  organisation name can be written as (function words optional: "Department for
  Education" is "de" and "dfe"), for acronyms the corpus never defines.
- ``SPACING``: the letters without spaces or hyphens ("SeaMicro" / "Sea Micro").
- ``BLEND``: a person's nickname blending given name and surname ("LiLo" / "Lindsay
  Lohan"): every blend a full name can make, and the blend a one-word name is.

A new kind of cross-document merge must be reachable through one of these: add its key
here (one module, so the blocking and the stored keys never disagree).
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import TYPE_CHECKING

from .names import Name, analyse, entity_type, initial_parts, straighten
from .people import BLEND, blends
from .variants import spacing_key

if TYPE_CHECKING:
    from ..knowledge import NameLexicon as Lexicon
    from ..records import Mention

# A name with more optional function words than this is spelt by its content words only
# and by all its words (2**6 strings is already far more than any acronym needs).
MAX_OPTIONAL_WORDS = 6
MIN_SPACING = 4  # as variants.spacing_pairs: shorter letter runs are not compared


class KeyKind(StrEnum):
    """One kind of name key (the prefix of a stored key)."""

    NAME = "name"
    WORD = "word"
    LETTERS = "letters"
    SPACING = "spacing"
    BLEND = "blend"


def key(kind: KeyKind, value: str) -> str:
    """A key as stored: ``"word:smithers"``."""
    return f"{kind.value}:{value}"


def name_keys(name: Name, kind: str, lex: Lexicon) -> frozenset[str]:
    """The keys of one analysed name of entity type ``kind``."""
    if not name.tokens:
        return frozenset()
    keys = {key(KeyKind.NAME, " ".join(name.tokens))}
    if name.acronym:
        letters = "".join(c.lower() for c in name.display if c.isalnum())
        if letters:
            keys.add(key(KeyKind.LETTERS, letters))
        return frozenset(keys)
    keys.update(key(KeyKind.WORD, token) for token in name.tokens)
    spaced = spacing_key(name.tokens)
    if len(spaced) >= MIN_SPACING:
        keys.add(key(KeyKind.SPACING, spaced))
    if kind == "ORG":
        keys.update(key(KeyKind.LETTERS, s) for s in spellings(name.display, lex))
    if kind == "PERSON":  # "LiLo" meets "Lindsay Lohan" (context._person)
        keys.update(key(KeyKind.BLEND, b) for b in blends(name.tokens))
        blended = BLEND.match(name.display)
        if len(name.tokens) == 1 and blended:
            keys.add(key(KeyKind.BLEND, "".join(blended.groups()).lower()))
    return frozenset(keys)


def spellings(display: str, lex: Lexicon) -> frozenset[str]:
    """Every letter string an acronym of ``display`` may spell (``names.letters_match``):
    one initial per word, function words optional."""
    parts = initial_parts(display.split())
    if len(parts) < 2:
        return frozenset()
    optional = [w.lower() in lex.function_words for w in parts]
    if sum(optional) > MAX_OPTIONAL_WORDS:
        content = "".join(w[0].lower() for w, o in zip(parts, optional, strict=True) if not o)
        return frozenset(s for s in (content, "".join(w[0].lower() for w in parts)) if s)
    found = {""}
    for word, skippable in zip(parts, optional, strict=True):
        initial = word[0].lower()
        found = {s + initial for s in found} | (found if skippable else set())
    return frozenset(s for s in found if s)


def mention_keys(mentions: Iterable[Mention], lex: Lexicon) -> frozenset[str]:
    """The keys of a document's entity mentions (as ``inputs.build_input`` reads them:
    entity labels only, never a listed non-entity)."""
    keys: set[str] = set()
    seen: set[tuple[str, str]] = set()
    for mention in mentions:
        kind = entity_type(mention.label)
        if kind is None or (mention.text, kind) in seen:
            continue
        seen.add((mention.text, kind))
        surface = straighten(mention.text)
        if not surface or surface.lower() in lex.not_entities:
            continue
        keys |= name_keys(analyse(mention.text, kind, lex), kind, lex)
    return frozenset(keys)
