"""Thresholds (issue 15): how many of something a named goal takes is a fact about the
goal ("the 1,237 delegates needed to clinch the GOP nomination" is the Republican
nomination's), never about whoever chases it, and a goal named by its noun alone ("the
nomination") is nobody's: one article's is the Democrats', another's the Republicans'."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus_steps import findings_of
from corpusmine.extract import extract_document
from corpusmine.ingest import document_from_text

LEAD = "date 2016-04-10\nNotes\n\nThe season goes on.\n\n"


def needed(nlp, sentence: str) -> set[tuple[str, str, str]]:
    source = document_from_text(LEAD + sentence, document_id="t")
    found = extract_document(nlp(source.clean), source).claims
    return {(c.subject_text, c.attribute, c.normalized or "") for c in found
            if c.attribute.endswith("needed")}  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("It takes 1,237 delegates to win the Republican nomination for president.",
         {("Republican nomination", "count of delegates needed", "1237")}),
        # "GOP" is the Republicans however an outlet writes it
        ("Rivals hope to keep him from the 1,237 delegates needed to secure the GOP nomination.",
         {("Republican nomination", "count of delegates needed", "1237")}),
        ("After months of focus on the 2,383 delegates needed for the Democratic Party "
         "nomination, the campaign looked ahead.",
         {("Democratic nomination", "count of delegates needed", "2383")}),
        ("To secure the GOP nomination, a candidate must win 1,237 delegates.",
         {("Republican nomination", "count of delegates needed", "1237")}),
        ("It takes 270 electoral votes to win the White House.",
         {("White House", "count of electoral votes needed", "270")}),
    ],
)  # fmt: skip
def test_a_threshold_is_the_named_goals(nlp, sentence, expected):
    assert needed(nlp, sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # which nomination, the sentence does not say
        "Either candidate would need 2,383 delegates to secure the nomination.",
        "A candidate needs 2,383 delegates to clinch the party's nomination.",
        # a named side's need is its own: what it lacks, not what the goal takes
        "The mayor needs 26 votes to pass the Local Plan.",
        # a duration, and a range's end, are no thresholds
        "It would take two to three weeks to convene the Finance Board.",
    ],
)
def test_no_named_goal_no_threshold(nlp, sentence):
    assert needed(nlp, sentence) == set()


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The club reached the 40 wins needed to clinch the Premier League title.",
         {("Premier League title", "count of wins needed", "40")}),
        # "the party's" is the one party its sentence names
        ("A Democratic candidate needs 2,383 delegates to clinch the party's nomination.",
         {("Democratic nomination", "count of delegates needed", "2383")}),
        ("It takes 26 votes to pass the council's Local Plan.",
         {("Local Plan", "count of votes needed", "26")}),
        # what one candidate still lacks stays that candidate's
        ("Senator Maria Lopez needs 400 delegates to win the Republican nomination.",
         {("Maria Lopez", "count of delegates needed", "400")}),
    ],
)  # fmt: skip
def test_thresholds_in_sport_and_council(nlp, sentence, expected):
    assert needed(nlp, sentence) == expected


def test_two_outlets_agree_on_what_a_nomination_takes(tmp_path: Path):
    found = findings_of(
        tmp_path,
        {
            "herald_2016-03-15_delegates.txt": "Where the race stands\n\n"
            "Voters went to the polls in five states.\n\n"
            "It takes 1,237 delegates to win the Republican nomination for president.\n",
            "gazette_2016-04-05_wisconsin.txt": "Cruz wins Wisconsin\n\n"
            "The result was a boost for his rivals.\n\n"
            "They want to stop him reaching the 1,237 delegates needed to clinch the GOP "
            "nomination outright.\n",
        },
    )
    agreed = [f for f in found.agreements if f.attribute == "count of delegates needed"]
    assert len(agreed) == 1 and agreed[0].subject == "Republican nomination", [
        (f.subject, f.attribute, f.verdict) for f in found.agreements + found.checks
    ]


def test_two_parties_thresholds_never_meet(tmp_path: Path):
    found = findings_of(
        tmp_path,
        {
            "herald_2016-03-15_delegates.txt": "Where the race stands\n\n"
            "Voters went to the polls in five states.\n\n"
            "It takes 1,237 delegates to win the Republican nomination.\n",
            "gazette_2016-03-16_delegates.txt": "Where the other race stands\n\n"
            "Voters went to the polls again.\n\n"
            "It takes 2,383 delegates to win the Democratic nomination.\n",
        },
    )
    assert not (found.contradictions or found.checks), [
        f.explanation for f in found.contradictions + found.checks
    ]


def test_one_threshold_months_apart_is_nothing_to_check(tmp_path: Path):
    # The same figure in two documents too far apart to be compared is no "check" either.
    found = findings_of(
        tmp_path,
        {
            "herald_2016-02-20_delegates.txt": "Where the race stands\n\n"
            "Voters went to the polls in two states.\n\n"
            "It takes 1,237 delegates to win the Republican nomination.\n",
            "gazette_2016-05-26_spending.txt": "The party spends more\n\n"
            "The money went to field offices.\n\n"
            "Lopez moved closer to the 1,237 delegates needed to secure the Republican "
            "nomination.\n",
        },
    )
    assert not (found.contradictions or found.checks), [
        f.explanation for f in found.contradictions + found.checks
    ]
