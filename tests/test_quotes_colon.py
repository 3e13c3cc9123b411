"""Colon introductions (issue 12, mechanism 4): the paragraph before ends on a colon after
whoever speaks next, with any verb ("issued the following statement:"). Invented passages
in several domains; each row asserts the record's span, kind and speaker."""

from __future__ import annotations

import pytest
from tests.test_quotes_floor import check
from tests.test_quotes_review import speakers_of

FOLLOWING_STATEMENT = [
    (  # politics
        "After the floods, Governor Ruth Adler issued the following statement:\n\n"
        '"Our thoughts are with every family who lost a home this week."',
        "Our thoughts are with every family",
        "Ruth Adler",
    ),
    (  # sport
        "Head coach Lena Fry gave the following answer:\n\n"
        '"We were beaten by a better side and there are no excuses."',
        "We were beaten",
        "Lena Fry",
    ),
    (  # health
        "Hospital director Dr Helen Marsh sent the following email to nurses:\n\n"
        '"Every ward will have two more staff from Monday night."',
        "Every ward will have",
        "Helen Marsh",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), FOLLOWING_STATEMENT)
def test_a_colon_hands_the_floor_past_a_participle(run, text, words, speaker):
    check(run, text, words, "direct", speaker)


# review #53: a colon introduction that says whose the words are ("the following comments
# from residents:") hands them to nobody it names before the colon.
HANDED_ON = [
    (  # council
        "The council published the following comments from residents: "
        '"The new bins are too small and nobody collects them on time."',
        "The new bins are too small",
        "council",
    ),
    (  # sport
        "Rovers received the following letter from a supporter last week: "
        '"Please do not move us out of Mill Lane, it is our home."',
        "Please do not move us",
        "Rovers",
    ),
]


@pytest.mark.parametrize(("text", "words", "wrong"), HANDED_ON)
def test_a_colon_passing_on_others_words_gives_them_to_nobody(run, text, words, wrong):
    found = speakers_of(run, text, words)
    assert not [f for f in found if wrong in f[1]], found
