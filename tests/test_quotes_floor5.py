"""Who keeps the floor, fifth round (issue 12): how far back a speaker still holds it, and
cues the parse left without their subject. Invented passages in several domains; each row
asserts the record's kind and speaker."""

from __future__ import annotations

import pytest
from tests.test_quotes_floor import check

# 1. A paragraph of narration opening on a new main subject hands a paragraph-opening
#    '"...," he said' to that subject, unless the one who spoke last did so in the
#    paragraph right before it (an interlude between two of their quotes, pinned in
#    tests/test_quotes_review3.py). A speaker further back has handed the floor on.
NARRATION_AFTER_A_GAP = [
    (  # sport: the coach spoke two paragraphs before the striker's narration
        'Coach Mark Davies said the team had earned the win. "We were patient," he said.\n\n'
        "The club has now sold out its stadium for three weeks running.\n\n"
        "Striker Tom Reed later returned to the training ground with his family.\n\n"
        '"The second goal settled everyone," he said.',
        "The second goal",
        "Tom Reed",
    ),
    (  # business: the chief executive's words come before a paragraph of figures
        "Chief executive Paul Grant said sales had risen in every region.\n\n"
        "The shares closed four per cent higher on Friday.\n\n"
        "Finance director Alan Price then turned to the cost of the new warehouse.\n\n"
        '"Rents have doubled since the spring," he said.',
        "Rents have doubled",
        "Alan Price",
    ),
    (  # health: the surgeon's quote, then the ward, then the nurse
        'Surgeon Helen Ward said the unit was full. "We are turning people away," she said.\n\n'
        "The hospital opened a second ward in March.\n\n"
        "Senior nurse Karen Hall has worked on the unit for a decade.\n\n"
        '"Nights are the hardest," she said.',
        "Nights are the hardest",
        "Karen Hall",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), NARRATION_AFTER_A_GAP)
def test_narration_after_a_gap_takes_the_floor(run, text: str, words: str, speaker: str):
    check(run, text, words, "direct", speaker)


# The paragraph right before the narration may give its quote to the speaker only by
# he/she ('"...," he added.' after the paragraph that names them): the speaker still holds
# the floor through the narration (review #12, its police and council passages).
PRONOUN_PARAGRAPH_KEEPS_THE_FLOOR = [
    (  # police
        "Detective Inspector Tom Hart said the attacker was armed with a knife.\n\n"
        '"He should not be approached by the public," he added.\n\n'
        "The victim, Paul Grant, died in hospital on Sunday.\n\n"
        '"We are appealing for anyone with dashcam footage to come forward," he said.',
        "We are appealing",
        "Tom Hart",
    ),
    (  # council
        "Councillor Ben Lin said the budget for next year would be balanced.\n\n"
        '"There will be no cuts to libraries," he said.\n\n'
        "The former finance chief, Mark Hill, left the council in 2023 after a row over the "
        "accounts.\n\n"
        '"We have rebuilt the reserves since then," he said.',
        "We have rebuilt",
        "Ben Lin",
    ),
    (  # science: two pronoun paragraphs before the narration
        "Professor Alan Hart said the samples were clean.\n\n"
        '"We took care over every one," he said.\n\n'
        '"The lab was sealed," he added.\n\n'
        "The lab's director, Peter Price, visited the field station that week.\n\n"
        '"The readings are higher than last year," he said.',
        "The readings are higher",
        "Alan Hart",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), PRONOUN_PARAGRAPH_KEEPS_THE_FLOOR)
def test_a_pronoun_paragraph_keeps_the_floor(run, text: str, words: str, speaker: str):
    check(run, text, words, "direct", speaker)


