"""An entity's name (issue 13): a form opening with an initial ('B. Hussein Obama'), written
less often than a form of the same surname that spells the given name out, does not name
the entity; written as the usual form ('J. Robert Oppenheimer'), it still does. Hand-marked
mentions in invented documents: politics, science, sport."""

from __future__ import annotations

import pytest

from corpusmine.resolve import resolve_corpus
from marked_mentions import annotate


def entity_names(corpus: dict[str, tuple[str, dict[str, list[str]]]]) -> set[str]:
    texts = {doc: text for doc, (text, _) in corpus.items()}
    mentions = [m for doc, (text, labels) in corpus.items() for m in annotate(doc, text, labels)]
    return {e.name for e in resolve_corpus(texts, list(enumerate(mentions, start=1))).entities}


@pytest.mark.parametrize(
    ("corpus", "expected", "not_expected"),
    [
        pytest.param(
            {
                "a": ("Governor Anita Delgado vetoed the bill. Delgado said it cost too much.",
                      {"PERSON": ["Anita Delgado", "Delgado"]}),
                "b": ("Anita Delgado spoke in Reno. Anita Delgado took questions.",
                      {"PERSON": ["Anita Delgado", "Anita Delgado"]}),
                "c": ("A blogger wrote that A. Maria Delgado had lied. Anita Delgado denied it.",
                      {"PERSON": ["A. Maria Delgado", "Anita Delgado"]}),
            },
            "Anita Delgado",
            "A. Maria Delgado",
            id="politics-rare-initialled-form",
        ),
        pytest.param(
            {
                "a": ("Striker Tomas Berg scored twice. Berg was substituted late.",
                      {"PERSON": ["Tomas Berg", "Berg"]}),
                "b": ("Tomas Berg signed a new deal. T. Erik Berg, as the programme lists him, "
                      "thanked the fans.", {"PERSON": ["Tomas Berg", "T. Erik Berg"]}),
            },
            "Tomas Berg",
            "T. Erik Berg",
            id="sport-programme-form",
        ),
        pytest.param(
            {
                "a": ("J. Robert Oppenheimer led the laboratory. J. Robert Oppenheimer wrote "
                      "the report.",
                      {"PERSON": ["J. Robert Oppenheimer", "J. Robert Oppenheimer"]}),
                "b": ("Robert Oppenheimer lectured in Pasadena. J. Robert Oppenheimer returned "
                      "in May.", {"PERSON": ["Robert Oppenheimer", "J. Robert Oppenheimer"]}),
            },
            "J. Robert Oppenheimer",
            "Robert Oppenheimer",
            id="science-usual-initialled-form",
        ),
    ],
)  # fmt: skip
def test_initialled_form_names_entity_only_when_usual(corpus, expected, not_expected):
    names = entity_names(corpus)
    assert expected in names
    assert not_expected not in names
