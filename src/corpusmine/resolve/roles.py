"""Roles and affiliations from appositions, and holders of job titles.

An apposition right after a person's name gives their role:

    "Julian Wooster, chairman of Northamptonshire Children's Trust, said"
    "Cllr Jason Smithers (Cons), leader of North Northamptonshire Council (NNC)"
    "Olivia Ives, who is acting as the service's interim responsible individual"
    "Cornelia Andrecut, the trust's director of children's social care"

The role starts with a title word listed under ``appositive`` in
``models/job_titles.yaml``; the organisation is the one named after "of/at/for" in the
same clause, or the possessor before the title ("the trust's"). A title next to a name
("Jane Doe, Executive Director People Services") names the title's holder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .names import straighten
from .refs import DESCRIPTION, MENTION, Ref, SpanIndex

if TYPE_CHECKING:
    from ..knowledge import NameLexicon as Lexicon
    from .context import Links
    from .inputs import ResolveInput
    from .reading import Reading
    from .references import References

_AFTER_NAME = re.compile(r"(?:\s*\([^()\n]{1,30}\))?\s*,\s*")  # skips a party "(Cons)"
_RELATIVE = re.compile(
    r"(?:who|which)\s+(?:is|was|has\s+been|had\s+been)\s+"
    r"(?:(?:acting|serving|working)\s+as\s+|now\s+|also\s+)?",
    re.IGNORECASE,
)
_ARTICLE = re.compile(r"(?:the|a|an)\s+", re.IGNORECASE)
_POSSESSOR = re.compile(r"((?:[\w\-]+\s+){0,3}?[\w\-]+)['’]s?\s+")
_CLAUSE_END = re.compile(
    r"[.;:\n“”\"(]|\s(?:said|says|told|tells|added|adds|explained|warned|wrote)\b"
)
_CONNECTOR = re.compile(r"\s(?:of|at|for|with|in)\s+(?:the\s+)?$", re.IGNORECASE)
_MAX_ROLE = 160


@dataclass(frozen=True)
class RoleFact:
    """``person`` holds ``title`` (lower case as written), of/at ``organisation``."""

    person: Ref
    title: str  # "leader of ", "director of children's social care"
    organisation: Ref | None
    possessed: bool  # the organisation came from a possessive ("the trust's director")

    def text(self, organisation_name: str | None) -> str:
        """The role as shown: "leader of North Northamptonshire Council"."""
        title = self.title.strip()
        if organisation_name is None:
            return _trim_connector(title)
        if self.possessed:
            joiner = " at " if " of " in f" {title} " else " of "
            return f"{title}{joiner}{organisation_name}"
        return f"{title} {organisation_name}"


def _trim_connector(title: str) -> str:
    return re.sub(r"\s+(?:of|at|for|with|in)(?:\s+the)?$", "", title, flags=re.IGNORECASE)


def apposition_roles(
    text: str, people: list[Ref], organisations: SpanIndex, lex: Lexicon
) -> list[RoleFact]:
    """Roles given in appositions after each person's name in ``text``."""
    facts = []
    for person in people:
        fact = _apposition(text, person, organisations, lex)
        if fact:
            facts.append(fact)
    return facts


def _apposition(text: str, person: Ref, organisations: SpanIndex, lex: Lexicon) -> RoleFact | None:
    pos = person.end
    match = _AFTER_NAME.match(text, pos)
    if not match:
        return None
    pos = match.end()
    for pattern in (_RELATIVE, _ARTICLE):
        step = pattern.match(text, pos)
        if step:
            pos = step.end()
    phrase_start = match.end()
    possessor: Ref | None = None
    owner = _POSSESSOR.match(text, pos)
    if owner and not _title_at(text, pos, lex):
        candidates = [
            r for r in organisations.overlapping(phrase_start, owner.end(1)) if r.type == "ORG"
        ]
        if candidates:
            possessor = max(candidates, key=lambda r: (r.end, r.start))
        pos = owner.end()
    title = _title_at(text, pos, lex)
    if title is None:
        return None
    end_match = _CLAUSE_END.search(text, pos, pos + _MAX_ROLE)
    limit = end_match.start() if end_match else min(len(text), pos + _MAX_ROLE)
    if possessor is None:
        for org in organisations.overlapping(pos + len(title), limit):
            if org.type != "ORG" or org.start < pos + len(title):
                continue
            before = text[pos : org.start]
            if _CONNECTOR.search(before):
                return RoleFact(person, straighten(before).lower() + " ", org, False)
            break
    comma = text.find(",", pos, limit)
    phrase = straighten(text[pos : comma if comma >= 0 else limit]).lower()
    if not phrase or len(phrase) > 80:
        phrase = title
    return RoleFact(person, phrase, possessor, possessor is not None)


def _title_at(text: str, pos: int, lex: Lexicon) -> str | None:
    """The appositive title word(s) starting at ``pos``, if any."""
    following = straighten(text[pos : pos + 60]).lower()
    for title in lex.appositive_titles:
        if following.startswith(title) and (
            len(following) == len(title) or not following[len(title)].isalnum()
        ):
            return title
    return None


_BETWEEN_HOLDER = re.compile(r"\s*(?:,|\(|\)|–|—|-)?\s*(?:the\s+)?", re.IGNORECASE)


def holders(text: str, roles: list[Ref], people: list[Ref]) -> list[tuple[Ref, Ref]]:
    """(title reference, person reference) pairs where the title sits next to the name:
    "Jane Doe, Executive Director People Services", "the Chief Executive (Jane Doe)"."""
    pairs = []
    for role in roles:
        for person in people:
            if person.end <= role.start:
                between = text[person.end : role.start]
            elif role.end <= person.start:
                between = text[role.end : person.start]
            else:
                continue
            if len(between) < 8 and _BETWEEN_HOLDER.fullmatch(between):
                pairs.append((role, person))
    return pairs


@dataclass(frozen=True)
class Roles:
    """Pass 5's product: roles from appositions, and (title, person) holder pairs."""

    facts: tuple[RoleFact, ...]
    holders: tuple[tuple[Ref, Ref], ...]


def find_roles(inp: ResolveInput, reading: Reading, refs: References, links: Links) -> Roles:
    """Roles and title holders of every document, among the references links kept."""
    facts: list[RoleFact] = []
    pairs: list[tuple[Ref, Ref]] = []
    for doc, refs_here in sorted(refs.by_doc.items()):
        text = inp.texts[doc]
        live = [r for r in refs_here if r not in links.dropped]
        people = [r for r in live if r.type == "PERSON" and reading.proper(r)]
        organisations = SpanIndex(
            [r for r in live if r.type == "ORG" and (r.origin != DESCRIPTION or r in links.targets)]
        )
        facts += apposition_roles(text, people, organisations, inp.lex)
        titles = [r for r in live if r.type == "ROLE" and r.origin == MENTION]
        pairs += holders(text, titles, people)
    return Roles(tuple(facts), tuple(pairs))