# Who holds a paragraph's floor is whoever its quotes were given to, however the cue named
# them: a quote paragraph with no cue continuing the speaker, a description ("the
# councillor said"). Review #13's passages, and a sport one.
QUOTES_GIVEN_IN_THE_PARAGRAPH_BEFORE = [
    (  # police: a quote-only paragraph continues the detective
        "Detective Inspector Tom Hart said the attacker was armed with a knife.\n\n"
        '"He should not be approached by the public. Anyone who sees him should call 999 '
        'straight away."\n\n'
        "The victim, Paul Grant, died in hospital on Sunday.\n\n"
        '"We are appealing for anyone with dashcam footage to come forward," he said.',
        "We are appealing",
        "Tom Hart",
    ),
    (  # council: a description cues the councillor's quote
        "Councillor Ben Lin said the budget for next year would be balanced.\n\n"
        '"There will be no cuts to libraries," the councillor said.\n\n'
        "The former finance chief, Mark Hill, left the council in 2023 after a row over the "
        "accounts.\n\n"
        '"We have rebuilt the reserves since then," he said.',
        "We have rebuilt",
        "Ben Lin",
    ),
    (  # sport: the manager's quote cued by his title
        "Rovers manager Sam Porter said the draw was fair.\n\n"
        '"We hit the post three times," the manager said.\n\n'
        "Striker Jamal Okafor was taken off injured after ten minutes.\n\n"
        '"Losing him so early hurt us badly," he said.',
        "Losing him so early",
        "Sam Porter",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), QUOTES_GIVEN_IN_THE_PARAGRAPH_BEFORE)
def test_the_paragraph_before_is_held_by_whoever_its_quotes_went_to(
    run, text: str, words: str, speaker: str
):
    check(run, text, words, "direct", speaker)


# A paragraph whose quote a she was given keeps no floor for a "he" (and the reverse).
def test_a_paragraph_of_the_other_gender_keeps_no_floor(run) -> None:
    text = (
        "Professor Alan Hart said the samples were clean.\n\n"
        'Dr Sam Lee agreed. "Nothing was missed," she said.\n\n'
        "The lab's director, Peter Price, visited the field station that week.\n\n"
        '"The readings are higher than last year," he said.'
    )
    check(run, text, "The readings are higher", "direct", "Peter Price")


# A narration subject the document makes speak elsewhere (the subject of a cue verb) takes
# the floor even after another's quote paragraph when the narration has them react
# (quotes.yaml reaction_verbs, stance and cue verbs): "Rubio disagreed." then '"...," he
# said' is Rubio's. Not when the narration itself gives speech to a he/she ("He added a
# note of caution, should X return ..."): that is the speaker's own paragraph going on.
NARRATION_SUBJECT_WHO_SPEAKS_ELSEWHERE = [
    (  # council
        "Councillor Tom Reid said the depot would close.\n\n"
        "The treasurer, Mark Dale, told the meeting the budget was short.\n\n"
        '"We cannot fund every depot," he said.\n\n'
        "Reid disagreed with him.\n\n"
        '"The depot pays for itself," he said.',
        "The depot pays for itself",
        "Tom Reid",
    ),
    (  # sport
        "Rovers manager Sam Porter said the draw was fair.\n\n"
        "United's coach, Lee Vale, said his side had been unlucky.\n\n"
        '"We hit the post twice," he said.\n\n'
        "Porter hit back at his rival.\n\n"
        '"They were lucky to get a point," he said.',
        "They were lucky",
        "Sam Porter",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), NARRATION_SUBJECT_WHO_SPEAKS_ELSEWHERE)
def test_a_narration_subject_who_speaks_elsewhere_takes_the_floor(
    run, text: str, words: str, speaker: str
):
    check(run, text, words, "direct", speaker)


def test_narration_giving_speech_to_a_pronoun_stays_the_speakers(run) -> None:
    # health: the parse makes "Hill" the main subject ("should Hill return" as the root)
    text = (
        "Former chief executive Mark Hill said the trust had been well run.\n\n"
        "Dr Alan Price said the wards were safe.\n\n"
        '"Nobody was harmed," he said on Monday. He added a note of caution, should Hill '
        "return to the board.\n\n"
        '"The board must be careful," he said.'
    )
    check(run, text, "The board must be careful", "direct", "Alan Price")


