"""A described speaker is not the person named as its complement: "the parents of Max
Green" said it, not Max Green (resolve/speakers.py). A name in apposition to the
description is the speaker ("the head of the union, Bob Crow")."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus_steps import extracted_folder
from corpusmine.query.quotes import statements
from corpusmine.store import Store

DOCUMENTS = {
    "school.txt": "Boy's parents speak\n\nThe parents of Max Green, 7, said the school had "
    "ignored bullying for months.\n",
    "mine.txt": "Miner remembered\n\nThe widow of miner Alan Boyd said the mine owners had "
    "never apologised.\n",
    "concert.txt": "Fans protest\n\nSupporters of singer Lola Vance said the concert ban was "
    "unfair.\n",
    "ward.txt": "Patient left alone\n\nThe family of patient Ruth Bell said she was left alone "
    "for nine hours at the hospital.\n",
    "final.txt": "Striker injured\n\nThe agent of striker Leon Marsh said the player would miss "
    "the final.\n",
    "abuse.txt": "Racist abuse\n\nThe mother of Rovers striker Kofi Mensah said her son had "
    "received racist abuse.\n",
    "reply.txt": "No reply\n\nA spokesman for the family of Jay Lamb said the school had not "
    "responded.\n",
    "strike.txt": "Union warns\n\nThe head of the rail union, Bob Crow, said the strike would go "
    "ahead on Monday.\n",
    "estate.txt": "Estate sold\n\nThe daughter of the late Sir Tom Hale, Anna Hale, said the "
    "estate would be sold.\n",
}


@pytest.fixture(scope="module")
def said(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[str, str | None]]:
    tmp_path: Path = tmp_path_factory.mktemp("complements")
    with extracted_folder(tmp_path, DOCUMENTS) as store:
        assert isinstance(store, Store)
        return {s.document: (s.speaker, s.speaker_id) for s in statements(store)}


@pytest.mark.parametrize(
    ("document", "phrase"),
    [
        ("school", "The parents of Max Green"),
        ("mine", "The widow of miner Alan Boyd"),
        ("concert", "Supporters of singer Lola Vance"),
        ("ward", "The family of patient Ruth Bell"),
        ("final", "The agent of striker Leon Marsh"),
        ("abuse", "The mother of Rovers striker Kofi Mensah"),
        ("reply", "A spokesman for the family of Jay Lamb"),
    ],
)
def test_the_person_a_speaker_is_described_by_is_not_the_speaker(said, document, phrase):
    speaker, entity = said[document]
    assert speaker.startswith(phrase) and entity is None


@pytest.mark.parametrize(("document", "name"), [("strike", "Bob Crow"), ("estate", "Anna Hale")])
def test_a_name_in_apposition_to_the_description_is_the_speaker(said, document, name):
    speaker, entity = said[document]
    assert speaker == name and entity is not None
