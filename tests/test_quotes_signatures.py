"""Quotes signed after a dash (issue 12): readers' comments, vox pops and epigraphs print a
paragraph-long quote, then a dash and the name of whoever said it. Invented passages in
several domains; each row asserts the record's span, kind and speaker, or that nobody is
credited."""

from __future__ import annotations

import pytest
from tests.test_quotes_floor import check
from tests.test_quotes_review import speakers_of

SIGNED = [
    (  # sport: fans after a derby, one comment a paragraph, an em dash
        "What the fans said after the derby.\n\n"
        "\u201cWe were robbed in the last minute and the referee knows it.\u201d \u2014 Dale "
        "Hughes\n\n"
        "\u201cThe manager has to go, he has lost the dressing room.\u201d \u2014 Priya Shah",
        "The manager has to go",
        "Priya Shah",
        "The manager has to go, he has lost the dressing room.",
    ),
    (  # health: patients' comments, a horizontal bar and an age and town after the name
        "Patients describe the new clinic.\n\n"
        "\u201cI waited four hours to see a nurse and nobody told me why.\u201d \u2015 Margaret "
        "Okoye, 71, of Leeds.",
        "I waited four hours",
        "Margaret Okoye",
        "I waited four hours to see a nurse and nobody told me why.",
    ),
    (  # business: a customer's review, with a middle initial and a double hyphen
        "Shoppers on the new store.\n\n"
        '"The prices are fair but the queues at the tills are far too long." -- Ellen R. '
        "Fischer",
        "The prices are fair",
        "Ellen R. Fischer",
        "The prices are fair but the queues at the tills are far too long.",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker", "whole"), SIGNED)
def test_a_signed_paragraph_quote_is_the_signers(run, text, words, speaker, whole):
    record = check(run, text, words, "direct", speaker, whole)
    assert record.method == "signature"


NOT_SIGNED = [
    (  # politics: a reporter's byline after quoted words inside narration
        "Spain's acting prime minister said his party was "
        '"still the biggest force in the country."--Ana Ruiz.',
        "still the biggest force",
        "Ana Ruiz",
    ),
    (  # business: a dash before an agency credits the text, it does not sign it
        "Markets in brief.\n\n"
        '"Shares fell sharply on Monday after the bank cut its forecast." \u2014 Reuters',
        "Shares fell sharply",
        "Reuters",
    ),
    (  # council: a dash starting an aside after a quoted slogan
        "The council launched its campaign on Monday.\n\n"
        '"Cleaner streets for everyone by the summer." \u2014 Mayor Tom Reid promised it, '
        "then the budget was cut.",
        "Cleaner streets",
        "Tom Reid",
    ),
]


# (These guard the rule above: the code before it signed nothing, so they passed too.)
@pytest.mark.parametrize(("text", "words", "wrong"), NOT_SIGNED)
def test_no_signature_without_a_paragraph_quote_and_a_persons_name(run, text, words, wrong):
    found = speakers_of(run, text, words)
    assert not [f for f in found if wrong in f[1] and f[2] == "signature"], found


def test_a_signed_comment_is_not_continued_by_the_next_paragraph(run):
    """Each signed comment is one voice: an unsigned quote paragraph after it is not the
    signer's (it is another reader's, whose signature the marks hid)."""
    text = (
        "Voters on the debate.\n\n"
        "\u201cHe did not answer a single question about the schools.\u201d \u2014 Rosa "
        "Delgado\n\n"
        "\u201cShe was calm and she knew the figures better than anyone on the stage.\u201d"
    )
    check(run, text, "He did not answer", "direct", "Rosa Delgado")
    found = speakers_of(run, text, "She was calm")
    assert not [f for f in found if "Rosa Delgado" in f[1]], found
