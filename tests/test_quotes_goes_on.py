"""A speaker who goes on (issue 12, mechanism 1): a quote with no cue of its own that opens
a sentence right after the same speaker's words in its paragraph is theirs. Invented
passages in several domains; each row asserts the record's span, kind and speaker."""

from __future__ import annotations

import pytest
from tests.test_quotes_floor import check
from tests.test_quotes_review import speakers_of

# 1. A quote opening its sentence after the speaker's quote, the narrator ending the
#    sentence: '"...," Tyler said. "We have three weeks to go" until the caucuses.'
NARRATOR_ENDS_THE_SENTENCE = [
    (  # politics
        '"We will fight for every vote," Senator Ruth Adler said. "We have three weeks to '
        'go" until the primary, she reminded the crowd.',
        "We have three weeks to go",
        "Ruth Adler",
    ),
    (  # sport
        '"The lads were brilliant," manager Carl Dunne said on Saturday. "Nobody gave us a '
        'chance" before the cup run began in January.',
        "Nobody gave us a chance",
        "Carl Dunne",
    ),
    (  # business
        '"Demand has never been stronger," said Priya Nair, the chief executive. "We expect '
        'to hire more staff" in every region next year.',
        "We expect to hire more staff",
        "Priya Nair",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), NARRATOR_ENDS_THE_SENTENCE)
def test_a_quote_opening_a_sentence_goes_on_with_the_speaker(run, text, words, speaker):
    check(run, text, words, "direct", speaker, words)


def test_a_quote_glued_to_another_is_no_new_sentence(run):
    """Quoted words right after a closing mark, with no sentence end between, are not
    the speaker going on (here the marks of a nested quote): no direct record of them."""
    text = (
        'Critic Ann Cole wrote, "If you care about the players, you must speak up even '
        'when "your club" is the one at fault."'
    )
    found = [f for f in speakers_of(run, text, "your club") if f[0] == "direct"]
    assert not [f for f in found if f[2] == "continuation-after-cue"], found


# 2. Narration about the speaker alone between two of their quotes keeps the floor:
#    '"A," Mr Okafor said. He paused. "B."'
NARRATION_ABOUT_THE_SPEAKER = [
    (  # courts
        'Defence barrister Neil Okafor rose first. "My client was at home that night," '
        'Mr Okafor said. He paused. "The cameras prove it."',
        "The cameras prove it",
        "Okafor",
    ),
    (  # health
        'Dr Helen Marsh runs the ward. "We are short of nurses every night," Dr Marsh '
        'said. She shook her head. "It cannot go on like this."',
        "It cannot go on like this",
        "Helen Marsh",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), NARRATION_ABOUT_THE_SPEAKER)
def test_narration_about_the_speaker_keeps_the_floor(run, text, words, speaker):
    check(run, text, words, "direct", speaker)


def test_narration_about_someone_else_hands_the_floor_on(run):
    """A he/she that is another person in view is no sign the speaker goes on."""
    text = (
        "Coach Tom Reid faced the press with his captain, Lena Fry. "
        '"We were poor," Reid said. She walked off. "I will not talk about it."'
    )
    found = speakers_of(run, text, "I will not talk")
    assert not [f for f in found if "Tom Reid" in f[1]], found


# 3. A quote opening a sentence after the speaker's reported speech in the paragraph:
#    'The vote was close, Schiff said. "We need every member here."'
AFTER_REPORTED_SPEECH = [
    (  # politics: an interposed cue after the reported words
        "The council may delay the vote until spring, Cllr Maya Singh said. "
        '"Nobody wants to rush a decision of this size."',
        "Nobody wants to rush",
        "Maya Singh",
    ),
    (  # business: a reported clause
        "Finance director Omar Siddiqui said the company would cut its dividend. "
        '"Our shareholders understand why we must do this now."',
        "Our shareholders understand",
        "Omar Siddiqui",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), AFTER_REPORTED_SPEECH)
def test_a_quote_after_reported_speech_is_the_reporters_speaker(run, text, words, speaker):
    check(run, text, words, "direct", speaker)
