"""Described mentions (issue 13): a name with the title or place class written around it
("defensive tackle Jamal Williams", "the island of Qeshm") is one more mention of the
name's entity, with offsets into the text and its sentence. Only words that name the
entity itself count; parts, neighbours and verbs do not. Passages invented, in sport,
medicine, business, courts and geography."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from corpusmine.resolve import Resolution, resolve_corpus
from marked_mentions import Labels, annotate


def resolve(corpus: Mapping[str, tuple[str, Labels]]) -> Resolution:
    texts = {doc: text for doc, (text, _) in corpus.items()}
    mentions = [m for doc, (text, labels) in corpus.items() for m in annotate(doc, text, labels)]
    sentences = {doc: [(0, len(text))] for doc, text in texts.items()}
    return resolve_corpus(texts, list(enumerate(mentions, start=1)), sentences=sentences)


def described(resolution: Resolution) -> set[tuple[str, str]]:
    """(mention text, entity name) of the mentions resolution added that hold a space."""
    names = {e.id: e.name for e in resolution.entities}
    return {(m.text, names[entity]) for m, entity in resolution.found_mentions if " " in m.text}


FOUND = [
    pytest.param(
        "The Falcons released defensive tackle Marcus Hale on Monday.",
        {"PERSON": ["Marcus Hale"], "ORG": ["Falcons"]},
        ("tackle Marcus Hale", "Marcus Hale"),
        id="sport-position",
    ),
    pytest.param(
        "Hospital trustee Dr. Anna Kovacs opened the new ward.",
        {"PERSON": ["Anna Kovacs"]},
        ("trustee Dr. Anna Kovacs", "Anna Kovacs"),
        id="medicine-title-and-honorific",
    ),
    pytest.param(
        "Shareholders cheered when Attorney General Ruth Odell dropped the case.",
        {"PERSON": ["Ruth Odell"]},
        ("Attorney General Ruth Odell", "Ruth Odell"),
        id="courts-two-title-words",
    ),
    pytest.param(
        "Voters cheered Gov. Ana Reyes at the rally.",
        {"PERSON": ["Ana Reyes"]},
        ("Gov. Ana Reyes", "Ana Reyes"),
        id="politics-abbreviated-title",
    ),
    pytest.param(
        "Inspector Gaskin said the road would stay closed.",
        {"PERSON": ["Gaskin"]},
        ("Inspector Gaskin", "Gaskin"),
        id="capitalised-title-before-surname",
    ),
    pytest.param(
        "Fans cheered when their coach Maria Lopez walked out.",
        {"PERSON": ["Maria Lopez"]},
        ("coach Maria Lopez", "Maria Lopez"),
        id="sport-a-verb-like-title-after-a-possessive",
    ),
    pytest.param(
        "Patients said the ward's nurse Karen Hall had stayed all night.",
        {"PERSON": ["Karen Hall"]},
        ("nurse Karen Hall", "Karen Hall"),
        id="health-a-verb-like-title-after-s",
    ),
    pytest.param(
        "On Friday Harbour Board chair Ines Moreau opened the quay.",
        {"PERSON": ["Ines Moreau"], "ORG": ["Harbour Board"]},
        ("chair Ines Moreau", "Ines Moreau"),
        id="council-a-verb-like-title-after-its-body",
    ),
    pytest.param(
        "The storm flooded the island of Varna before dawn.",
        {"GPE": ["Varna"]},
        ("the island of Varna", "Varna"),
        id="geography-class-of",
    ),
    pytest.param(
        "She returned to her hometown of Bellmoor, where the mill closed.",
        {"GPE": ["Bellmoor"]},
        ("her hometown of Bellmoor", "Bellmoor"),
        id="business-hometown-of",
    ),
    pytest.param(
        "Villages on Qeshm island were flattened; Hormozgan province asked for tents.",
        {"GPE": ["Qeshm", "Hormozgan"]},
        ("Qeshm island", "Qeshm"),
        id="geography-class-after",
    ),
]


@pytest.mark.parametrize(("text", "labels", "expected"), FOUND)
def test_the_phrase_is_a_mention_of_the_name(text: str, labels: Labels, expected: tuple) -> None:
    resolution = resolve({"a": (text, labels)})
    assert expected in described(resolution)


NOT_FOUND = [
    pytest.param(
        "The club hired him to coach Marcus Hale and the other rookies.",
        {"PERSON": ["Marcus Hale"]},
        id="a-verb-not-a-title",
    ),
    pytest.param(
        "said the widow of a sheriff's deputy Nichols murdered in the courthouse.",
        {"PERSON": ["Nichols"]},
        id="lower-case-title-before-a-relative-clause",
    ),
    pytest.param(
        "The trust suspended the surgeon. Anna Price said an inquiry had begun.",
        {"PERSON": ["Anna Price"]},
        id="health-a-sentence-ends-in-an-occupation",
    ),
    pytest.param(
        "The jury believed the defendant. Gary Mills was cleared.",
        {"PERSON": ["Gary Mills"]},
        id="courts-a-sentence-ends-in-a-role",
    ),
    pytest.param(
        "The league fined the striker. Jamal Okafor said he would appeal.",
        {"PERSON": ["Jamal Okafor"]},
        id="sport-a-sentence-ends-in-a-position",
    ),
    pytest.param(
        "Rovers fans judge Maria Lopez by results, not style.",
        {"PERSON": ["Maria Lopez"], "ORG": ["Rovers"]},
        id="sport-a-title-word-as-the-verb-of-a-plural-subject",
    ),
    pytest.param(
        "Volunteers helped nurse Karen Hall back to health after the crash.",
        {"PERSON": ["Karen Hall"]},
        id="health-a-title-word-as-a-verb-after-a-verb",
    ),
    pytest.param(
        "Detectives suspect Gary Mills of taking money from customers.",
        {"PERSON": ["Gary Mills"]},
        id="police-a-title-word-as-the-verb-after-the-first-word",
    ),
    pytest.param(
        "Two veteran presenters anchor Sarah Lind's new evening show.",
        {"PERSON": ["Sarah Lind"]},
        id="media-an-occupation-as-the-verb-of-a-plural-subject",
    ),
    pytest.param(
        "Northgate defenders tackle Jamal Okafor hard every week.",
        {"PERSON": ["Jamal Okafor"], "ORG": ["Northgate"]},
        id="sport-a-position-as-a-verb",
    ),
    pytest.param(
        "Both scientists author Kenji Sato's papers together.",
        {"PERSON": ["Kenji Sato"]},
        id="science-an-occupation-as-a-verb",
    ),
    pytest.param(
        "The cable cut left a district of Palermo without power.",
        {"GPE": ["Palermo"]},
        id="a-part-of-a-place",
    ),
    pytest.param(
        "The summit met in the capital of France.",
        {"GPE": ["France"]},
        id="another-place-of-a-place",
    ),
    pytest.param(
        "The South Pacific island chain voted; a Baltic island and the Caribbean island followed.",
        {"GPE": ["South Pacific", "Baltic", "Caribbean"]},
        id="an-island-in-a-sea-is-not-the-sea",
    ),
    pytest.param(
        "Fire crews closed Wellington town centre.",
        {"GPE": ["Wellington"]},
        id="a-compound-after-the-place",
    ),
    pytest.param(
        "Chargers quarterback Tom Reyes threw twice.",
        {"PERSON": ["Tom Reyes"], "ORG": ["Chargers quarterback"]},
        id="words-another-mention-holds",
    ),
]


@pytest.mark.parametrize(("text", "labels"), NOT_FOUND)
def test_no_phrase_for_parts_neighbours_and_verbs(text: str, labels: Labels) -> None:
    assert described(resolve({"a": (text, labels)})) == set()


def test_described_mentions_carry_offsets_sentence_and_entity() -> None:
    text = "Rain fell.\nStriker Lena Brandt scored twice, and coach Omar Idris smiled."
    resolution = resolve({"a": (text, {"PERSON": ["Lena Brandt", "Omar Idris"]})})
    found = {m.text: (m, entity) for m, entity in resolution.found_mentions}
    names = {e.id: e.name for e in resolution.entities}
    expected = (("Striker Lena Brandt", "Lena Brandt"), ("coach Omar Idris", "Omar Idris"))
    for phrase, name in expected:
        mention, entity = found[phrase]
        assert text[mention.start : mention.end] == phrase
        assert mention.label == "PERSON"
        assert mention.sentence_start <= mention.start < mention.end <= mention.sentence_end
        assert names[entity] == name
    # The entity itself is as before: its name and aliases are the name's, not the phrase's.
    brandt = next(e for e in resolution.entities if e.name == "Lena Brandt")
    assert "Striker Lena Brandt" not in brandt.aliases


def test_an_island_named_after_its_sea_is_the_island() -> None:
    text = "A quake shook the Persian Gulf island of Qeshm."
    resolution = resolve({"a": (text, {"GPE": ["Persian Gulf", "Qeshm"]})})
    assert described(resolution) == {("island of Qeshm", "Qeshm")}
