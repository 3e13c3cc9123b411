"""Review (claimsfix): a date after "before"/"ahead of" in a past-tense sentence is not
put in the past by the tense ("led the field before the Iowa caucuses Feb. 1", written
in January, is the coming Feb. 1), nor a date after "after" in a future one."""

from __future__ import annotations

from datetime import date

import pytest

from corpusmine.temporal import normalize_expression
from corpusmine.temporal.tense import span_tense


def _value(nlp, text: str, words: str, written: date) -> str | None:
    doc = nlp(text)
    start = text.index(words)
    span = doc.char_span(start, start + len(words))
    found = normalize_expression(words, document_date=written.isoformat(), tense=span_tense(span))
    return found.value if found is not None else None


@pytest.mark.parametrize(
    ("text", "words", "written", "expected"),
    [
        ("Trump and Cruz led the field before the Iowa caucuses Feb. 1.", "Feb. 1",
         date(2016, 1, 15), "2016-02-01"),
        ("The debate came 15 days before the cup final on May 3.", "May 3",
         date(2024, 4, 18), "2024-05-03"),
        # Without "before" the past tense still places the date in the past.
        ("The council met on Nov. 20 to set the budget.", "Nov. 20",
         date(2024, 1, 10), "2023-11-20"),
        ("The board will decide after the March 3 ballot.", "March 3",
         date(2024, 3, 20), "2024-03-03"),
    ],
)  # fmt: skip
def test_a_date_ordered_against_the_tense_is_the_nearest(nlp, text, words, written, expected):
    assert _value(nlp, text, words, written) == expected
