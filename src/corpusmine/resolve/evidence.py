"""Evidence: why two nodes of the clustering name the same entity, strongest first.

Edges are applied in order of ``rank`` (then by their nodes, so the outcome never
depends on the order documents came in); a weaker edge can never undo what the
cannot-link constraints of ``clusters`` protect.
"""

from __future__ import annotations

from enum import StrEnum


class Evidence(StrEnum):
    """One kind of evidence that two nodes are one entity."""

    USER_ALIAS = "user alias"  # the user's aliases file lists both
    SAME_NAME = "same name"  # a reference and the name it is written with
    COORDINATED = "coordinated"  # a mention inside a coordination ("West and North ... Council")
    ACRONYM = "acronym"  # an acronym reference and its acronym node
    DEFINED = "defined"  # an acronym and the long form its document defines it by
    CONTEXT = "context"  # a description or one-word name and its antecedent in the document
    ROLE_HOLDER = "role holder"  # a job title and the person named next to it
    CORPUS_ACRONYM = "corpus acronym"  # an undefined use and the corpus's one definition
    LETTERS = "letters"  # an undefined acronym spelling the initials of one full name
    CASE_VARIANT = "case variant"  # an undefined acronym that is a name in capitals: SEACOM
    TRUNCATION = "truncation"  # "Children's Trust" ends exactly one longer name
    PERSON_VARIANT = "person variant"  # "J Smithers" and "Jason Smithers"
    SPACING = "spacing"  # the same letters split otherwise: "SeaMicro" and "Sea Micro"
    FUZZY = "fuzzy"  # one misspelt word ("Wooster" / "Woster")

    @property
    def rank(self) -> int:
        """Strength, 0 strongest; kinds of one rank are applied together."""
        return _RANK[self]


_RANK = {
    Evidence.USER_ALIAS: 0,
    Evidence.SAME_NAME: 1,
    Evidence.COORDINATED: 1,
    Evidence.ACRONYM: 2,
    Evidence.DEFINED: 2,
    Evidence.CONTEXT: 3,
    Evidence.ROLE_HOLDER: 3,
    Evidence.CORPUS_ACRONYM: 4,
    Evidence.LETTERS: 4,
    Evidence.CASE_VARIANT: 4,
    Evidence.TRUNCATION: 5,
    Evidence.PERSON_VARIANT: 5,
    Evidence.SPACING: 5,
    Evidence.FUZZY: 6,
}
