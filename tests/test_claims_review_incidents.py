"""Review of issue 15's incident rules (claimsfix): a haul's "with" needs a taking frame
("made off with", "got away with", "escaped with"), not "made with gold worth £2m"; an
attack and a shooting are one incident only where one document itself writes its
incident both ways, else two reports under two kinds agree on nothing (a check at most).
"""

from __future__ import annotations

import pytest

from corpus_steps import findings_of
from test_claims_hauls import hauls


@pytest.mark.parametrize(
    "sentence",
    [
        "The sculpture, made with gold worth £2m, was damaged in a burglary at the gallery"
        " last year.",
        "The trophy, made with silver worth £50,000, was taken in a burglary at the club.",
        "The thieves got in with tools worth £300 before the robbery, police said.",
    ],
)
def test_with_outside_a_taking_frame_is_no_haul(nlp, sentence):
    assert not hauls(nlp, sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("In the robbery, the gang got away with watches worth £40,000.",
         {("robbery", "40000", "GBP")}),
        ("The burglars escaped with jewellery worth $90,000 after the burglary.",
         {("burglary", "90000", "USD")}),
    ],
)  # fmt: skip
def test_a_taking_frame_with_with_is_a_haul(nlp, sentence, expected):
    assert hauls(nlp, sentence) == expected


@pytest.mark.parametrize(
    ("first", "second", "attribute"),
    [
        ("A knife attack at a market in Chicago on Saturday left two people dead, police said.",
         "A shooting outside a bar in Chicago on Saturday left two people dead, police said.",
         "count of people killed"),
        ("An attack on a bus in Leeds on Friday injured four people, police said.",
         "A shooting at a pub in Leeds on Friday injured four people, police said.",
         "count of people injured"),
    ],
)  # fmt: skip
def test_an_attack_and_a_shooting_told_apart_do_not_agree(tmp_path, first, second, attribute):
    found = findings_of(
        tmp_path,
        {
            "wire_2024-06-02_a.txt": f"City news\n\nOfficers were on the scene.\n\n{first}\n",
            "paper_2024-06-02_b.txt": f"Local news\n\nDetectives appealed for witnesses.\n\n"
            f"{second}\n",
        },
    )
    assert not [f for f in found.agreements if f.attribute == attribute], found.agreements
    assert not found.contradictions