# Review #14: having spoken once does not take the floor when the narration tells what was
# done to the person (a passive: "Mills was remanded in custody"); the next quote is still
# the holder's of the paragraph before.
PASSIVE_NARRATION_KEEPS_THE_HOLDER = [
    (  # court
        "Gary Mills told the court he had never seen the money.\n\n"
        "Prosecutor Simon Blake said the bank records proved otherwise. "
        '"The defendant moved every penny abroad," he told the jury.\n\n'
        "Mills was remanded in custody until Friday.\n\n"
        '"The jury will see the records for themselves," he said.',
        "The jury will see",
        "Simon Blake",
    ),
    (  # council
        "Councillor Ben Lin said the library would stay open.\n\n"
        "Council leader Aled Hughes said the budget could not cover it. "
        '"We have no money left," he said.\n\n'
        "Lin was suspended from the Labour group last month.\n\n"
        '"The numbers simply do not add up," he said.',
        "The numbers simply",
        "Aled Hughes",
    ),
    (  # sport
        "Striker Jamal Okafor said he was ready to play on Saturday.\n\n"
        "Manager Sam Porter said the striker needed more time. "
        '"His hamstring is not right yet," he said.\n\n'
        "Okafor was left out of the squad for the derby.\n\n"
        '"It was not an easy decision to make," he said.',
        "It was not an easy decision",
        "Sam Porter",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), PASSIVE_NARRATION_KEEPS_THE_HOLDER)
def test_passive_narration_keeps_the_holder(run, text: str, words: str, speaker: str):
    check(run, text, words, "direct", speaker)


# 2. A verb of saying right after a closing mark, then a person's name ("said X, ..."), is
#    X's even where the parse hung the name from another verb and left the cue without a
#    subject; the quote it interrupts goes on as X's.
INVERTED_CUE_WITHOUT_SUBJECT = [
    (  # health
        '"The danger," said Alan Price, a surgeon who is the director of the unit, "is that '
        'the wards fill up every winter."',
        "is that the wards",
        "Alan Price",
    ),
    (  # farming
        '"The worry," said Ruth Okafor, a farmer who is the chair of the union, "is that the '
        'rain never stops."',
        "is that the rain",
        "Ruth Okafor",
    ),
    (  # sport
        '"The problem," said Maria Lopez, a coach who is the head of the academy, "is that '
        'the players are tired by March."',
        "is that the players",
        "Maria Lopez",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), INVERTED_CUE_WITHOUT_SUBJECT)
def test_inverted_cue_without_subject(run, text: str, words: str, speaker: str):
    check(run, text, words, "direct", speaker)
    opening = text[1 : text.index(",")]
    check(run, text, opening, "direct", speaker)


def test_inverted_cue_never_gives_the_words_to_a_possessor(run) -> None:
    # law: "said Okafor's lawyer" names the lawyer, not Okafor
    text = '"The ruling," said Okafor\'s lawyer, who is the head of the firm, "is wrong."'
    _, quotes = run(text)
    assert not [q for q in quotes if "Okafor" in q.speaker_text], quotes


# Review #20: after quoted words inside a clause ('who called the scheme "a fraud,"') the
# name after "told"/"asked" is the one addressed, never an inverted speaker.
ADDRESSEE_AFTER_A_QUOTED_FRAGMENT = [
    (  # court
        'Lawyers for the pension fund, who called the scheme "a fraud on every pensioner," '
        "told Judge Alan Smith, sitting at Leeds Crown Court, that the money had gone abroad.",
        "Alan Smith",
    ),
    (  # farming
        'Farmers, who called the price "an insult," asked Ruth Cole, the minister, whether '
        "the subsidy would return.",
        "Ruth Cole",
    ),
]


