"""A country or region the model typed a person or organisation, written after a
preposition of place (review #33): "Growers in Kent say ..." names the county, not a
person Kent. A name going on past it ("the United States Senate") or a surname not after
such a preposition ("Clark Kent", "Kent said") keeps its reading. Hand-marked mentions
in invented documents: farming, sport, politics, business."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from corpusmine.resolve import resolve_corpus
from marked_mentions import Labels, annotate

Corpus = Mapping[str, tuple[str, Labels]]


def entity_of(corpus: Corpus, document: str, written: str) -> tuple[str, str] | None:
    """(name, type) of the entity of the last mention ``written`` in ``document``."""
    texts = {doc: text for doc, (text, _) in corpus.items()}
    mentions = [m for doc, (text, labels) in corpus.items() for m in annotate(doc, text, labels)]
    resolution = resolve_corpus(texts, list(enumerate(mentions, start=1)))
    entities = {e.id: (e.name, e.type) for e in resolution.entities}
    rows = [
        row
        for row, m in enumerate(mentions, start=1)
        if m.document == document and m.text == written
    ]
    found = resolution.mention_entity.get(rows[-1])
    return entities[found] if found else None


PLACES = [
    pytest.param(
        {"a": ("Growers in Kent say the harvest is late.", {"PERSON": ["Kent"]})},
        "Kent",
        id="farming-county-typed-a-person",
    ),
    pytest.param(
        {"a": ("The striker moved to a club in Portugal last summer.", {"ORG": ["Portugal"]})},
        "Portugal",
        id="sport-country-typed-an-organisation",
    ),
    pytest.param(
        {"a": ("Voters in Ohio went to the polls on Tuesday.", {"PERSON": ["Ohio"]})},
        "Ohio",
        id="politics-state-typed-a-person",
    ),
]


@pytest.mark.parametrize(("corpus", "written"), PLACES)
def test_a_known_place_after_a_preposition_is_a_place(corpus: Corpus, written: str) -> None:
    assert entity_of(corpus, "a", written) == (written, "GPE")


def test_a_surname_not_after_a_preposition_stays_a_person() -> None:
    corpus = {
        "a": (
            "Dana Kent opened the shop. Kent said sales were up.",
            {"PERSON": ["Dana Kent", "Kent"]},
        )
    }
    assert entity_of(corpus, "a", "Kent") == ("Dana Kent", "PERSON")


def test_a_name_going_on_past_the_place_is_left_alone() -> None:
    corpus = {
        "a": (
            "She spoke on the floor of the Delmar Senate for two hours.",
            {"ORG": ["Delmar"]},
        )
    }
    # Not a country or region: nothing to do; and "Ohio State" goes on past the place.
    assert entity_of(corpus, "a", "Delmar") == ("Delmar", "ORG")
    corpus = {"a": ("He played for a team in Ohio State colours.", {"ORG": ["Ohio"]})}
    assert entity_of(corpus, "a", "Ohio") == ("Ohio", "ORG")


def test_a_place_that_names_a_person_of_the_document_is_left_to_the_person() -> None:
    corpus = {
        "a": (
            "Captain Jordan Henderson scored twice. The manager said he was proud of Jordan.",
            {"PERSON": ["Jordan Henderson", "Jordan"]},
        )
    }
    assert entity_of(corpus, "a", "Jordan") != ("Jordan", "GPE")
