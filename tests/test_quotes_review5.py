"""Wrong speakers the stop-24 review found (issue 12, review #28 and #29). Invented
passages in several domains; each row asserts who the record must or must not name."""

from __future__ import annotations

import pytest
from tests.test_quotes_floor import check
from tests.test_quotes_review import speakers_of

from corpusmine.extract.quotes import is_uncertain

# review #28: a speaker introduced with a relative clause ("X, who ..., said ...") is the
# main clause's subject: the "he said" of the next sentence is theirs, not the previous
# paragraph's speaker's, and no guess (the name speaks right before it).
RELATIVE_CLAUSE_SPEAKER = [
    (  # court
        "Prosecutor Daniel Reeve told the jury the evidence was overwhelming. "
        '"The defendant lied to the police," Mr Reeve said.\n\n'
        "Defence barrister Simon Hale, who represents Mr Cole, said his client had been "
        'confused. "He was in shock that night," he added.',
        "He was in shock",
        "Simon Hale",
    ),
    (  # business
        'Chief executive Robert Lang said profits would fall. "It has been a difficult '
        'year," Lang told analysts.\n\nFinance director Omar Siddiqui, who joined the firm '
        'in May, said costs were under control. "We have cut spending hard," he said.',
        "We have cut spending",
        "Omar Siddiqui",
    ),
    (  # council
        "Councillor Peter Hughes said the scheme was too expensive. "
        '"Residents cannot afford another rise," he said.\n\nCllr Tom Moyo, who chairs the '
        'planning committee, said the budget was balanced. "Every penny has been accounted '
        'for," he said.',
        "Every penny",
        "Tom Moyo",
    ),
    (  # sport
        'Coach Gary Lomax said the pitch was poor. "We slipped all day," Lomax said.\n\n'
        "Striker Kofi Mensah, who scored the winner, said the team deserved it. "
        '"My legs were shaking," he added.',
        "My legs were shaking",
        "Kofi Mensah",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), RELATIVE_CLAUSE_SPEAKER)
def test_a_speaker_with_a_relative_clause_keeps_the_floor(run, text, words, speaker):
    record = check(run, text, words, "direct", speaker)
    assert not is_uncertain(record), (record.confidence, record.method)


# review #29: a headline "Jury told of ..." is a passive: the jury (court, inquest,
# tribunal) is the one told, never the speaker of the quoted words.
TOLD_HEADLINES = [
    (  # court
        'Jury told of "reckless" driving before crash\n\nA driver who killed a cyclist was '
        '"reckless and selfish", a jury at Oxford Crown Court heard on Tuesday.',
        "reckless",
        "Jury",
    ),
    (  # health: an inquest
        "Inquest told of 'years of neglect' at care home\n\nThe home had been warned "
        "three times, the hearing was told.",
        "years of neglect",
        "Inquest",
    ),
    (  # business: an employment tribunal
        'Tribunal told of "toxic culture" at bank\n\nStaff were bullied for years, a '
        "former manager said.",
        "toxic culture",
        "Tribunal",
    ),
]


@pytest.mark.parametrize(("text", "words", "wrong"), TOLD_HEADLINES)
def test_the_one_told_in_a_headline_is_no_speaker(run, text, words, wrong):
    found = speakers_of(run, text, words)
    assert not [f for f in found if wrong.lower() in f[1].lower()], found


def test_a_predicate_record_ends_on_its_words(run):
    """A headline's complement ends on the blank line after it: the record does not."""
    text = (
        'Mayor Ann Cole warns of "reckless" driving before crash\n\n'
        "The mayor spoke at the town hall on Monday."
    )
    source, quotes = run(text)
    assert quotes, quotes
    assert all(not q.text[-1:].isspace() for q in quotes), [q.text for q in quotes]


# review #47: the he/she after a cue whose reported clause names another person who may
# be the he/she stays a guess (shown "?"): the one talked about may be the one talking.
OTHER_PERSON_REPORTED = [
    (  # court
        "Judge Peter Cross said Martin Cole had shown no remorse. "
        '"I am sorry for what I did," he said from the dock.',
        "I am sorry for what I did",
        "Peter Cross",
    ),
    (  # health
        "Dr Ken Lowe said the patient, Alan Boyd, had been discharged too early. "
        '"Nobody checked on me for hours," he said.',
        "Nobody checked on me",
        "Ken Lowe",
    ),
    (  # sport
        "Agent Jorge Mendes said the club had refused to let Kieran Tate leave. "
        '"I want to play for a bigger club," he said in a statement.',
        "I want to play for a bigger club",
        "Jorge Mendes",
    ),
    (  # business
        "Chairman Dave Pryce said manager Steve Burns had been sacked after eight defeats. "
        '"I gave everything to this club and I am heartbroken," he said.',
        "I gave everything",
        "Dave Pryce",
    ),
]


@pytest.mark.parametrize(("text", "words", "guess"), OTHER_PERSON_REPORTED)
def test_a_he_after_a_cue_reporting_another_man_is_a_guess(run, text, words, guess):
    source, quotes = run(text)
    named = [q for q in quotes if q.text.startswith(words) and guess in q.speaker_text]
    assert all(is_uncertain(q) for q in named), [(q.speaker_text, q.confidence) for q in named]
