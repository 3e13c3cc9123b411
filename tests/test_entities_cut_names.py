"""A name the model cut short (issue 13, span errors): it tagged only the place or word an
organisation's name opens with ("Philadelphia" of "the Philadelphia 76ers", "California"
of "a California Highway Patrol officer"), where the text goes on to write the rest of a
name the corpus knows. The span names that organisation, not the place. Hand-marked
mentions in invented documents: sport, public safety, media, business."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from corpusmine.resolve import resolve_corpus
from marked_mentions import Labels, annotate

Corpus = Mapping[str, tuple[str, Labels]]


def name_of(corpus: Corpus, document: str, written: str) -> str | None:
    """The name of the entity of the last mention ``written`` in ``document``."""
    texts = {doc: text for doc, (text, _) in corpus.items()}
    mentions = [m for doc, (text, labels) in corpus.items() for m in annotate(doc, text, labels)]
    resolution = resolve_corpus(texts, list(enumerate(mentions, start=1)))
    names = {e.id: e.name for e in resolution.entities}
    rows = [row for row, m in enumerate(mentions, start=1)
            if m.document == document and m.text == written]  # fmt: skip
    assert rows, f"{written!r} is not marked in {document}"
    found = resolution.mention_entity.get(rows[-1])
    return names[found] if found else None


CUT_SHORT = [
    pytest.param(
        {
            "a": (
                "The Portland Foxes fired their coach. The Portland Foxes are 9-14.",
                {"ORG": ["Portland Foxes"]},
            ),
            "b": (
                "Dana Reed was named coach of the Portland Foxes on Monday.",
                {"PERSON": ["Dana Reed"], "GPE": ["Portland"]},
            ),
        },
        "b",
        "Portland",
        "Portland Foxes",
        id="sport-team-after-its-city",
    ),
    pytest.param(
        {
            "a": (
                "The Nevada Highway Patrol closed the road. A Nevada Highway Patrol "
                "spokesman said two cars collided.",
                {"ORG": ["Nevada Highway Patrol"]},
            ),
            "b": (
                "A Nevada Highway Patrol officer stopped the van near Elko.",
                {"GPE": ["Nevada", "Elko"]},
            ),
        },
        "b",
        "Nevada",
        "Nevada Highway Patrol",
        id="public-safety-agency-after-its-state",
    ),
    pytest.param(
        {
            "a": (
                "Talks were first reported by the Harbour Ledger. The Harbour Ledger said "
                "the deal was worth $2 billion.",
                {"ORG": ["Harbour Ledger"]},
            ),
            "b": (
                "Kelmont confirmed a Harbour Ledger report on Friday.",
                {"ORG": ["Kelmont", "Harbour"]},
            ),
        },
        "b",
        "Harbour",
        "Harbour Ledger",
        id="business-newspaper-cut-short",
    ),
    pytest.param(
        {
            "a": (
                "Orrin Joseph Lemaire Jr escaped from a prison van. Orrin Joseph Lemaire Jr "
                "was serving a life sentence.",
                {"PERSON": ["Orrin Joseph Lemaire Jr"]},
            ),
            "b": (
                "Guards said Orrin Joseph Lemaire Jr had a gun.",
                {"PERSON": ["Joseph Lemaire Jr"]},
            ),
        },
        "b",
        "Joseph Lemaire Jr",
        "Orrin Joseph Lemaire Jr",
        id="courts-given-name-cut-off",
    ),
]


@pytest.mark.parametrize(("corpus", "document", "written", "expected"), CUT_SHORT)
def test_a_name_cut_short_names_the_organisation_written_on(
    corpus: Corpus, document: str, written: str, expected: str
) -> None:
    assert name_of(corpus, document, written) == expected


KEEPS_ITS_OWN = [
    pytest.param(
        {
            "a": (
                "The Portland Foxes won again. The Portland Foxes lead the league.",
                {"ORG": ["Portland Foxes"]},
            ),
            "b": (
                "Fans in Portland celebrated. Portland police closed two streets.",
                {"GPE": ["Portland"]},
            ),
        },
        "b",
        "Portland",
        "Portland",
        id="sport-city-alone-stays-the-city",
    ),
    pytest.param(
        {
            "a": (
                "The Lund Administration cut the budget. The Lund Administration denied it.",
                {"ORG": ["Lund Administration"]},
            ),
            "b": (
                "Critics said the Lund administration had failed Denby.",
                {"ORG": ["Lund"], "GPE": ["Denby"]},
            ),
        },
        "b",
        "Lund",
        "Lund",
        id="politics-lower-case-word-ends-the-name",
    ),
    pytest.param(
        {
            "a": (
                "Rail services in Kent were cut. Kent Rail Partners said one line was shut.",
                {"GPE": ["Kent"]},
            ),
            "b": ("Commuters in Kent waited for hours.", {"GPE": ["Kent"]}),
        },
        "a",
        "Kent",
        "Kent",
        id="council-name-the-corpus-never-writes-as-an-organisation",
    ),
]


@pytest.mark.parametrize(("corpus", "document", "written", "expected"), KEEPS_ITS_OWN)
def test_a_name_not_cut_short_keeps_its_entity(
    corpus: Corpus, document: str, written: str, expected: str
) -> None:
    assert name_of(corpus, document, written) == expected


# A place named in a game's result stands for its team, the one organisation of the
# corpus named after the place; elsewhere it stays the place.
TEAM_OF_PLACE = [
    pytest.param(
        {
            "a": (
                "The Denton Hawks signed a new kicker. The Hawks play on Sunday.",
                {"ORG": ["Denton Hawks", "Hawks"]},
            ),
            "b": (
                "Marcus Ide scored twice in a 31-24 win over Denton on Thursday.",
                {"PERSON": ["Marcus Ide"], "GPE": ["Denton"]},
            ),
        },
        "b",
        "Denton",
        "Denton Hawks",
        id="american-football-win-over",
    ),
    pytest.param(
        {
            "a": (
                "Fans of Carlow Rovers filled the ground. Rovers were promoted.",
                {"ORG": ["Carlow Rovers", "Rovers"]},
            ),
            "b": ("Carlow (11-4) clinched a play-off place on Saturday.", {"GPE": ["Carlow"]}),
        },
        "b",
        "Carlow",
        "Carlow Rovers",
        id="football-record-after-the-place",
    ),
    pytest.param(
        {
            "a": (
                "The Brenton Owls won the title. Owls coach Ann Ruiz said so.",
                {"ORG": ["Brenton Owls", "Owls"], "PERSON": ["Ann Ruiz"]},
            ),
            "b": (
                "Brenton defeats Ashby 65-53 in the conference final.",
                {"GPE": ["Brenton", "Ashby"]},
            ),
        },
        "b",
        "Brenton",
        "Brenton Owls",
        id="basketball-headline-verb-after",
    ),
]


def test_a_place_named_as_a_team_is_the_team_through_its_document() -> None:
    corpus = {
        "a": (
            "The Brenton Owls won the title. Owls coach Ann Ruiz said so.",
            {"ORG": ["Brenton Owls", "Owls"], "PERSON": ["Ann Ruiz"]},
        ),
        "b": (
            "Brenton (25-7) will play Ashby on Saturday. Brenton led by ten at the break.",
            {"GPE": ["Brenton", "Ashby"]},
        ),
        "c": (
            "Brenton (25-7) will play Ashby on Saturday. Fans gathered in Brenton.",
            {"GPE": ["Brenton", "Ashby"]},
        ),
    }
    assert name_of(corpus, "b", "Brenton") == "Brenton Owls"  # the last, not in the result
    assert name_of(corpus, "c", "Brenton") == "Brenton"  # "in Brenton" is the town


@pytest.mark.parametrize(("corpus", "document", "written", "expected"), TEAM_OF_PLACE)
def test_a_place_in_a_result_names_its_team(
    corpus: Corpus, document: str, written: str, expected: str
) -> None:
    assert name_of(corpus, document, written) == expected


PLACE_STAYS = [
    pytest.param(
        {
            "a": (
                "The Denton Hawks signed a new kicker. The Hawks play on Sunday.",
                {"ORG": ["Denton Hawks", "Hawks"]},
            ),
            "b": (
                "Denton won the bid to host the 2030 games, the mayor said.",
                {"GPE": ["Denton"]},
            ),
        },
        "b",
        "Denton",
        "Denton",
        id="city-winning-a-bid-is-the-city",
    ),
    pytest.param(
        {
            "a": (
                "Tamsin Rovers lost again. Rovers sacked their coach.",
                {"ORG": ["Tamsin Rovers", "Rovers"]},
            ),
            "b": (
                "No lorry drives past Tamsin without stopping, the mayor said.",
                {"GPE": ["Tamsin"]},
            ),
        },
        "b",
        "Tamsin",
        "Tamsin",
        id="past-before-a-name-is-no-result",
    ),
    pytest.param(
        {
            "a": ("Leeds United beat Hull. Leeds United fans cheered.", {"ORG": ["Leeds United"]}),
            "b": (
                "Leeds City Council met. Leeds City Council voted.",
                {"ORG": ["Leeds City Council"]},
            ),
            "c": ("Hull beat Leeds 2-1 at home.", {"GPE": ["Hull", "Leeds"]}),
        },
        "c",
        "Leeds",
        "Leeds",
        id="two-organisations-named-after-the-place",
    ),
    pytest.param(
        {
            "a": (
                "Shares rose on the Halden Stock Exchange. The Halden Stock Exchange closed "
                "early. The Exchange said trading was heavy.",
                {"ORG": ["Halden Stock Exchange", "Exchange"]},
            ),
            "b": (
                "Halden beat Marrow 54-50 in the final round of voting to host the games.",
                {"GPE": ["Halden", "Marrow"]},
            ),
        },
        "b",
        "Halden",
        "Halden",
        id="olympic-bid-a-vote-is-no-game",
    ),
    pytest.param(
        {
            "a": (
                "The Tarrant Democratic Party met. The Tarrant Democratic Party chose a "
                "chairman. The Democratic Party said turnout was high.",
                {"ORG": ["Tarrant Democratic Party", "Democratic Party"]},
            ),
            "b": (
                "Lowe narrowly won over Tarrant, 49.8-49.6, on Monday.",
                {"PERSON": ["Lowe"], "GPE": ["Tarrant"]},
            ),
        },
        "b",
        "Tarrant",
        "Tarrant",
        id="politics-a-share-is-no-score-a-party-no-team",
    ),
    pytest.param(
        {
            "a": (
                "The Orford Times reported the story. The Times said sales fell.",
                {"ORG": ["Orford Times", "Times"]},
            ),
            "b": ("Orford beat Wexley 2-1 on Saturday.", {"GPE": ["Orford", "Wexley"]}),
        },
        "b",
        "Orford",
        "Orford",
        id="newspaper-plural-head-is-no-team",
    ),
]


@pytest.mark.parametrize(("corpus", "document", "written", "expected"), PLACE_STAYS)
def test_a_place_outside_a_result_stays_a_place(
    corpus: Corpus, document: str, written: str, expected: str
) -> None:
    assert name_of(corpus, document, written) == expected
