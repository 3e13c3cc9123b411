"""Hauls (issue 15): the sum a robbery took, as news writes it ("stole diamonds valued at
85 million euros", "made off with jewellery worth £88m", "snatched $108 million worth of
rings"), in its currency, about the robbery. Sums a company made, a club sold or the
police seized are not hauls.
"""

from __future__ import annotations

import pytest

from corpusmine.extract import extract_document
from corpusmine.ingest import document_from_text

LEAD = "date 2024-03-08\nNews in brief\n\nThe police were called on Thursday.\n\n"


def hauls(nlp, sentence: str) -> set[tuple[str, str, str]]:
    source = document_from_text(LEAD + sentence, document_id="t")
    found = extract_document(nlp(source.clean), source).claims
    return {(c.subject_text, c.normalized, c.unit) for c in found if c.attribute == "amount stolen"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Robbers stole paintings valued at 12 million euros from the gallery during the heist.",
         {("heist", "12000000", "EUR")}),
        ("Robbers stole paintings valued at 12 million euros ($13 million) during the heist.",
         {("heist", "12000000", "EUR"), ("heist", "13000000", "USD")}),
        ("The gang snatched $4 million worth of watches from the shop in the robbery.",
         {("robbery", "4000000", "USD")}),
        ("In Thursday's robbery, thieves made off with jewellery worth £3m.",
         {("robbery", "3000000", "GBP")}),
        ("The burglars grabbed coins and medals worth 500,000 pounds in the burglary.",
         {("burglary", "500000", "GBP")}),
    ],
)  # fmt: skip
def test_the_sum_a_robbery_took_is_its_haul(nlp, sentence, expected):
    assert hauls(nlp, sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # A company's profit, a club's sales, a police seizure: no taking by the robbers.
        "The company made $5 million in profit last year, despite a burglary at its depot.",
        "The club sold tickets worth £2m before the theft of the trophy.",
        "Police seized drugs worth £2m after the robbery.",
        # A sum with no robbery named anywhere is nobody's haul.
        "The council's auditors found that £40,000 worth of laptops had been stolen.",
        # A speculative sum ("could steal") is no report.
        "Experts warned that thieves could steal jewellery worth £1m in such a robbery.",
    ],
)
def test_other_sums_are_not_hauls(nlp, sentence):
    assert hauls(nlp, sentence) == set()


def test_pounds_of_something_are_a_weight(nlp):
    assert hauls(nlp, "In the robbery, thieves stole 500 pounds of copper wire.") == set()
