"""Bodies that judge others, by what a document shows them doing, not by name.

A passage outside the seeds' story (a water regulator, a housing inspectorate): the
organisation a document shows inspecting is never the subject of its own grades.
"""

from __future__ import annotations

from corpusmine.extract import extract_document
from corpusmine.extract.claims import extract_claims
from corpusmine.ingest import document_from_text
from corpusmine.nlp import build_pipeline

DATED = "date 2023-03-23\n"


def ratings_of(text: str) -> list[tuple[str | None, str]]:
    source = document_from_text(text, document_id="t")
    doc = build_pipeline()(source.clean)
    extraction = extract_document(doc, source)
    claims = extract_claims(doc, extraction.document, extraction.mentions, ())
    return [(c.subject_text, c.normalized) for c in claims if c.attribute == "rating"]


def test_an_inspecting_body_is_not_what_it_rates() -> None:
    text = (
        DATED + "Water services\n\n"
        "After the Northfield Supply Agency was visited by Harbour Standards Board "
        "inspectors, it was rated 'inadequate'.\n"
    )
    assert ratings_of(text) == [("Northfield Supply Agency", "inadequate")]


def test_a_body_not_shown_inspecting_can_be_rated() -> None:
    text = (
        DATED + "Housing news\n\n"
        "After tenants complained about the Harbour Homes Board, it was rated 'inadequate'.\n"
    )
    assert ratings_of(text) == [("Harbour Homes Board", "inadequate")]
