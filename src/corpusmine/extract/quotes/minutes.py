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

from ...knowledge import QuoteLexicon, quote_lexicon
from ...knowledge.minutes import minutes_lexicon
from ...records import Quote, QuoteKind, SourceDocument, SpeakerLabel
from ..minutes import Meeting
from ..minutes.lines import minutes_lines, sentences
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


def minutes_statements(
    quotes: tuple[Quote, ...], meeting: Meeting, source: SourceDocument | None = None
) -> tuple[Quote, ...]:
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
    if source is not None:
        kept.extend(sentence_statements(source, meeting, kept, surnames))
        kept.sort(key=lambda q: (q.start, q.end))
    return tuple(kept)


def sentence_statements(
    source: SourceDocument, meeting: Meeting, found: list[Quote], surnames: set[str]
) -> list[Quote]:
    """Statements minutes write as "<person or role> <reporting verb> that/whether ...":
    "Cllr Webb asked whether ...", "The Clerk reported that ...", "A letter from R.
    Pigott requested that ...". Sentences a quote already covers are left alone."""
    lex = minutes_lexicon()
    covered = [(q.start, q.end) for q in found]
    verbs = quote_lexicon().cue_verbs | lex.statement_verbs
    speaker_re = re.compile(rf"(?P<speaker>{lex.name})(?:,[^,]{{2,60}},)?\s+"
                            r"(?:then\s+|also\s+|further\s+)?(?P<verb>[a-z]+)\b")  # fmt: skip
    statements = []
    for line in minutes_lines(source):
        if line.kind == "bullet":
            continue
        for start, end, sentence in sentences(line.text, line.start):
            if any(a < end and start < b for a, b in covered):
                continue
            offset = 0
            writer = lex.letter_writer.match(sentence)
            if writer:
                offset = writer.end()
            match = speaker_re.match(sentence, offset)
            if not match or _lemma(match.group("verb")) not in verbs:
                continue
            speaker = match.group("speaker").strip()
            is_person = _printed_person(speaker) or _surname(speaker) in surnames
            if not (is_role(speaker) or is_person):
                continue
            rest_at = match.end()
            # The clause said opens with "that", "whether", ... near the verb ("advised
            # the committee that"); without one it is no statement ("called the
            # meeting to order").
            opener = lex.statement_openers.search(sentence, rest_at, rest_at + 40)
            if opener is None:
                continue
            said_at = opener.end() if opener.group().lower() == "that" else opener.start()
            said = sentence[said_at:].strip().rstrip(".")
            if len(said.split()) < 3:
                continue
            text_start = start + sentence.index(said, said_at)
            speaker_start = start + match.start("speaker")
            statements.append(
                Quote(
                    document=source.id, start=text_start, end=text_start + len(said),
                    text=said, kind=QuoteKind.INDIRECT, cue=match.group("verb"),
                    speaker_text=speaker, speaker_start=speaker_start,
                    speaker_end=speaker_start + len(speaker),
                    speaker_label=SpeakerLabel.ROLE if is_role(speaker) else SpeakerLabel.PERSON,
                    method="minutes-statement", confidence=lex.statement_confidence,
                    sentence_start=start, sentence_end=end,
                )
            )  # fmt: skip
    return statements


def _lemma(verb: str) -> str:
    """The lemma of a past-tense reporting verb ("asked" -> "ask", "queried" -> "query")."""
    verb = verb.lower()
    lex = minutes_lexicon()
    if verb in lex.irregular_past:
        return lex.irregular_past[verb]
    verbs = quote_lexicon().cue_verbs | lex.statement_verbs
    for stem in (verb[:-3] + "y" if verb.endswith("ied") else "", verb[:-2], verb[:-1]):
        if stem and stem in verbs:
            return stem
    return verb


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
