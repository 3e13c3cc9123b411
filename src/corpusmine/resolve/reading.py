"""How the corpus reads each name: is it proper, or a common noun phrase?

A product of the lower-case pass: the phrases of the corpus's names that it also writes
in lower case (``lowercase``). ``proper`` and ``common`` are pure functions of a
reference and that set, memoised.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .inputs import Names
from .names import Name
from .refs import DESCRIPTION, Ref


@dataclass(frozen=True)
class Reading:
    """Names analysed, and which of them the corpus also writes in lower case."""

    names: Names
    lowercase: frozenset[tuple[str, ...]]
    _proper: dict[tuple[str, str, str], bool] = field(default_factory=dict, compare=False)

    def name(self, ref: Ref) -> Name:
        return self.names.of(ref)

    def common(self, ref: Ref) -> bool:
        """Is the ref's name a common noun phrase (used in lower case in the corpus)?"""
        name = self.names.of(ref)
        return not name.acronym and name.tokens in self.lowercase

    def proper(self, ref: Ref) -> bool:
        """A reference that names its entity by a proper name (an antecedent candidate)."""
        key = (ref.text, ref.type, ref.origin)  # all it depends on, with the corpus
        found = self._proper.get(key)
        if found is None:
            found = self._proper[key] = self._is_proper(ref)
        return found

    def _is_proper(self, ref: Ref) -> bool:
        name = self.names.of(ref)
        if ref.origin == DESCRIPTION or ref.type == "ROLE" or not name.tokens:
            return False
        if ref.type == "ORG" and self.common(ref):
            return False
        return not (ref.type == "PERSON" and len(name.tokens) < 2)
