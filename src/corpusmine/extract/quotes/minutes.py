"""Minutes: bullet points recorded under a lead-in are statements of the lead-in's subject.

"The Deputy Director of Children's Services then presented an overview ..., highlighting
the following points:" makes every bullet below it, up to the next lead-in or section,
an indirect statement by the Deputy Director. Which paragraphs are lead-ins is data
(``lead_in_patterns`` in quotes.yaml); the layout stage links bullets to their lead-in.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ...knowledge import QuoteLexicon
from ...knowledge.minutes import minutes_lexicon
from ...records import Quote, SourceDocument, SpeakerLabel
from ..minutes import Meeting
from ..minutes.names import is_role, person
from .cues import is_verb
from .records import Speaker
from .speaker_finder import SpeakerFinder

__all__ = ["LeadIn", "lead_ins", "minutes_statements"]


@dataclass(frozen=True)
class LeadIn:
    """A lead-in paragraph, the speakers it names and the bullets it introduces."""

    block: int
    speakers: tuple[Speaker, ...]
    bullets: tuple[int, ...]


def lead_ins(
    doc: Doc, source: SourceDocument, lexicon: QuoteLexicon, finder: SpeakerFinder
) -> Iterator[LeadIn]:
    """Lead-ins whose pattern names the speakers of the bullets under them."""
    bullets: dict[int, list[int]] = defaultdict(list)
    for index, block in enumerate(source.blocks):
        if block.kind == "bullet" and block.lead_in is not None:
            bullets[block.lead_in].append(index)
    for lead, items in sorted(bullets.items()):
        block = source.blocks[lead]
        text = source.clean[block.clean_start : block.clean_end]
        match = next((m for p in lexicon.lead_ins if (m := p.search(text))), None)
        if match is None:
            continue  # "RESOLVED: ... the following matters:" records a decision, not speech
        verb = _pattern_verb(doc, block.clean_start + match.start(), block.clean_end)
        speakers = finder.of_verb(verb) if verb is not None else ()
        if speakers:
            yield LeadIn(lead, speakers, tuple(items))


def _pattern_verb(doc: Doc, start: int, end: int) -> Token | None:
    """The verb whose subject speaks: the pattern's own verb ("made", "highlighting") or,
    when that has no subject, the first verb above it that has one ("provided ...
    in response to points raised by members ... as follows" -> provided, not raised)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    token = span[0]
    first_verb = None
    while True:
        if is_verb(token) and token.lower_ not in ("follows", "following"):
            first_verb = first_verb or token
            if any(c.dep_ == "nsubj" for c in token.children):
                return token
        if token.head == token:
            return first_verb
        token = token.head


def minutes_statements(quotes: tuple[Quote, ...], meeting: Meeting) -> tuple[Quote, ...]:
    """The statements of minutes whose speaker is someone: a person as minutes print
    people ("Cllr Webb", "R. Pigott", "Mrs. Lewis"), one of the meeting's people by
    surname, a role ("The Clerk", "the Head of Highways"), or the members under a
    lead-in. Minutes are full of capitalised headings and motion wording ("Additional
    Emergency Shelter", "Civic Administration BE") that a news-trained reader takes for
    speakers; precision first, so those go."""
    surnames = {_surname(a.name) for a in meeting.attendance}
    for decision in meeting.decisions:
        for ref in (decision.mover, decision.seconder):
            if ref is not None:
                surnames.add(_surname(ref.name))
    kept = []
    for quote in quotes:
        speaker = quote.speaker_text.strip()
        if quote.method == "lead-in" or is_role(speaker):
            kept.append(quote)
            continue
        if quote.speaker_label in (SpeakerLabel.ROLE, SpeakerLabel.GROUP):
            ok = True
        else:
            ok = _printed_person(speaker) or _surname(speaker) in surnames
        # Capitals after the first word are motion wording: "Civic Administration BE".
        shouting = any(w.isalpha() and w.isupper() and len(w) > 1 for w in speaker.split()[1:])
        if ok and not shouting:
            kept.append(quote)
    return tuple(kept)


def _surname(name: str) -> str:
    return name.split()[-1].lower() if name.split() else ""


def _printed_person(name: str) -> bool:
    """A person as minutes print people: with a title or initials ("Cllr Webb", "R.
    Pigott", "Mrs. Lewis"). A bare "Additional Emergency Shelter" or "Surcharges" is a
    heading or a motion's subject; a bare full name is kept only when the meeting lists
    that person (see ``minutes_statements``)."""
    ref = person(name, 0)
    if ref is None or is_role(name):
        return False
    titles = {t.lower().rstrip(".") for t in minutes_lexicon().titles}
    words = ref.name.split()
    return len(words) >= 2 and (
        words[0].rstrip(".").lower() in titles or bool(re.match(r"^[A-Z]\.", ref.name))
    )