@pytest.mark.parametrize(("text", "wrong"), ADDRESSEE_AFTER_A_QUOTED_FRAGMENT)
def test_the_addressee_after_a_quoted_fragment_is_no_speaker(run, text: str, wrong: str):
    _, quotes = run(text)
    assert not [q for q in quotes if wrong in q.speaker_text], quotes


# Review #21: a subject before "told" is the speaker even where the parse made the one
# told a second subject of the verb.
GROUP_THAT_TOLD_SOMEONE = [
    (  # health
        'Nurses on the ward, who called the closure "a betrayal," told Helen Ward, the '
        "trust's chief executive, that patients would suffer.",
        "patients would suffer",
        "Nurses",
        "Helen Ward",
    ),
    (  # sport
        'Supporters\' groups, who called the ticket prices "daylight robbery," told Tom '
        "Reid, speaking at the fans' forum, that they would boycott the match.",
        "they would boycott",
        "Supporters",
        "Tom Reid",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker", "wrong"), GROUP_THAT_TOLD_SOMEONE)
def test_a_group_that_told_someone_is_the_speaker(
    run, text: str, words: str, speaker: str, wrong: str
):
    _, quotes = run(text)
    said = [q for q in quotes if q.kind.value == "indirect" and words in q.text]
    assert said and all(speaker in q.speaker_text for q in said), quotes
    assert not [q for q in quotes if wrong in q.speaker_text], quotes


# Review #15: being the narration's active subject is not speaking ("Mills sat with his
# head bowed"): the next quote stays with the one quoted in the paragraph before.
ACTIVE_NARRATION_KEEPS_THE_HOLDER = [
    (  # court
        "Gary Mills told the court he had never seen the money.\n\n"
        "Prosecutor Simon Blake said the bank records proved otherwise. "
        '"The defendant moved every penny abroad," he told the jury.\n\n'
        "Mills sat with his head bowed as the figures were read out.\n\n"
        '"The jury will see the records for themselves," he said.',
        "The jury will see",
        "Simon Blake",
    ),
    (  # council
        "Councillor Ben Lin said the library would stay open.\n\n"
        "Council leader Aled Hughes said the budget could not cover it. "
        '"We have no money left," he said.\n\n'
        "Lin walked out of the chamber before the vote.\n\n"
        '"The numbers simply do not add up," he said.',
        "The numbers simply",
        "Aled Hughes",
    ),
    (  # sport
        "Striker Jamal Okafor said he was ready to play on Saturday.\n\n"
        "Manager Sam Porter said the striker needed more time. "
        '"His hamstring is not right yet," he said.\n\n'
        "Okafor trained alone on Thursday morning.\n\n"
        '"It was not an easy decision to make," he said.',
        "It was not an easy decision",
        "Sam Porter",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), ACTIVE_NARRATION_KEEPS_THE_HOLDER)
def test_active_narration_keeps_the_holder(run, text: str, words: str, speaker: str):
    check(run, text, words, "direct", speaker)


# Review #23: where the parse leaves "told" only the one told as its subject (after it),
# the sentence names no speaker: never the addressee.
ONLY_THE_ONE_TOLD_AS_SUBJECT = [
    (  # science
        "Study questioned\n\n"
        'Reviewers who found the data "deeply flawed" told Kenji Sato, the lead author, to '
        "withdraw the paper.",
        "Kenji Sato",
    ),
    (  # health, under a headline
        "Ward closure\n\n"
        'Nurses on the ward, who called the closure "a betrayal," told Helen Ward, the '
        "trust's chief executive, that patients would suffer.",
        "Helen Ward",
    ),
]


@pytest.mark.parametrize(("text", "wrong"), ONLY_THE_ONE_TOLD_AS_SUBJECT)
def test_the_one_told_is_never_the_speaker(run, text: str, wrong: str):
    _, quotes = run(text)
    assert not [q for q in quotes if wrong in q.speaker_text], quotes
