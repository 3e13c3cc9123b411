"""Given names across documents (issue 13): a pet form is its full name only by the table
of pet forms, and a leading given name written in full never goes unsaid. Hand-marked
mentions in two or three invented documents per case, in several domains."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from corpusmine.resolve import Resolution, resolve_corpus
from marked_mentions import Labels, annotate


def resolve(corpus: Mapping[str, tuple[str, Labels]]) -> Resolution:
    texts = {doc: text for doc, (text, _) in corpus.items()}
    mentions = [m for doc, (text, labels) in corpus.items() for m in annotate(doc, text, labels)]
    return resolve_corpus(texts, list(enumerate(mentions, start=1)))


def owners(resolution: Resolution, alias: str) -> set[str]:
    return {e.id for e in resolution.entities if alias in e.aliases}


def two_documents(first: str, second: str, domain: str) -> dict[str, tuple[str, Labels]]:
    lines = {
        "sport": "{} scored twice in the cup final.",
        "schools": "{} spoke at the governors' meeting.",
        "business": "{} joined the board of the bakery chain.",
    }[domain]
    return {
        "a": (lines.format(first), {"PERSON": [first]}),
        "b": (lines.format(second) + " The vote was close.", {"PERSON": [second]}),
    }


ONE_PERSON = [
    ("Kathryn Doyle", "Katie Doyle", "sport"),
    ("William Okafor", "Bill Okafor", "business"),
    ("Robert Quinlan", "Bobby Quinlan", "sport"),
    ("Frederick Osei", "Fred Osei", "schools"),  # a prefix of three letters or more
    ("J. Patrick Dunne", "Patrick Dunne", "business"),  # a leading initial goes unsaid
]


@pytest.mark.parametrize(("full", "short", "domain"), ONE_PERSON)
def test_a_pet_form_or_initial_joins_its_full_name(full: str, short: str, domain: str):
    resolution = resolve(two_documents(full, short, domain))
    assert owners(resolution, full) == owners(resolution, short) != set()


TWO_PEOPLE = [
    ("Martin Evans", "Mary Evans", "schools"),
    ("Harriet Smith", "Harry Smith", "sport"),
    ("Lucas Brown", "Lucy Brown", "business"),
    ("Tonya Hughes", "Tony Hughes", "sport"),
    ("Barbara Jones", "Barry Jones", "schools"),
    ("Mary Ann Clarke", "Ann Clarke", "schools"),  # a full leading given name stays
]


@pytest.mark.parametrize(("first", "second", "domain"), TWO_PEOPLE)
def test_names_alike_in_spelling_stay_two_people(first: str, second: str, domain: str):
    resolution = resolve(two_documents(first, second, domain))
    a, b = owners(resolution, first), owners(resolution, second)
    assert a and b and not a & b, [e.name for e in resolution.entities]
