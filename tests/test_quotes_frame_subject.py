"""The subject of a cue after a quote is never inside the quote marks or a place it was said
(issue 12, mechanism 2): the parse may hang the speaker's name from the quoted words and
leave the verb with only what follows it. Invented passages; each row names a noun that
must not be credited."""

from __future__ import annotations

import pytest
from tests.test_quotes_review import speakers_of

NOT_THE_SPEAKER = [
    (  # local radio: "said ... on Radio Leeds's show" says where, not who
        "\u201cHe's completely right. There's a deep split between this board and frankly "
        "the chairman and our staff,\u201d Okafor, a senior union official, said Monday "
        "morning on Radio Leeds\u2019s \u201cMorning Talk.\u201d",
        "He's completely right",
        "Radio Leeds",
    ),
    (  # health: nouns inside the quote are no subject of the verb outside it
        "\u201cShe's absolutely right. There's a severe shortage between this hospital and "
        "frankly the trust and our nurses,\u201d Marsh, a senior nurse, said Tuesday morning "
        "on BBC Radio\u2019s \u201cHealth Hour.\u201d",
        "She's absolutely right",
        "nurses",
    ),
    (  # the same, the other noun
        "\u201cShe's absolutely right. There's a severe shortage between this hospital and "
        "frankly the trust and our nurses,\u201d Marsh, a senior nurse, said Tuesday morning "
        "on BBC Radio\u2019s \u201cHealth Hour.\u201d",
        "She's absolutely right",
        "trust",
    ),
]


@pytest.mark.parametrize(("text", "words", "wrong"), NOT_THE_SPEAKER)
def test_no_speaker_from_inside_the_quote_or_a_place(run, text, words, wrong):
    found = speakers_of(run, text, words)
    assert not [f for f in found if wrong in f[1]], found


def test_the_name_opening_the_frame_is_the_subject_the_parse_missed(run):
    """Union: the parse hangs the name from the quoted words; the name opening the frame,
    set off by commas up to the verb, speaks."""
    text = (
        "\u201cHe's completely right. There's a deep split between this board and frankly the "
        "chairman and our staff,\u201d Daniel Okafor, a senior union official, said Monday "
        "morning on Radio Leeds\u2019s \u201cMorning Talk.\u201d"
    )
    found = speakers_of(run, text, "He's completely right")
    assert found and all("Daniel Okafor" in f[1] for f in found), found


def test_a_cue_hung_from_the_next_quote_takes_no_subject_from_it(run):
    """Politics: "adding later," parsed as a clause of the quoted verb after it: the quoted
    words' subject ("Brussels") is not who added them."""
    text = (
        "\u201cWe certainly can\u2019t afford to do this anymore,\u201d Smith said, adding "
        "later, \u201cBrussels is costing us a fortune, and yes, we\u2019re protecting Europe "
        "with Brussels, but we\u2019re spending a lot of money.\u201d"
    )
    found = speakers_of(run, text, "Brussels is costing")
    assert found and not [f for f in found if "Brussels" in f[1]], found
