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
                "The Denton Hawks signed a new kicker. The Denton Hawks play on Sunday.",
                {"ORG": ["Denton Hawks"]},
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
                "Fans of Carlow Rovers filled the ground. Carlow Rovers were promoted.",
                {"ORG": ["Carlow Rovers"]},
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
                "The Brenton Owls won the title. Brenton Owls coach Ann Ruiz said so.",
                {"ORG": ["Brenton Owls"], "PERSON": ["Ann Ruiz"]},
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


@pytest.mark.parametrize(("corpus", "document", "written", "expected"), TEAM_OF_PLACE)
def test_a_place_in_a_result_names_its_team(
    corpus: Corpus, document: str, written: str, expected: str
) -> None:
    assert name_of(corpus, document, written) == expected


PLACE_STAYS = [
    pytest.param(
        {
            "a": (
                "The Denton Hawks signed a new kicker. The Denton Hawks play on Sunday.",
                {"ORG": ["Denton Hawks"]},
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
                "Tamsin Rovers lost again. Tamsin Rovers sacked their coach.",
                {"ORG": ["Tamsin Rovers"]},
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
]


@pytest.mark.parametrize(("corpus", "document", "written", "expected"), PLACE_STAYS)
def test_a_place_outside_a_result_stays_a_place(
    corpus: Corpus, document: str, written: str, expected: str
) -> None:
    assert name_of(corpus, document, written) == expected
