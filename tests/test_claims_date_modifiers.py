"""Dates written as a noun's modifier (issue 15): "the April 19 New York primary" and "the
Dec. 28 meeting with Lopez" date their event, but a recalled event the sentence names no
subject for ("the minister's September 2011 visit to the school") is never filed under the
document's topic; and the far end of a range ("five to ten sailors") is no count."""

from __future__ import annotations

import pytest

from corpusmine.extract import extract_document
from corpusmine.ingest import document_from_text

LEAD = "date 2016-04-10\nNotes\n\nThe week goes on.\n\n"


def claims(nlp, sentence: str) -> set[tuple[str, str, str]]:
    source = document_from_text(LEAD + sentence, document_id="t")
    found = extract_document(nlp(source.clean), source).claims
    return {(c.subject_text, c.attribute, c.normalized or "") for c in found}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Then comes the delegate-packed April 19 New York primary.",
         ("New York", "primary", "2016-04-19")),
        ("Whatever the outcome in New York's April 19 primary, the forecast stays.",
         ("New York", "primary", "2016-04-19")),
    ],
)  # fmt: skip
def test_a_date_naming_a_political_event_dates_it(nlp, sentence, expected):
    assert expected in claims(nlp, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "In her speech she recalled the minister's September 2011 visit to the school.",
        "The report praised the board's March 2014 inspection of the ward.",
    ],
)
def test_a_recalled_event_with_no_subject_is_nobodys(nlp, sentence):
    assert not [c for c in claims(nlp, sentence) if c[1] in ("inspection", "meeting")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The lifeboat crew rescued five to ten sailors from the water.",  # sea rescue
        "The clinic treats 20 to 30 patients each morning.",  # health
    ],
)
def test_the_far_end_of_a_range_is_no_count(nlp, sentence):
    assert not [c for c in claims(nlp, sentence) if c[1].startswith("count of")]
