"""Our own spaCy components. Their patterns and word lists live in ``models/``.

Registered as spaCy factories so a pipeline can name them; each declares what it
assigns, which documents the flow.
"""

from __future__ import annotations

from functools import cache

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..knowledge import composed_titles, job_titles, not_entities, ratings


@Language.component("corpusmine_block_boundaries", assigns=["token.is_sent_start"])
def block_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every block break (a blank line in the cleaned text).

    Titles and bullet items have no final full stop; without this the parser would run
    a heading into the paragraph below it.
    """
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and "\n" in previous.text:
            token.is_sent_start = True
    return doc


@Language.factory("corpusmine_roles", assigns=["doc.ents"], requires=["doc.ents"])
def make_role_marker(nlp: Language, name: str) -> RoleMarker:
    return RoleMarker(nlp)


class RoleMarker:
    """Mark capitalised job titles ("Executive Director People Services") as ROLE."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = PhraseMatcher(nlp.vocab)
        titles = job_titles()
        self.matcher.add("ROLE", [nlp.make_doc(title.replace("’", "'")) for title in titles])
        parts = composed_titles()
        self.composed = Matcher(nlp.vocab)
        self.composed.add(
            "ROLE",
            [[
                {"ORTH": {"IN": sorted(parts.ranks)}, "OP": "*"},
                {"ORTH": {"IN": sorted(parts.heads)}},
                {"LOWER": {"IN": sorted(parts.links)}, "OP": "?"},
                {"TEXT": {"REGEX": r"^([A-Z][A-Za-z-]*|'s)$"}, "OP": "*"},
                {"ORTH": {"IN": sorted(parts.services)}},
            ]],
        )  # fmt: skip

    def __call__(self, doc: Doc) -> Doc:
        matches = self.matcher(doc) + self.composed(doc)
        found = filter_spans([Span(doc, start, end, label="ROLE") for _, start, end in matches])
        if not found:
            return doc
        # Titles win over whatever the statistical model guessed for the same words.
        kept = [e for e in doc.ents if not any(_overlaps(e, f) for f in found)]
        doc.ents = filter_spans(kept + found)
        return doc


@Language.factory("corpusmine_ratings", assigns=["doc.spans"], requires=["token.lower"])
def make_rating_marker(nlp: Language, name: str) -> RatingMarker:
    return RatingMarker(nlp)


class RatingMarker:
    """Find inspection ratings on their scale; store them in ``doc.spans["ratings"]``.

    Ratings are kept out of ``doc.ents`` so that a rating word never hides a name.
    Weak forms ("good") count only next to a rating cue or inside quote marks.
    """

    def __init__(self, nlp: Language) -> None:
        scales = ratings()
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.grades: dict[str, tuple[str, int, bool]] = {}
        for grade in scales.grades:
            key = f"{grade.scale}:{grade.name}"
            self.grades[key] = (grade.name, grade.value, grade.needs_context)
            self.matcher.add(key, [nlp.make_doc(form) for form in grade.forms])
        self.before = scales.context_before
        self.after = scales.context_after

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for match_id, start, end in self.matcher(doc):
            key = doc.vocab.strings[match_id]
            name, value, needs_context = self.grades[key]
            if needs_context and not self._in_rating_context(doc, start, end):
                continue
            span = Span(doc, start, end, label="RATING", kb_id=f"{name}|{value}")
            spans.append(span)
        doc.spans["ratings"] = filter_spans(spans)
        return doc

    def _in_rating_context(self, doc: Doc, start: int, end: int) -> bool:
        before = doc[start - 1] if start > 0 else None
        after = doc[end] if end < len(doc) else None
        quoted = (
            before is not None
            and before.text in {"'", '"'}
            and after is not None
            and (after.text in {"'", '"'})
        )
        if quoted:
            return True
        if before is not None and before.lower_ in self.before:
            return True
        return after is not None and after.lower_ in self.after


@Language.component("corpusmine_entity_filter", assigns=["doc.ents"], requires=["doc.ents"])
def entity_filter(doc: Doc) -> Doc:
    """Drop entities that are page furniture (models/not_entities.txt)."""
    banned = _banned()
    kept = [e for e in doc.ents if e.text.strip() not in banned]
    if len(kept) != len(doc.ents):
        doc.ents = kept
    return doc


@cache
def _banned() -> frozenset[str]:
    return frozenset(not_entities())


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


__all__ = ["block_boundaries", "entity_filter", "RoleMarker", "RatingMarker"]
