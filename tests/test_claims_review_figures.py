"""Review #31, #32 (issue 15): a house number is no count ("at 2 Mill Road" counts no
roads), and a sum that is the object of its money noun's "of" ("a fee of £50 million",
"a grant of £2 million") is the figure, not what the money is for: the attribute is
"fee", "grant", as another outlet's "a £45 million fee" gives it."""

from __future__ import annotations

import pytest

from corpusmine.extract import extract_document
from corpusmine.ingest import document_from_text

LEAD = "date 2024-07-01\nNotes\n\nThe week goes on.\n\n"


def claims(nlp, sentence: str) -> set[tuple[str, str]]:
    source = document_from_text(LEAD + sentence, document_id="t")
    found = extract_document(nlp(source.clean), source).claims
    return {(c.attribute, c.normalized or "") for c in found}


@pytest.mark.parametrize(
    ("sentence", "numbers"),
    [
        # property news, a sports club
        (
            "Allouche Gallery, formerly at 115 Spring St. in SoHo, signed a lease for a shop "
            "at 86 Gansevoort St. in the district.",
            {"115", "86"},
        ),
        ("The Rovers Club, which moved to 40 Mill Road in June, has 300 members.", {"40"}),
    ],
)
def test_a_house_number_is_no_count(nlp, sentence, numbers):
    counted = {value for attribute, value in claims(nlp, sentence) if attribute.startswith("count")}
    assert not counted & numbers


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Tottenham signed striker Leo Marin from Lyon for a fee of £50 million on Monday.",
         ("fee", "50000000")),
        ("The hospice trust received a grant of £2 million from the lottery fund.",
         ("grant", "2000000")),
    ],
)  # fmt: skip
def test_the_sum_after_of_is_the_figure_not_its_object(nlp, sentence, expected):
    assert expected in claims(nlp, sentence)
