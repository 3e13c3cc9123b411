"""Review #37 (issue 15): a grade whose words the parse reads as a verb ('rated X "requires
improvement"', "requires" a conjunct of "rated") is still said with "rated": the rated is
its object, never the body that rates, and the grade keeps the date said with it."""

from __future__ import annotations

import pytest

from corpusmine.extract import extract_document
from corpusmine.ingest import document_from_text

LEAD = "date 2023-09-01\nInspection news\n\nThe results are out.\n\n"


def ratings(nlp, sentence: str) -> set[tuple[str, str]]:
    source = document_from_text(LEAD + sentence, document_id="t")
    found = extract_document(nlp(source.clean), source).claims
    return {(c.subject_text, c.as_of or "") for c in found if c.attribute == "rating"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # health
        ('The Care Quality Commission rated Northfield General Hospital "requires '
         'improvement" in August.', {("Northfield General Hospital", "2023-08")}),
        # schools
        ('Ofsted rated Hillside Primary School "requires improvement" in May.',
         {("Hillside Primary School", "2023-05")}),
    ],
)  # fmt: skip
def test_the_rated_is_the_object_not_the_rater(nlp, sentence, expected):
    assert ratings(nlp, sentence) == expected
