"""Poll shares (issue 15): whose each figure is, which poll it comes from and who was
asked. A poll is an event: its identity is its pollster (named before the poll word, as
who conducted it, or by the one poll an earlier sentence named) and its population.

Passages are invented, in several domains: elections, a football club's members, a
council's residents' survey, a business survey.
"""

from __future__ import annotations

import pytest

from corpusmine.extract import extract_document
from corpusmine.ingest import document_from_text

LEAD = "Poll roundup\n\nThe figures came out on Monday.\n\n"


def shares(nlp, text: str) -> set[tuple[str, str, str]]:
    source = document_from_text(LEAD + text, document_id="t")
    found = extract_document(nlp(source.clean), source).claims
    return {(c.subject_text, c.normalized, c.attribute) for c in found if "share" in c.attribute}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "46 percent to 40 percent" is one pair, as "46 to 40 percent" is.
        ("A Harbour Research survey has Maria Lopez leading Tom Baker by six points (46"
         " percent to 40 percent).",
         {("Maria Lopez", "46", "poll share (harbour research)"),
          ("Tom Baker", "40", "poll share (harbour research)")}),
        ("The latest Northgate Research poll shows Patel leading Okafor 44% to 37%.",
         {("Patel", "44", "poll share (northgate research)"),
          ("Okafor", "37", "poll share (northgate research)")}),
        # The share a clause's verb gives to a name is that name's, not the name before.
        ("In a Harbour Research survey, 50 percent chose Smith while 40 percent chose Jones.",
         {("Smith", "50", "poll share (harbour research)"),
          ("Jones", "40", "poll share (harbour research)")}),
        ("A Northgate Research poll found 23 percent favored Patel and 15 percent backed Okafor.",
         {("Patel", "23", "poll share (northgate research)"),
          ("Okafor", "15", "poll share (northgate research)")}),
        # Who conducted it names the poll; who was asked is part of it.
        ("The survey, conducted by Harbour Research, finds Maria Lopez leading Tom Baker, 52"
         " percent to 38 percent, among likely voters.",
         {("Maria Lopez", "52", "poll share (harbour research) among likely voters"),
          ("Tom Baker", "38", "poll share (harbour research) among likely voters")}),
        ("A poll from Northgate Research showed Patel leading Okafor among club members,"
         " 61 percent to 30 percent.",
         {("Patel", "61", "poll share (northgate research) among club members"),
          ("Okafor", "30", "poll share (northgate research) among club members")}),
    ],
)  # fmt: skip
def test_poll_shares_are_their_names_and_their_polls(nlp, text, expected):
    assert shares(nlp, text) == expected


def test_the_poll_is_the_one_the_document_named_before(nlp):
    text = (
        "A Harbour Research survey was released on Monday.\n\n"
        "Smith leads Jones 48 to 41 percent, the poll found."
    )
    assert ("Smith", "48", "poll share (harbour research)") in shares(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        # Two pollsters named before: "the poll" could be either.
        "A Harbour Research survey and a Northgate Research poll were released on Monday.\n\n"
        "Smith leads Jones 48 to 41 percent, the poll found.",
        # "A new poll" is another poll, not the one named before.
        "A Harbour Research survey was released on Monday.\n\n"
        "Smith leads Jones 48 to 41 percent in a new poll.",
    ],
)
def test_an_unnamed_poll_stays_unnamed_when_it_may_be_another(nlp, text):
    found = shares(nlp, text)
    assert ("Smith", "48", "poll share") in found, found


def test_a_vote_result_is_not_a_poll(nlp):
    text = "In the ward election, Smith beat Jones 54 percent to 46 percent, the clerk said."
    assert not {s for s in shares(nlp, text) if s[2].startswith("poll share")}


def test_one_poll_reported_by_two_outlets_agrees(tmp_path):
    # The same release, written differently: the pollster before the poll word or as who
    # conducted it, the person by full name or by surname.
    from corpusmine.analyse.consistency import decide
    from corpusmine.query.claims import load_claims
    from corpusmine.runner import run_extract
    from corpusmine.store import Store

    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "herald_2024-05-07_mayor.txt").write_text(
        "Mayoral race tightens\n\nMaria Lopez and Tom Baker debated on Sunday.\n\n"
        "A Harbour Research poll released Monday showed Maria Lopez leading Tom Baker among"
        " likely voters, 46 percent to 40 percent.\n"
    )
    (folder / "gazette_2024-05-08_mayor.txt").write_text(
        "Lopez ahead in new survey\n\nMaria Lopez spoke to supporters in the harbour.\n\n"
        "The survey, conducted by Harbour Research, finds Lopez leading Baker, 46 percent to"
        " 40 percent, among likely voters.\n"
    )
    with Store(tmp_path / "c.db") as store:
        assert run_extract([str(folder)], store).failures == ()
        found = decide(load_claims(store))
    agreed = {(f.subject, f.attribute) for f in found.agreements}
    assert ("Maria Lopez", "poll share (harbour research) among likely voters") in agreed, [
        (f.subject, f.attribute, f.verdict) for f in found.agreements + found.single_source
    ]
    assert not found.contradictions
