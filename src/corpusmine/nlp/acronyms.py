"""Acronyms a document defines name what their long form names, wherever they appear.

"Northamptonshire Children's Trust (NCT)" makes every "NCT" of that document an ORG,
before and after the definition, without listing any acronym in ``models/``: the
statistical model often misses a bare acronym it has never seen. The long form must be
a name the model found (its label is kept) or a phrase headed by an organisation noun
("an independent fostering agency (IFA)").
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..extract.references.acronyms import find_definitions
from ..knowledge import name_lexicon, quote_lexicon

# Labels of names an acronym may stand for (a date or a number is never abbreviated so).
_NAME_LABELS = frozenset({"ORG", "GPE", "FAC", "NORP", "PRODUCT", "EVENT", "LAW"})


@Language.component("corpusmine_defined_acronyms", assigns=["doc.ents"], requires=["doc.ents"])
def defined_acronyms(doc: Doc) -> Doc:
    """Mark every occurrence of an acronym defined in the document with its long form's label."""
    if "(" not in doc.text:
        return doc
    labels: dict[str, str] = {}
    for definition in find_definitions("", doc.text, name_lexicon()):
        label = _long_form_label(doc, definition.long_start, definition.long_end)
        if label:
            labels.setdefault(definition.short, label)
    if not labels:
        return doc
    found = [
        Span(doc, token.i, token.i + 1, label=labels[token.text])
        for token in doc
        if token.text in labels
    ]
    # An acronym's own span takes the definition's label; a longer name around it stays.
    kept = [e for e in doc.ents if not any(f.start == e.start and f.end == e.end for f in found)]
    doc.ents = filter_spans(kept + [f for f in found if not _inside(f, kept)])
    return doc


def _long_form_label(doc: Doc, start: int, end: int) -> str | None:
    """The label of the name the long form ends with, or ORG for an organisation phrase."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    last = span[-1]
    for ent in doc.ents:
        if ent.start <= last.i < ent.end and ent.label_ in _NAME_LABELS:
            return ent.label_
    head = last.lower_.rstrip("'s").rstrip("’")
    org_nouns = quote_lexicon().org_nouns | name_lexicon().description_heads
    return "ORG" if head in org_nouns else None


def _inside(span: Span, others: list[Span]) -> bool:
    return any(o.start <= span.start and span.end <= o.end for o in others)
