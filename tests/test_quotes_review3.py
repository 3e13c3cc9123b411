"""Wrong speakers a review of the third round found (issue 12): a dead victim given the
detective's words, a hearer given the voice's, a woman voted male by the man she saw, a
sheriff given a dead woman's full name. Invented passages in several domains; each row
asserts who the record must or must not name."""

from __future__ import annotations

import pytest
from tests.test_quotes_floor import check
from tests.test_quotes_review import speakers_of

# 1. A paragraph of narration about someone else between a speaker's quotes ("The victim,
#    Paul Grant, died in hospital") does not hand "he said" in the next paragraph to that
#    someone: a narration subject who reports nothing takes the floor only when no one
#    has spoken before; with a speaker before, the floor stays with that speaker.
NARRATION_ABOUT_SOMEONE_ELSE = [
    (  # crime: the reviewer's passage
        "Detective Inspector Mark Cole said officers were appealing for witnesses. "
        '"Someone must have seen something," he said.\n\n'
        "The victim, Paul Grant, died in hospital on Sunday.\n\n"
        '"We are determined to find whoever did this," he said.',
        "We are determined",
        "Paul Grant",
    ),
    (  # sport: a player's goals between the coach's quotes
        'Coach Mark Davies said the team had earned the win. "We were patient," he said.\n\n'
        "Striker Tom Reed scored twice in the second half.\n\n"
        '"The second goal settled everyone," he said.',
        "The second goal",
        "Tom Reed",
    ),
    (  # science: the lab's director visiting between the researcher's quotes
        'Professor Alan Hart said the samples were clean. "We took care," he said.\n\n'
        "Later that week, the lab's director, Peter Price, visited the field station.\n\n"
        '"The readings are higher than last year," he said.',
        "The readings are higher",
        "Peter Price",
    ),
]


@pytest.mark.parametrize(("text", "words", "wrong"), NARRATION_ABOUT_SOMEONE_ELSE)
def test_narration_about_someone_else_takes_no_floor(run, text: str, words: str, wrong: str):
    found = speakers_of(run, text, words)
    assert found, run(text)[1]
    assert not [f for f in found if wrong in f[1]], found


NARRATION_SPEAKS = [
    (  # council: the narration's subject speaks there, so the floor is hers
        "Councillor Tom Reid said the depot would close.\n\n"
        "Jane Kent, the treasurer, told the meeting the budget was short.\n\n"
        '"We cannot fund it," she said.',
        "We cannot fund it",
        "Jane Kent",
    ),
    (  # business: no one spoke before, so the narration's subject holds the floor
        "Sales at Halden Stores rose in the spring.\n\n"
        "Chief executive Paul Grant visited the new warehouse on Monday.\n\n"
        '"Every region grew this year," he said.',
        "Every region grew",
        "Paul Grant",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), NARRATION_SPEAKS)
def test_narration_that_speaks_takes_the_floor(run, text: str, words: str, speaker: str):
    check(run, text, words, "direct", speaker)


@pytest.mark.parametrize(
    ("row", "speaker"), [(0, "Mark Cole"), (1, "Mark Davies"), (2, "Alan Hart")]
)
def test_the_floor_stays_with_the_last_speaker(run, row: int, speaker: str):
    text, words, _ = NARRATION_ABOUT_SOMEONE_ELSE[row]
    check(run, text, words, "direct", speaker)


# 2. A person after a quote is its speaker whatever the verb, but not for a verb of taking
#    in (hear, see, read, find, notice): the person is the hearer or reader.
PERCEIVED = [
    (  # local news: the reviewer's passage
        '"Help me," Sarah Jones heard a voice shout from the water as she walked her dog.',
        "Help me",
        "Sarah Jones",
    ),
    (  # business: words seen on a note
        '"Back in five minutes," Tom Berg saw on a note pinned to the shop door.',
        "Back in five minutes",
        "Tom Berg",
    ),
    (  # sport: a banner the captain noticed
        '"Bring back the old badge," captain Lena Fry noticed on a banner behind the goal.',
        "Bring back the old badge",
        "Lena Fry",
    ),
]


@pytest.mark.parametrize(("text", "words", "wrong"), PERCEIVED)
def test_a_hearer_or_reader_is_no_speaker(run, text: str, words: str, wrong: str):
    found = speakers_of(run, text, words)
    assert not [f for f in found if wrong in f[1]], found


def test_a_person_then_a_verb_of_speaking_still_speaks(run):
    text = '"Go back to your seat and stay there," Lena Fry barked at the substitute.'
    check(run, text, "Go back to your seat", "direct", "Lena Fry")


# 3. A gendered noun counts for a name only as the name's own title or apposition, not as
#    the head of a relative clause the name is the subject of ("the man Anna Price saw").
RELATIVE_HEAD = [
    (  # crime: the reviewer's passage
        "Police want to trace the man Anna Price saw running from the scene in Church "
        "Street.\n\nTom Hill, who lives nearby, heard shouting.\n\n"
        'Anna Price added that the street lights were off. "It was over in seconds," '
        "she said.",
        "It was over in seconds",
        "Anna Price",
    ),
    (  # arts: the woman the curator saw
        "Gallery staff want to find the woman Tom Hale saw leaving with the painting.\n\n"
        "Mark Bell, the director, called the police.\n\n"
        'Tom Hale added that the run had sold out. "It was the best show of the year," '
        "he said.",
        "It was the best show",
        "Tom Hale",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), RELATIVE_HEAD)
def test_head_of_a_relative_clause_is_no_gender(run, text: str, words: str, speaker: str):
    check(run, text, words, "direct", speaker)


# 4. A surname with a role title ("Sheriff Brown", "President Trump") is not the one full
#    name of that surname the document gives when that full name is never written with
#    the title: it is likely another person (the dead woman, the president's wife).
TITLED_SURNAME = [
    (  # crime: the reviewer's passage
        "The body of Lisa Brown, 45, was found near Clear Lake on Sunday morning, Sheriff "
        'Brown told reporters. "We are treating the death as suspicious," Sheriff Brown '
        "said. Lisa Brown had lived in the town for 20 years.",
        "We are treating the death",
        "Lisa Brown",
    ),
    (  # council: the mayor and a resident of the same surname
        "Resident Joan Hughes, 70, complained about the bins at the meeting. "
        '"We will look at the rota again," Mayor Hughes said.',
        "We will look at the rota",
        "Joan Hughes",
    ),
]


@pytest.mark.parametrize(("text", "words", "wrong"), TITLED_SURNAME)
def test_a_role_title_keeps_a_surname_apart(run, text: str, words: str, wrong: str):
    found = speakers_of(run, text, words)
    assert found, run(text)[1]
    assert not [f for f in found if wrong in f[1]], found


def test_a_role_title_written_with_the_full_name_joins_it(run):
    text = (
        "Sheriff Mike Brown said the road would reopen on Monday. Lisa Brown, 45, lived "
        'nearby. "We are treating the death as suspicious," Sheriff Brown said.'
    )
    check(run, text, "We are treating the death", "direct", "Mike Brown")
