"""Wrong speakers named in the fourth round's brief (issue 12): a reader given the words
on a note, a bare surname given the one full name when a titled bearer of it is someone
else, "he said" given a person the document calls "she". Invented passages in several
domains; each row asserts who the record must or must not name."""

from __future__ import annotations

import pytest
from tests.test_quotes_floor import check
from tests.test_quotes_review import speakers_of

# 1. "read" is a verb of saying only with the message as its subject ("the statement
#    read: ..."); a person who reads is a reader, not the words' speaker.
READERS = [
    (  # retail: a note on a shop door
        '"Back in five minutes," Tom Berg read on a note pinned to the shop door.',
        "Back in five minutes",
        "Tom Berg",
    ),
    (  # sport: a banner behind the goal
        '"Bring back the old badge," captain Lena Fry read on a banner behind the goal.',
        "Bring back the old badge",
        "Lena Fry",
    ),
    (  # science: a label on a sample jar
        "Dr Alan Hart frowned at the shelf. He read on the jar: "
        '"Do not open before the end of the trial."',
        "Do not open before",
        "Alan Hart",
    ),
]


@pytest.mark.parametrize(("text", "words", "wrong"), READERS)
def test_a_reader_is_no_speaker(run, text: str, words: str, wrong: str):
    found = speakers_of(run, text, words)
    assert not [f for f in found if wrong in f[1]], found


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (  # business: a company's statement
            'The statement read: "We regret the delay and will refund every customer."',
            "We regret the delay",
            "statement",
        ),
        (  # health: a hospital's letter
            '"Visiting hours will be cut from Monday," the letter read.',
            "Visiting hours will be cut",
            "letter",
        ),
    ],
)
def test_a_message_still_reads(run, text: str, words: str, speaker: str):
    check(run, text, words, "direct", speaker)


# 2. A surname the document also writes with a role title that joins none of its full
#    names ("President Trump" beside the only full name "Melania Trump") may be the
#    titled person: the bare surname is not expanded to that full name.
TITLED_BEARER = [
    (  # politics: the first lady and the president
        "First lady Melania Trump spoke at the convention on Monday.\n\n"
        "President Trump told reporters on Tuesday that the wall would be built soon.\n\n"
        '"It will be beautiful," Trump said.',
        "It will be beautiful",
        "Melania Trump",
    ),
    (  # sport: a player and the coach who shares her surname
        "Striker Anna Keane scored twice in the final on Saturday.\n\n"
        "Coach Keane told reporters that the team had trained for this all year.\n\n"
        '"We knew they would tire in the second half," Keane said.',
        "We knew they would tire",
        "Anna Keane",
    ),
]


@pytest.mark.parametrize(("text", "words", "wrong"), TITLED_BEARER)
def test_a_titled_bearer_keeps_the_surname_apart(run, text: str, words: str, wrong: str):
    found = speakers_of(run, text, words)
    assert found, run(text)[1]
    assert not [f for f in found if wrong in f[1]], found


def test_a_surname_with_only_its_full_name_still_expands(run):
    text = (
        "Striker Anna Keane scored twice in the final on Saturday.\n\n"
        '"We knew they would tire in the second half," Keane said.'
    )
    check(run, text, "We knew they would tire", "direct", "Anna Keane")


# 3. A "she" opening the sentence right after one whose only person is its main subject
#    is that person: evidence of her gender, so a later "he said" is not hers.
SHE_THEN_HE = [
    (  # sport: the coach the document calls "she"
        "Mary Hale, the coach, said the season was over. She thanked the fans.\n\n"
        '"We played badly in the second half," he said.',
        "We played badly",
        "Mary Hale",
    ),
    (  # science: a researcher, then an unnamed man's words
        "Professor Jo Lin said the samples were clean. She sent them to the lab.\n\n"
        '"The readings will take a month to come back," he said.',
        "The readings will take",
        "Jo Lin",
    ),
]


@pytest.mark.parametrize(("text", "words", "wrong"), SHE_THEN_HE)
def test_he_is_not_a_person_called_she(run, text: str, words: str, wrong: str):
    found = speakers_of(run, text, words)
    assert not [f for f in found if wrong in f[1]], found


def test_a_second_person_gives_no_gender(run):
    # "She" may be either: no evidence for Tom Reid, whose "he said" stays his.
    text = (
        "Tom Reid met Ann Cole at the depot. She said the bins were late.\n\n"
        'Tom Reid said the rota would change. "We will fix it by Monday," he said.'
    )
    check(run, text, "We will fix it", "direct", "Tom Reid")
