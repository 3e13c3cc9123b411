"""Pass 3: what each acronym stands for, per defining document and corpus-wide.

An acronym defined in one document means its long form there; used elsewhere without a
definition it means what the corpus defines it as, unless documents define it
differently. An acronym never defined is matched by its letters to the one full
organisation name of the corpus it spells (``acronyms.InitialsIndex``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from .acronyms import InitialsIndex
from .inputs import ResolveInput
from .names import Name, initial_parts
from .reading import Reading
from .references import References
from .refs import Ref


@dataclass(frozen=True)
class Expansions:
    """``expansion[(document, short)]``, with document "*" for the corpus-wide meaning;
    ``letter_match[short]``: the tokens of the full name an undefined acronym spells."""

    expansion: Mapping[tuple[str, str], Name]
    letter_match: Mapping[str, tuple[str, ...]]

    def reference_name(self, reading: Reading, ref: Ref) -> Name:
        """The name an antecedent is compared by: an acronym's expansion, else its own."""
        name = reading.name(ref)
        if name.acronym:
            return self.expansion.get((ref.document, name.display)) or self.expansion.get(
                ("*", name.display), name
            )
        return name


def expand_acronyms(inp: ResolveInput, reading: Reading, refs: References) -> Expansions:
    """See the module docstring."""
    expansion: dict[tuple[str, str], Name] = {}
    for (doc, short), ref in refs.long_forms.items():
        expansion[(doc, short)] = reading.name(ref)
    # Full proper ORG names, for letter matching of undefined acronyms.
    full_orgs: dict[tuple[str, ...], Name] = {}
    for ref in refs.all:
        name = reading.name(ref)
        if (
            ref.type == "ORG"
            and reading.proper(ref)
            and not name.acronym
            and len(initial_parts(name.display.split())) >= 2  # "Hewlett-Packard" is HP
        ):
            current = full_orgs.get(name.tokens)
            if current is None or (name.display, name.surface) < (
                current.display,
                current.surface,
            ):
                full_orgs[name.tokens] = name
    shorts = sorted({reading.name(r).display for r in refs.all if reading.name(r).acronym})
    letter_match: dict[str, tuple[str, ...]] = {}
    definitions: dict[str, list[tuple[str, str]]] = {}
    for key in expansion:
        definitions.setdefault(key[1], []).append(key)
    index = InitialsIndex(
        ((tokens, name.display) for tokens, name in sorted(full_orgs.items())), inp.lex
    )
    for short in shorts:
        keys = definitions.get(short, [])
        defined = {expansion[k].tokens for k in keys}
        if len(defined) == 1:
            expansion[("*", short)] = expansion[min(keys)]
            continue
        if defined:
            continue
        matches = index.matches(short)
        if len(matches) == 1:
            letter_match[short] = matches[0]
            expansion[("*", short)] = full_orgs[matches[0]]
    return Expansions(MappingProxyType(expansion), MappingProxyType(letter_match))
