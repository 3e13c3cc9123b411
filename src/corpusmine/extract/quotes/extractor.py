"""Who said what: direct, partial and indirect quotes with their speakers.

``extract_quotes`` is a pure function of a parsed document. It pairs quote marks
(``marks``), finds the cue of each quote (``cues``), names the speakers
(``speaker_finder``) and reads minutes' lead-ins (``minutes``). Every record carries
the rule that made it and a confidence; offsets point into the original text.

Rules, in the order they are tried for a quoted span:

1. cue-before / cue-after / according-to: a speech verb in the same sentence, before
   the opening mark ("X said:") or after the closing one ("..., she said."): direct.
2. continuation: later paragraphs of a multi-paragraph quote; or a paragraph that is a
   quote with no cue, right after a paragraph ending in a quote (continuation-paragraph).
3. partial-cue: quoted words inside a clause take the source of the reporting or
   finding verb above them; partial-report-subject: the sentence's subject is the report.
4. partial-echo: quoted words repeated from an attributed quote elsewhere (headlines
   and ledes repeat them); partial-context: the source of the reported speech in the
   sentence before, or of a "They added ..." sentence right after.

Quoted rating words ("rated 'inadequate'") and names or labels ("known as 'X'") are
not quotes. Indirect speech is the clausal complement of a speech verb outside quote
marks, or a request ("asked workers to sign up"); a quote closed by a comma and then a
person as the subject of any verb is direct ("'...,' Trump barked"), and so is a quote
right after "X agreed." (a cue that says nothing yet); minutes' bullets are indirect
statements by the subject of their lead-in.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ...knowledge import QuoteLexicon, quote_lexicon, title_small_words
from ...records import BlockKind, Quote, QuoteKind, SourceDocument, SpeakerLabel
from ..doc_index import trimmed_chars
from .cues import (
    MAX_WORDS_BEFORE_CUE_AFTER,
    Cue,
    frame_after,
    frame_before,
    governing_verbs,
    is_verb,
    reported_clause,
    sentence_end,
    speech_cues,
    speech_verbs_in,
    tokens_between,
)
from .marks import find_quoted_spans
from .minutes import lead_ins
from .records import QuotedSpan, Speaker, Statement
from .speaker_finder import SpeakerFinder

__all__ = ["extract_quotes", "is_uncertain", "is_uncertain_confidence"]

# The longest "Name (party):" or "X on Y:" line read as a speaker before a quote.
_MAX_NAME_CHARS = 120
# Dependents of a verb that carry what it ascribes ("described X as 'Y'").
_COMPLEMENTS = {"dobj", "xcomp", "prep", "attr", "oprd", "acomp", "dative"}
_WORD = re.compile(r"[A-Za-z0-9][\w'\u2019-]*")
# How a speaker was named for a quote with no verb of saying: by name, not by a guess.
_NAMED_HOW = {"named", "fullest-name", "appositive", "pronoun", "description"}
_DASHES = {"-", "\u2013", "\u2014", "--"}
# A signature after a quote that fills its paragraph: a dash (en, em, horizontal bar or a
# double hyphen), then who said it, to the paragraph's end ('"..." \u2015 Ann Lee').
_SIGNATURE = re.compile(r"\s*(?:[\u2013\u2014\u2015]|--)\s*(?=\S)")
# The most words of a signature's name (a name with initials: "Edwin G. Monroy").
_MAX_SIGNATURE_NAME = 4
# The longest name before the colon of a headline "Name: words 'quoted'" (in words).
_MAX_HEADLINE_NAME = 6
# The longest first paragraph read as a headline when the document does not say (words).
_MAX_HEADLINE_WORDS = 25


@dataclass
class _State:
    """What one run over a document has found so far."""

    statements: list[Statement] = field(default_factory=list)
    pending: list[QuotedSpan] = field(default_factory=list)  # partials with no source yet


def extract_quotes(doc: Doc, source: SourceDocument) -> tuple[Quote, ...]:
    """Every attributed quote of one parsed document, in text order."""
    return _Extractor(doc, source, quote_lexicon()).run()


def is_uncertain(quote: Quote) -> bool:
    """Whether who-said should mark this attribution as uncertain."""
    return is_uncertain_confidence(quote.confidence)


def is_uncertain_confidence(confidence: float) -> bool:
    """Whether an attribution made with ``confidence`` is marked uncertain (models/quotes.yaml)."""
    return confidence < quote_lexicon().uncertain_below


class _Extractor:
    def __init__(self, doc: Doc, source: SourceDocument, lexicon: QuoteLexicon) -> None:
        self.doc = doc
        self.source = source
        self.clean = source.clean
        self.lex = lexicon
        self.quoted = find_quoted_spans(source)
        self.quoted_starts = [q.start for q in self.quoted]
        self.finder = SpeakerFinder(doc, source, lexicon, self.quoted)
        self.ratings = [(s.start_char, s.end_char) for s in doc.spans.get("ratings", ())]
        self.state = _State()
        self.block_starts = [b.clean_start for b in source.blocks]
        self.quoted_in_block: dict[int, list[QuotedSpan]] = defaultdict(list)
        for span in self.quoted:
            self.quoted_in_block[span.block].append(span)
        # Per block, the opening marks and ends of its quotes in order (bisect, not scans).
        self.opens_in_block = {b: [q.open_at for q in s] for b, s in self.quoted_in_block.items()}
        self.direct_chain: dict[int, bool] = {}  # chains found to be direct quotes
        self.direct_spans: list[tuple[int, int]] = []  # content of direct quotes, in order
        self._ends_cache: list[int] = []
        self.last_direct: Statement | None = None  # the latest direct statement so far
        self.sentences = list(doc.sents)
        self.sentence_starts = [s.start_char for s in self.sentences]
        self.sentence_token_starts = [s.start for s in self.sentences]
        self.title_block = self._find_title()

    def _find_title(self) -> int | None:
        """The block that is the document's headline: the one typed so, else a first
        paragraph that reads as one (plain-text articles open with their headline as a
        short line of one sentence, then the body)."""
        blocks = self.source.blocks
        titles = [i for i, b in enumerate(blocks) if b.kind == BlockKind.TITLE]
        if titles:
            return titles[0]
        if len(blocks) < 2 or blocks[0].kind != BlockKind.PARAGRAPH:
            return None
        text = self.clean[blocks[0].clean_start : blocks[0].clean_end].strip()
        short = len(_WORD.findall(text)) <= _MAX_HEADLINE_WORDS and "\n" not in text
        first = blocks[0]
        ends = sentence_end(self.clean, first.clean_start, first.clean_end)
        return 0 if short and ends == first.clean_end else None

    def run(self) -> tuple[Quote, ...]:
        bullet_blocks = self._lead_in_statements()
        self._title_statement()
        self._quoted_statements()
        self._indirect_statements(bullet_blocks)
        self._according_to()
        self._attribute_pending()
        return self._records()

    # --- minutes -------------------------------------------------------------------

    def _lead_in_statements(self) -> set[int]:
        covered: set[int] = set()
        for lead in lead_ins(self.doc, self.source, self.lex, self.finder):
            for index in lead.bullets:
                block = self.source.blocks[index]
                covered.add(index)
                span = (block.clean_start, block.clean_end)
                self._add(Statement(*span, "indirect", "lead-in", lead.speakers, "lead-in", span))
        return covered

    # --- titles --------------------------------------------------------------------

    def _title_statement(self) -> None:
        """A headline "Name: words with 'quoted' ones" ("Ann Cole: Budget 'A Betrayal'"):
        what follows the colon is the named person's, the quoted words in it too. A quote
        right after the colon is a direct quote (``_headline``); otherwise the rest of the
        title is reported speech holding quoted fragments."""
        title = self.title_block
        if title is None:
            return
        block = self.source.blocks[title]
        text = self.clean[block.clean_start : block.clean_end]
        colon = text.find(":")
        if colon <= 0:
            return
        colon += block.clean_start
        rest = _first_visible(self.clean, colon + 1)
        end = block.clean_start + len(text.rstrip().rstrip("."))
        while end > rest and self.clean[end - 1] in " ,;":
            end -= 1
        inside = [q for q in self.quoted_in_block.get(title, ()) if q.open_at >= rest]
        if not inside or (
            len(inside) == 1 and inside[0].open_at == rest and inside[0].outer_end >= end
        ):
            return  # no quoted words, or a quote that is the whole rest: a direct quote
        names = [t for t in tokens_between(self.doc, block.clean_start, colon) if not t.is_punct]
        # An organisation or place before a headline's colon is mostly its topic ("Harlow
        # Council: budget plans 'a disaster'"): only a person or role speaks so.
        speakers = tuple(
            s
            for s in self._named_before_colon(names)
            if s.label != "ORG" and not rest <= s.start < block.clean_end
        )
        if not speakers:
            return
        if self._name_at(rest) and not all(
            self.finder.speaks_after(s, block.clean_end) for s in speakers
        ):
            # "Club: Manager 'set to be sacked'": the words are about the name after the
            # colon. Unless the article makes the name before it speak ("Issa: Clinton's
            # 'Honesty Is In Question'" over "Rep. Darrell Issa said ..."): then they are his.
            return
        sentence = (block.clean_start, block.clean_end)
        self._add(Statement(rest, end, "indirect", ":", speakers, "headline", sentence))

    def _name_at(self, start: int) -> bool:
        """Whether a named person or organisation starts the text at ``start``."""
        token = next(iter(tokens_between(self.doc, start, start + 1)), None)
        if token is None:
            return False
        entity = self.finder.entity_of.get(token.i)
        return entity is not None and entity.start == token.i and entity.label_ in ("PERSON", "ORG")

    # --- quoted spans --------------------------------------------------------------

    def _quoted_statements(self) -> None:
        chains: dict[int, list[QuotedSpan]] = defaultdict(list)
        for span in self.quoted:
            chains[span.chain].append(span)
        for parts in sorted(chains.values(), key=lambda p: p[0].open_at):
            parts.sort(key=lambda p: p.part)
            if len(parts) == 1 and not self._may_be_quote(parts[0]):
                continue
            self._one_chain(parts)

    def _one_chain(self, parts: list[QuotedSpan]) -> None:
        first, last = parts[0], parts[-1]
        before = self._frame_before(first)
        before_text = self.clean[before : first.open_at].strip()
        direct = self._direct_cue(first, last, before, before_text)
        opens_sentence = not before_text or before_text.endswith(":")
        continued: tuple[Statement | None, str] = (None, "")
        if direct is None and not before_text and self._after_sentence_end(first):
            continued = self._continued(first)
        if (
            direct is None
            and len(parts) == 1
            and not (opens_sentence and self._ends_sentence(first))
            and continued[1] != "continuation-after-cue"
        ):
            # Quoted words inside a sentence of the narrator's. Not a quote opening its
            # sentence right after the same speaker's quote in the paragraph ('"...,"
            # Tyler said. "We have three weeks to go" until the caucuses.'): the speaker
            # goes on, and the narrator only ends the sentence.
            self._partial(first)
            return
        if direct is None:
            previous, rule = continued if continued[0] is not None else self._continued(first)
            if previous is None:
                previous = self._introduced(first)
                rule = "introduced-paragraph"
            if previous is None:
                previous = self._introduced_here(first, before_text)
                rule = "introduced-sentence"
            if previous is None or self._words(first) < self.lex.min_direct_words:
                return  # a quote with no cue and nothing to continue: speaker unknown
            speakers, cue_part = previous.speakers, first
            cue_name, cue_lemma = previous.cue, previous.cue_lemma
            sentence = self._sentence_of_span(first.start, first.end)
            cue_token = None
        else:
            cue_part, cue, speakers, rule = direct
            cue_name, cue_lemma = cue.name, cue.token.lemma_.lower()
            cue_token = cue.token
            sentence = self._sentence_of_token(cue.token)
        self.direct_chain[first.chain] = True
        for part in parts:
            is_cue_part = part is cue_part
            statement = Statement(
                part.start, part.end, "direct", cue_name, speakers,
                rule if is_cue_part else "continuation",
                sentence if is_cue_part else self._sentence_of_span(part.start, part.end),
                part.recovered, cue_lemma,
            )  # fmt: skip
            self._add(statement)
            self.direct_spans.append((part.start, part.end))
            self.last_direct = statement
            self.finder.hold_floor(part.start, speakers, cue_token if is_cue_part else None)

    def _direct_cue(
        self, first: QuotedSpan, last: QuotedSpan, before: int, before_text: str
    ) -> tuple[QuotedSpan, Cue, tuple[Speaker, ...], str] | None:
        """The cue of a direct quote: before its first paragraph or after its last."""
        if self._words(first) < self.lex.min_direct_words and first is last:
            return self._short_quote(first, before_text)
        if not before_text and first.part == 0:
            signed = self._signature(first, last)
            if signed is not None:
                return signed
        candidates: list[tuple[QuotedSpan, Cue, str]] = []
        frame = (before, first.open_at)
        if not before_text and first.part == 0:
            frame = self._colon_paragraph_before(first)  # "He said:" ending the paragraph before
        frame_text = self.clean[frame[0] : frame[1]].rstrip()
        if frame_text.endswith((":", ",")):
            tokens = self._outside_tokens(tokens_between(self.doc, *frame))
            dashes = [k for k, t in enumerate(tokens) if t.text in _DASHES]
            if frame_text.endswith(":") and dashes:
                # "Pollsters agree - Carl Bialik: '...'": a label, a dash, then the name of
                # whoever speaks, as digests of others' words print them.
                name = [t for t in tokens[dashes[-1] + 1 :] if t.text != ":"]
                named = self._named_before_colon(name)
                if named:
                    return first, Cue(tokens[-1], ":"), named, "headline"
            cues = speech_cues(tokens, self.lex)
            if cues:
                rule = "according-to" if cues[-1].name == "according to" else "cue-before"
                candidates.append((first, cues[-1], rule))
            elif frame_text.endswith(":"):
                # "He sighed: ...", "deflected with a non sequitur: ...": a colon hands
                # the floor to the subject of the frame's verb, whatever the verb.
                # (not a participle modifying a noun: "issued the following statement:")
                verb = next(
                    (t for t in reversed(tokens) if is_verb(t) and t.dep_ not in ("aux", "amod")),
                    None,
                )
                if verb is not None and not self._handed_on(verb):
                    candidates.append((first, Cue(verb, verb.lower_), "colon-intro"))
        after = self._cue_after(
            last, first is last and (not before_text or before_text.endswith(":"))
        )
        if after is not None:
            rule = "according-to" if after.name == "according to" else "cue-after"
            if after.speaker_token is not None and rule == "cue-after":
                rule = "cue-after-inverted"
            elif rule == "cue-after" and after.token.lemma_.lower() not in self.lex.speech_verbs:
                rule = "cue-after-verb"
            candidates.append((last, after, rule))
        for part, cue, rule in candidates:
            speakers = self._speakers_of_cue(cue)
            if rule == "colon-intro":
                speakers = tuple(s for s in speakers if s.label != "GROUP")
            if speakers:
                return part, cue, speakers, rule
        return self._headline(first, before, before_text)

    def _signature(
        self, first: QuotedSpan, last: QuotedSpan
    ) -> tuple[QuotedSpan, Cue, tuple[Speaker, ...], str] | None:
        """A quote that fills its paragraph, signed after a dash with a person's name
        ('"We need a change." \u2015 Ann Lee', '... \u2014 Tom Berg, 34, of Leeds.'), as
        readers' comments, vox pops and epigraphs are printed: the words are that
        person's. Only a person's name: a dash before an outlet or agency credits the
        text, and a dash inside narration starts an aside."""
        block = self.source.blocks[first.block]
        if self.clean[block.clean_start : first.open_at].strip() or last.close_at is None:
            return None
        end = self.source.blocks[last.block].clean_end
        dash = _SIGNATURE.match(self.clean, last.outer_end, end)
        if dash is None:
            return None
        tokens = self._outside_tokens(tokens_between(self.doc, dash.end(), end))
        name: list[Token] = []
        for token in tokens:
            if token.text in (",", "(", "."):
                break
            name.append(token)
        rest = tokens[len(name) :]
        if rest and rest[0].text == "." and len(rest) > 1:
            return None  # a sentence after the name: narration, not a signature
        if not name or len(name) > _MAX_SIGNATURE_NAME:
            return None
        entity = self.finder.entity_of.get(name[0].i)
        if entity is not None and entity.start == name[0].i and entity.end == name[-1].i + 1:
            speakers = self.finder.of_token(entity.root)
        elif all(t.text[:1].isupper() and t.pos_ == "PROPN" for t in name) and not any(
            t.i in self.finder.entity_of for t in name
        ):
            speakers = self.finder.of_token(name[-1])
        else:
            return None
        speakers = tuple(s for s in speakers if s.label == "PERSON")
        cue = Cue(name[0], self.clean[dash.start() : dash.end()].strip())
        return (last, cue, speakers, "signature") if speakers else None

    def _handed_on(self, verb: Token) -> bool:
        """A colon introduction that passes on others' words, saying whose they are:
        "published the following comments from residents:", "Rovers received the
        following letter from a supporter:"."""
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        return any(
            p.dep_ == "prep" and p.lower_ == "from" for o in objects for p in o.children
        ) or any(c.dep_ == "prep" and c.lower_ == "from" for c in verb.children)

    def _short_quote(
        self, span: QuotedSpan, before_text: str
    ) -> tuple[QuotedSpan, Cue, tuple[Speaker, ...], str] | None:
        """A quote of one or two words is speech only when it opens its sentence and a
        verb of saying follows the comma or mark that closes it ('"Safety," said Grimm.',
        '"Too forced?" he tweeted'); elsewhere short quoted words are partial quotes."""
        if before_text or span.close_at is None or self.clean[span.close_at - 1] not in ",?!":
            return None
        after = self._cue_after(span, True)
        if after is None or after.name == "according to" or after.speaker_token is not None:
            return None
        speakers = self._speakers_of_cue(after)
        return (span, after, speakers, "cue-after-short") if speakers else None

    def _colon_paragraph_before(self, span: QuotedSpan) -> tuple[int, int]:
        """The last sentence of the paragraph before, when it ends in a colon and this
        paragraph opens with the quote; else an empty frame."""
        if span.block == 0:
            return span.open_at, span.open_at
        block = self.source.blocks[span.block]
        if self.clean[block.clean_start : span.open_at].strip():
            return span.open_at, span.open_at
        previous = self.source.blocks[span.block - 1]
        tail = self.clean[previous.clean_start : previous.clean_end].rstrip()
        if not tail.endswith(":"):
            return span.open_at, span.open_at
        end = previous.clean_start + len(tail)
        last = self._sentence(end - 1)
        start = max(previous.clean_start, last.start_char if len(last) else previous.clean_start)
        return start, end

    def _headline(
        self, span: QuotedSpan, before: int, before_text: str
    ) -> tuple[QuotedSpan, Cue, tuple[Speaker, ...], str] | None:
        """A title "X on Y: 'Unethical'", or a line "X: 'We will win'" (a title or a
        transcript, or such a turn after another in one paragraph: '... ISIS." Bush:
        "The mission ..."'): the words are X's."""
        block = self.source.blocks[span.block]
        start = block.clean_start if span.block == 0 else before
        if not before_text.endswith(":") or span.open_at - start > _MAX_NAME_CHARS:
            return None  # (a name line is short: never tokenise a long paragraph per quote)
        tokens = self._outside_tokens(tokens_between(self.doc, start, span.open_at))
        names = []
        for token in tokens:
            # A title may say what about ("X on Y:"); a transcript line is only the name,
            # perhaps with a bracket ("Rep. Ann Cole (D-Ore.):").
            if (token.lower_ == "on" and span.block == 0) or token.text in (":", "("):
                break
            names.append(token)
        if span.block != 0 and tokens[len(names) :][:1] and tokens[len(names)].text == "(":
            close = next((t for t in tokens[len(names) :] if t.text.startswith(")")), None)
            following = (
                self.doc[close.i + 1].text
                if close is not None and close.i + 1 < len(self.doc)
                else ""
            )
            if close is None or not (
                close.text == "):" or (close.text == ")" and following == ":")
            ):
                return None
        elif span.block != 0 and len(names) + 1 != len(tokens):
            return None
        # A line may lead with a label set off by a dash, or hand over "from" a source:
        # "Pollsters agree - Carl Bialik: '...'", "More from the report: '...'".
        lead = [k for k, t in enumerate(names) if t.text in _DASHES or t.lower_ == "from"]
        if lead and span.block != 0:
            names = names[lead[-1] + 1 :]
        elif not names or names[0].idx != _first_visible(self.clean, start):
            return None
        if not names:
            return None
        speakers = self._named_before_colon(names)
        if not speakers:
            return None
        return span, Cue(names[-1], ":"), speakers, "headline"

    def _named_before_colon(self, names: Sequence[Token]) -> tuple[Speaker, ...]:
        """The speaker a name line "Name:" gives: the words before the colon must be one
        name and nothing else, though a title may stand before it ("Rep. Ann Cole"). A
        run of proper nouns the model did not tag counts too (headlines are capitalised
        throughout and often go untagged)."""
        if not names or len(names) > _MAX_HEADLINE_NAME:
            return ()
        last = names[-1]
        entity = self.finder.entity_of.get(last.i)
        person = self.finder.person_named(last.text)
        if person is not None and all(t.text[:1].isupper() for t in names):
            return (person,)  # the surname of a person the document names in full
        if entity is not None:
            if entity.end != last.i + 1:
                return ()
            if any(t.i < entity.start and t.dep_ != "compound" for t in names):
                return ()
            speakers = self.finder.of_token(entity.root)
            if entity.label_ not in ("PERSON", "ORG", "ROLE"):
                # A place or the like speaks only as a person's surname the model mistyped.
                speakers = tuple(s for s in speakers if s.label == "PERSON")
        elif all(t.text[:1].isupper() for t in names):
            # A title word the article uses for someone it names ("Captain" for "club
            # captain Gina Marsh") is that person; else a run of proper nouns itself.
            person = self.finder.described_later(last)
            if person is not None:
                speakers = (person,)
            elif all(t.pos_ == "PROPN" for t in names):
                speakers = self.finder.of_token(last, describe=True)
            else:
                return ()
        else:
            return ()
        return tuple(s for s in speakers if s.label in ("PERSON", "ORG", "ROLE"))

    def _cue_after(self, span: QuotedSpan, opens_sentence: bool = False) -> Cue | None:
        """A cue right after the closing mark: "..., the report said." / "...," said X."."""
        if span.close_at is None:
            return None
        block = self.source.blocks[span.block]
        opens = self.opens_in_block[span.block]
        i = bisect_right(opens, span.close_at)
        next_open = opens[i] if i < len(opens) else block.clean_end
        end = frame_after(self.clean, span, block.clean_end, next_open)
        between = self.clean[span.outer_end : end]
        # The last mark inside may close a quote within the quote ('... darn it,'"').
        inner_end = self.clean[span.start : span.close_at].rstrip("'\"")[-1:]
        joined = between.lstrip().startswith(",") or inner_end in (",", "?", "!")
        tokens = [t for t in tokens_between(self.doc, span.outer_end, end) if not t.is_punct]
        # '"A battle of niches" Grubbs said.': no comma, but a whole-sentence quote closed
        # by a short frame that ends the sentence is still framed by its cue.
        short_frame = opens_sentence and len(tokens) <= 4 and self.clean[end - 1 : end] == "."
        if not (joined or short_frame):
            return None
        cues = self._outside(speech_cues(tokens[: MAX_WORDS_BEFORE_CUE_AFTER + 1], self.lex))
        if cues:
            cue = self._phrase_as_subject(cues[0], tokens) or cues[0]
            return self._named_opening(cue, tokens) or cue
        if joined:
            late = self._cue_after_long_subject(tokens)
            if late is not None:
                return late
        if (
            joined
            and len(tokens) >= 2
            and is_verb(tokens[0])
            and tokens[0].dep_ != "aux"
            and tokens[0].lemma_.lower() not in self.lex.receiving_verbs
        ):
            # '"This is fantastic!" beamed X': an inverted frame, a verb then a person,
            # speaks for the person whatever the verb.
            entity = self.finder.entity_of.get(tokens[1].i)
            if entity is not None and entity.label_ == "PERSON" and entity.start == tokens[1].i:
                return Cue(tokens[0], tokens[0].lower_, entity.root)
        if joined:
            return self._person_verb_after(tokens)
        return None

    def _cue_after_long_subject(self, tokens: Sequence[Token]) -> Cue | None:
        """'"...," Cruz, who has proposed repealing the mandate, said at the time.': a verb
        of saying further on than the usual frame, when every word before it is its
        subject's phrase (a name with its apposition or relative clause). The small model
        may hang such a verb from the phrase ('the nominee, Donald Trump, tweeted' as a
        clause of "nominee"): the phrase is still its subject."""
        cues = [c for c in self._outside(speech_cues(tokens, self.lex)) if c.name != "according to"]
        if not cues:
            return None
        cue = cues[0]
        before = [t for t in tokens if t.i < cue.token.i]
        if not before:
            return None
        subjects = self.finder.subject_heads(cue.token)
        phrase = {t.i for s in subjects[:1] for t in s.subtree}
        if subjects and all(t.i in phrase for t in before):
            return cue
        opening = self._name_opening(before)
        if opening is not None and cue.token.i > 0 and self.doc[cue.token.i - 1].text == ",":
            # '"...," lead author Kenji Sato, who worked with colleague Linda Grant, said':
            # the name opening the frame, set off by commas up to the verb, is its subject,
            # whatever name the parse took from inside the clause about it.
            return Cue(cue.token, cue.name, opening)
        return self._phrase_as_subject(cue, tokens)

    def _named_opening(self, cue: Cue, tokens: Sequence[Token]) -> Cue | None:
        """'"...," Flynn, a top Trump surrogate, said Thursday on Fox News.': a verb of
        saying the parse left without a subject (it hung the name inside the quote), a
        person's name opening the frame and set off by a comma up to the verb: the name
        is its subject."""
        verb = cue.token
        if cue.speaker_token is not None or cue.name == "according to" or verb.i == 0:
            return None
        if any(c.dep_ in ("nsubj", "nsubjpass", "auxpass", "agent") for c in verb.children):
            return None
        if self.doc[verb.i - 1].text != "," or self.finder.subject_heads(verb):
            return None
        opening = self._name_opening([t for t in tokens if t.i < verb.i])
        return Cue(verb, cue.name, opening) if opening is not None else None

    def _name_opening(
        self, before: Sequence[Token], ends: tuple[str, ...] = (",", "of")
    ) -> Token | None:
        """The person named at the head of a frame after a quote ("lead author Kenji Sato
        of Kyoto University, who ..."): a person's name among its first words, after at
        most a title, then a comma or "of"."""
        for token in before[:4]:
            entity = self.finder.entity_of.get(token.i)
            if entity is None or entity.start != token.i:
                title_word = token.dep_ in ("amod", "compound", "det", "poss", "nmod")
                if not title_word or token.pos_ not in ("NOUN", "PROPN", "ADJ", "DET", "VERB"):
                    return None  # ("lead author": "lead" may be tagged a verb)
                continue
            if entity.label_ != "PERSON" or entity.end >= len(self.doc):
                return None
            after = self.doc[entity.end]
            return entity.root if after.lower_ in ends else None
        return None

    def _phrase_as_subject(self, cue: Cue, tokens: Sequence[Token]) -> Cue | None:
        """A verb of saying the parse hung from the noun phrase before it ('"...," the
        nominee, Donald Trump, tweeted Sunday' as a clause of "nominee"), the phrase
        opening the frame after the quote: the phrase is the verb's subject."""
        verb, head = cue.token, cue.token.head
        if cue.speaker_token is not None or verb.dep_ not in ("acl", "relcl"):
            return None
        if head.pos_ not in ("NOUN", "PROPN") or self.finder.subject_heads(verb):
            return None
        before = [t for t in tokens if t.i < verb.i]
        phrase = {t.i for t in head.subtree if t.i < verb.i}
        if not before or before[0].i != head.left_edge.i:
            return None
        return Cue(verb, cue.name, head) if all(t.i in phrase for t in before) else None

    def _person_verb_after(self, tokens: Sequence[Token]) -> Cue | None:
        """'"Go back to your seat," Trump barked', '"Your record is amazing," she
        assured him': a quote closed by a comma (or ? !) and then a person's name or
        he/she as the subject of the verb right after it is that person's words, whatever
        the verb (the mirror of "He sighed: ..."). Only a person: '"Buy one get one
        free," Tesco launched ...' is not speech."""
        verb = next((t for t in tokens[1:5] if is_verb(t) and t.dep_ != "aux"), None)
        if verb is None or verb.dep_ not in ("ROOT", "parataxis", "ccomp", "conj"):
            return None
        if verb.lemma_.lower() in self.lex.receiving_verbs:
            return None  # '"Help me," Sarah Jones heard a voice shout': the hearer
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
        if not subjects or self.finder.in_quote(subjects[0].i):
            return None
        subject = subjects[0]
        if subject.lower_ in self.lex.person_pronouns:
            named = subject.i == tokens[0].i
        else:
            # The whole frame before the verb is the subject: a name, perhaps with a
            # title ("coach Lena Fry barked").
            entity = self.finder.entity_of.get(subject.i)
            phrase = {t.i for t in subject.subtree}
            named = (
                entity is not None
                and entity.label_ == "PERSON"
                and all(t.i in phrase for t in tokens if t.i < verb.i)
            )
        return Cue(verb, verb.lower_) if named else None

    def _speakers_of_cue(self, cue: Cue) -> tuple[Speaker, ...]:
        if cue.name == "according to" or cue.speaker_token is not None:
            return self.finder.of_token(cue.speaker_token) if cue.speaker_token is not None else ()
        return self.finder.of_verb(cue.token) or self._inverted_speaker(cue.token)

    def _inverted_speaker(self, verb: Token) -> tuple[Speaker, ...]:
        """'"The risk," said Edward Leamer, an economist who is ..., "is that ..."': a verb
        of saying right after a closing mark, then a person's name, is that person's even
        where the parse hung the name from another verb (here "is") and left this one
        without a subject."""
        if verb.lemma_.lower() not in self.lex.speech_verbs or verb.i + 1 >= len(self.doc):
            return ()
        # The closing mark right before the verb, with or without a comma after it.
        previous = [t for t in self.doc[max(0, verb.i - 3) : verb.i] if not t.is_space][-2:]
        closed = bool(previous) and previous[-1].is_quote
        if not closed and not (previous[-1:] and previous[-1].text == "," and previous[0].is_quote):
            return ()
        if verb.lemma_.lower() in self.lex.audience_verbs:
            return ()  # "told Judge Alan Smith": the one told, not the speaker
        # Only after a quote that opens its sentence ('"Is he running?" asked X'): after
        # quoted words inside a clause ('who called it "a fraud," asked X whether ...') the
        # name is the verb's object, its subject further back.
        i = bisect_right(self.quoted_starts, verb.idx) - 1
        if i < 0 or self.quoted[i].outer_end > verb.idx:
            return ()
        quote = self.quoted[i]
        if self.clean[self._frame_before(quote) : quote.open_at].strip():
            return ()
        named = self._name_opening(self.doc[verb.i + 1 : verb.i + 5], ends=(",", "of", "."))
        return self.finder.of_token(named) if named is not None else ()

    def _partial(self, span: QuotedSpan) -> None:
        verb, speakers = None, ()
        for candidate in governing_verbs(self.doc, span, self.lex, self.finder.in_quote):
            verb, speakers = candidate, self.finder.of_verb(candidate)
            if speakers:
                break
        if verb is not None and speakers:
            sentence = self._sentence_of_token(verb)
            self._add(
                Statement(
                    span.start, span.end, "partial", verb.lower_, speakers, "partial-cue",
                    sentence, span.recovered, verb.lemma_.lower(),
                )
            )  # fmt: skip
            self._predicate(verb, span, speakers, sentence)
            return
        subject = self._report_subject(span)
        if subject:
            root = self._sentence(span.start).root
            self._add(
                Statement(
                    span.start, span.end, "partial", root.lower_, subject,
                    "partial-report-subject", self._sentence_of_span(span.start, span.end),
                    span.recovered, root.lemma_.lower(),
                )
            )  # fmt: skip
            return
        self.state.pending.append(span)

    def _predicate(
        self,
        verb: Token,
        span: QuotedSpan,
        speakers: tuple[Speaker, ...],
        sentence: tuple[int, int],
        rule: str = "partial-predicate",
    ) -> None:
        """What the verb ascribes, around its quoted words: "described the field as 'all
        very good'", "called the plan 'a betrayal'". The fragment alone is not what was
        said; the verb's complements are, as one indirect record (a verb of saying with a
        clause is already recorded by the indirect pass)."""
        if any(c.dep_ == "ccomp" for c in verb.children):
            return
        tokens = [
            t
            for child in verb.children
            if child.i > verb.i and child.dep_ in _COMPLEMENTS
            for t in child.subtree
            if not t.is_space  # (a headline's complement ends on the blank line after it)
        ]
        if not tokens:
            return
        first = min(t.i for t in tokens)
        last = max(t.i for t in tokens)
        start = self.doc[first].idx
        end = self._closing_quote(self.doc[last].idx + len(self.doc[last].text), start)
        if not (start <= span.start and span.end <= end) or self.finder.in_quote(first):
            return  # the complement must hold the quoted words, and begin outside them
        self._add(
            Statement(
                start, end, "indirect", verb.lower_, speakers, rule, sentence,
                span.recovered, verb.lemma_.lower(),
            )
        )  # fmt: skip

    def _report_subject(self, span: QuotedSpan) -> tuple[Speaker, ...]:
        """The report or its authors as the sentence's subject are the source of its quoted
        words: "Inspectors heard one child was left 'feeling suicidal'"."""
        root = self._sentence(span.start).root
        for subject in (c for c in root.children if c.dep_ == "nsubj"):
            lemma = subject.lemma_.lower()
            if subject.lower_ in self.lex.report_speakers or lemma in self.lex.report_speakers:
                found = self.finder.of_token(subject)
                if found and found[0].label == "ORG":
                    return found
        return ()

    # --- indirect speech -----------------------------------------------------------

    def _indirect_statements(self, bullet_blocks: set[int]) -> None:
        for verb in speech_verbs_in(self.doc, self.lex):
            if self.finder.in_quote(verb.i) or self._block_of(verb.idx) in bullet_blocks:
                continue
            clause = reported_clause(verb) or self._request(verb)
            if clause is None:
                self._interposed(verb)
                continue
            if self._is_direct_content(clause) or self._straddles_direct(clause):
                continue
            if any(t.dep_ == "nsubj" and t.head == verb for t in clause):
                continue  # the parse put the speaker inside the clause: not trustworthy
            speakers = self.finder.of_verb(verb)
            if not speakers:
                continue
            self._add(
                Statement(
                    clause.start_char, self._closing_quote(clause.end_char, clause.start_char),
                    "indirect",
                    verb.lower_, speakers,
                    "indirect", self._sentence_of_token(verb), False, verb.lemma_.lower(),
                )
            )  # fmt: skip

    def _request(self, verb: Token) -> Span | None:
        """What a speaker asked or urged someone to do: "asked workers to sign up for a
        pay cut", "urged voters to stay home": the addressee and the infinitive, as the
        reported speech."""
        if verb.dep_ in ("relcl", "acl", "xcomp", "pcomp"):
            return None  # "what a partner asked him to do": not a statement made here
        objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
        clauses = [c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i]
        if not objects or not clauses or clauses[0].i < objects[0].i:
            return None
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in clauses[0].children):
            return None
        first = min(t.i for t in objects[0].subtree)
        last = max(t.i for t in clauses[0].subtree)
        # The request ends at the first comma or dash after its verb: what follows
        # ("..., creating scenes critics likened to ...") is the narrator's.
        for token in self.doc[clauses[0].i : last + 1]:
            ends = token.text in (",", ";", "-", "--", "\u2013", "\u2014")
            # "... to coalesce and tried to make the case": a second verb of the speaker's
            if ends or (token.dep_ == "conj" and token.head == clauses[0]):
                last = token.i - 1
                break
        while last > first and (
            self.doc[last].is_punct or self.doc[last].is_space or self.doc[last].dep_ == "cc"
        ):
            last -= 1
        if any(self.finder.in_quote(t.i) for t in self.doc[first : last + 1]):
            return None  # quoted words in it are read as a quote
        return self.doc[first : last + 1]

    def _interposed(self, verb: Token) -> None:
        """A cue set off by commas inside what was said: "The years that followed, he
        said, brought a shift." / "Unity matters, the aide added." The sentence on either
        side of the cue is the statement, one record per side."""
        sentence = verb.sent
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects or any(c.dep_ in ("dobj", "xcomp", "dative") for c in verb.children):
            return
        if verb.dep_ != "parataxis":
            # Only a cue hanging beside the clause it interrupts. A cue that is the root
            # with no clause of its own follows a fronted adverbial ("In December, X said"),
            # which was not said.
            return
        group = [t.i for t in verb.subtree if not t.is_punct]
        first, last = min(group), max(group)
        before = self.doc[first - 1] if first > sentence.start else None
        after = self.doc[last + 1] if last + 1 < sentence.end else None
        if before is None or before.text != ",":
            return  # a cue opening its sentence frames what follows, not an interposed one
        if after is not None and after.text not in (",", ".", "!", "?", ";"):
            return
        speakers = self.finder.of_verb(verb)
        if not speakers:
            return
        pieces = [(sentence.start, before.i)]
        if after is not None and after.text == ",":
            pieces.append((after.i + 1, sentence.end))
        for start, stop in pieces:
            tokens = [t for t in self.doc[start:stop] if not (t.is_punct or t.is_space)]
            if len(tokens) < 2 or self.finder.in_quote(tokens[0].i):
                continue
            begin, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
            end = self._closing_quote(end, begin)
            span = self.doc.char_span(begin, end, alignment_mode="expand")
            if span is None or self._is_direct_content(span):
                continue
            self._add(
                Statement(
                    begin, end, "indirect", verb.lower_, speakers, "interposed-cue",
                    self._sentence_of_token(verb), False, verb.lemma_.lower(),
                )
            )  # fmt: skip

    def _according_to(self) -> None:
        """ "..., according to the department." / "According to a survey, ...": the rest of
        the sentence is the source's statement."""
        for token in self.doc:
            if token.lower_ != "according" or self.finder.in_quote(token.i):
                continue
            nxt = self.doc[token.i + 1] if token.i + 1 < len(self.doc) else None
            if nxt is None or nxt.lower_ != "to":
                continue
            objects = [c for c in nxt.children if c.dep_ == "pobj"]
            if not objects:
                continue
            speakers = self.finder.of_token(objects[0], describe=True)
            if not speakers:
                continue
            sentence = token.sent
            phrase = [t.i for t in token.subtree] + [t.i for t in nxt.subtree]
            first, last = min(phrase), max(phrase)
            if first > sentence.start:
                start, stop = sentence.start, first
            else:
                start, stop = last + 1, sentence.end
            tokens = [t for t in self.doc[start:stop] if not (t.is_punct or t.is_space)]
            if len(tokens) < 3:
                continue
            begin = tokens[0].idx
            end = self._closing_quote(tokens[-1].idx + len(tokens[-1].text), begin)
            span = self.doc.char_span(begin, end, alignment_mode="expand")
            if span is None or self._is_direct_content(span):
                continue
            self._add(
                Statement(
                    begin, end, "indirect", "according to", speakers, "according-to-narration",
                    self._sentence_of_token(token), False, "according to",
                )
            )  # fmt: skip

    def _closing_quote(self, end: int, begin: int) -> int:
        """A clause ending inside a quoted fragment ends with it: '... been "out of his
        depth."' keeps the fragment's end and closing mark, which the parse leaves out.
        A clause that begins inside the marks ('saying "the council has given up."')
        keeps neither mark: its opening one is outside the clause."""
        i = bisect_right(self.quoted_starts, end - 1) - 1
        if i >= 0:
            span = self.quoted[i]
            opened_before = span.open_at < begin
            if span.start < end <= span.end and span.close_at is not None:
                return span.end if opened_before else span.outer_end
            if opened_before and span.end < end <= span.outer_end:
                return span.end  # the parse took the closing mark into the clause
        return end

    def _is_direct_content(self, clause: Span) -> bool:
        """A clause that is mostly a direct quote's words (the parse made the quote the
        verb's complement). A clause holding a quoted fragment is reported speech: the
        whole clause is the record, the fragment a partial one beside it."""
        start, end = clause.start_char, clause.end_char
        spans = self.direct_spans
        # Direct spans are in text order and do not overlap: visit only those that can meet
        # the clause (the first ending after its start, onwards), so each check is short.
        i = bisect_right(self._direct_ends(), start)
        covered = 0
        while i < len(spans) and spans[i][0] < end:
            covered += max(0, min(end, spans[i][1]) - max(start, spans[i][0]))
            i += 1
        return covered * 2 >= end - start

    def _straddles_direct(self, clause: Span) -> bool:
        """A clause that begins inside a direct quote and runs on past its close into the
        narrator's frame ('The effect was modest," lead author Kenji Sato ...'): a parse
        that took the quote and its frame for one clause, not what was said."""
        start, end = clause.start_char, clause.end_char
        i = bisect_right(self._direct_ends(), start)
        spans = self.direct_spans
        return i < len(spans) and spans[i][0] <= start < spans[i][1] < end - 1

    def _direct_ends(self) -> list[int]:
        if len(self._ends_cache) != len(self.direct_spans):
            self.direct_spans.sort()
            self._ends_cache = [e for _, e in self.direct_spans]
        return self._ends_cache

    # --- second pass ---------------------------------------------------------------

    def _attribute_pending(self) -> None:
        # Indexed once: partial statements by their words, statements by sentence start.
        self.partial_by_key: dict[str, Statement] = {}
        self.by_sentence: dict[int, list[Statement]] = defaultdict(list)
        for statement in self.state.statements:
            if statement.kind == "partial":
                key = _key(self.clean[statement.start : statement.end])
                self.partial_by_key.setdefault(key, statement)
            self.by_sentence[statement.sentence[0]].append(statement)
        for span in self.state.pending:
            found = self._echo(span) or self._clause_subject(span) or self._context(span)
            if found is not None:
                self._add(found)

    def _clause_subject(self, span: QuotedSpan) -> Statement | None:
        """Quoted words in a clause whose subject is a named person or organisation are
        that subject's when the verb says, takes a stance or characterises: 'Cruz blamed
        the law on "knuckleheaded politicians"', 'the committee thanked her "for stepping
        up"'. With a verb of doing ('withdrew the "buy one get one free" offers') the
        marks set off a name or label, the narrator's; so do marks round a noun's modifier
        or a phrase with a definite or possessive determiner ('its "vegan roll"'). The
        subject of a clause the court "heard" or the jury "was told" is talked about."""
        if self._words(span) < 2:
            return None  # one quoted word is as often the narrator's scare quote
        tokens = tokens_between(self.doc, span.start, span.end)
        inside = {t.i for t in tokens}
        top = next((t for t in tokens if t.head.i not in inside), None)
        if top is None or self._quoted_label(tokens, top, inside):
            return None
        current = top.head
        for _ in range(4):
            if is_verb(current) and not self.finder.in_quote(current.i):
                lemma = current.lemma_.lower()
                if lemma not in self.lex.cue_verbs and lemma not in self.lex.stance_verbs:
                    return None  # "X is a 'winner'", "X launched its 'plan'": a label
                if self._reported_to_someone(current):
                    return None
                subjects = [c for c in current.children if c.dep_ == "nsubj"]
                if subjects and self.finder.is_audience(current, subjects[0]):
                    return None  # "Jury told of 'reckless' driving": the one told
                if subjects:
                    speakers = tuple(
                        s
                        for s in self.finder.without_readers(
                            current, self.finder.of_token(subjects[0])
                        )
                        if s.label in ("PERSON", "ORG")
                        and s.how in _NAMED_HOW
                        and not span.open_at <= s.start < span.outer_end
                    )
                    if not speakers:
                        return None
                    sentence = self._sentence_of_token(current)
                    self._predicate(current, span, speakers, sentence, "clause-subject-predicate")
                    return Statement(
                        span.start, span.end, "partial", current.lower_, speakers,
                        "clause-subject", sentence, span.recovered, current.lemma_.lower(),
                    )  # fmt: skip
            if current.head == current:
                return None
            current = current.head
        return None

    @staticmethod
    def _quoted_label(tokens: Sequence[Token], top: Token, inside: set[int]) -> bool:
        """Quoted words that name or label a thing: they modify a noun after them ('the
        "golden generation" squad') or carry a definite or possessive determiner from
        outside the marks ('its "plant-based pie"', 'the "Streets for People" scheme')."""
        if top.head.i > tokens[-1].i and top.head.pos_ in ("NOUN", "PROPN"):
            return True
        for token in tokens:
            for child in token.children:
                if child.i in inside or child.i > tokens[0].i:
                    continue
                if child.dep_ == "poss":
                    return True
                if child.dep_ == "det" and (
                    "Def" in child.morph.get("Definite") or "Dem" in child.morph.get("PronType")
                ):
                    return True
        return False

    def _reported_to_someone(self, verb: Token) -> bool:
        """A clause under "heard" or "was told" (the court heard X had ...): its subject
        is what others said about them, not the one speaking."""
        for ancestor in verb.ancestors:
            if not is_verb(ancestor):
                continue
            lemma = ancestor.lemma_.lower()
            if lemma in self.lex.receiving_verbs:
                return True
            if lemma in self.lex.audience_verbs and any(
                c.dep_ in ("nsubjpass", "auxpass") for c in ancestor.children
            ):
                return True
        return False

    def _echo(self, span: QuotedSpan) -> Statement | None:
        """Quoted words repeated from an attributed quote elsewhere in the document (two
        words at least: one repeated word is as often a term everybody uses)."""
        if self._words(span) < 2:
            return None
        statement = self.partial_by_key.get(_key(self.clean[span.start : span.end]))
        if statement is None:
            return None
        return Statement(
            span.start, span.end, "partial", statement.cue, statement.speakers,
            "partial-echo", self._sentence_of_span(span.start, span.end), span.recovered,
            statement.cue_lemma,
        )  # fmt: skip

    def _context(self, span: QuotedSpan) -> Statement | None:
        """The source of the reported speech in the sentence before (or of a sentence
        right after that continues it: "They added ...")."""
        sentences = self.sentences
        here = max(0, bisect_right(self.sentence_starts, span.start) - 1)
        own_block = self._block_of(span.start)
        # Quoted fragments of one sentence share its source; then the sentence before.
        neighbours = [(here, False), (here - 1, False), (here + 1, True)]
        for index, needs_continuing in neighbours:
            if not 0 <= index < len(sentences):
                continue
            sentence = sentences[index]
            block = self._block_of(sentence.start_char)
            if needs_continuing and block != own_block:
                continue
            if not needs_continuing and block not in (own_block, own_block - 1):
                continue
            start = _trimmed_start(self.clean, sentence.start_char, sentence.end_char)
            for statement in self.by_sentence.get(start, ()):
                if statement.kind not in ("indirect", "partial") or statement.rule == "lead-in":
                    continue
                if needs_continuing and statement.cue_lemma not in self.lex.continuing_verbs:
                    continue
                return Statement(
                    span.start, span.end, "partial", statement.cue, statement.speakers,
                    "partial-context", self._sentence_of_span(span.start, span.end),
                    span.recovered, statement.cue_lemma,
                )  # fmt: skip
        return None

    # --- filters -------------------------------------------------------------------

    def _may_be_quote(self, span: QuotedSpan) -> bool:
        """Rating words and names or labels in quote marks are not quotes."""
        if any(a <= span.start and span.end <= b for a, b in self.ratings):
            return False
        lead = self.clean[max(0, span.open_at - 40) : span.open_at].lower().rstrip()
        lead = " ".join(_WORD.findall(lead))
        if any(lead.endswith(p) for p in self.lex.not_speech_before):
            return False
        block = self.source.blocks[span.block]
        if span.block == self.title_block and _title_cased(
            self.clean[block.clean_start : block.clean_end]
        ):
            return True  # every word of the title is capitalised: that tells nothing here
        words = _WORD.findall(self.clean[span.start : span.end])
        content = [w for w in words if w.lower() not in title_small_words()]
        return not (len(words) >= 2 and content and all(w[0].isupper() for w in content))

    def _outside(self, cues: Sequence[Cue]) -> list[Cue]:
        return [c for c in cues if not self.finder.in_quote(c.token.i)]

    def _outside_tokens(self, tokens: Sequence[Token]) -> list[Token]:
        return [t for t in tokens if not self.finder.in_quote(t.i)]

    # --- geometry ------------------------------------------------------------------

    def _frame_before(self, span: QuotedSpan) -> int:
        block = self.source.blocks[span.block]
        quotes = self.quoted_in_block[span.block]
        i = bisect_right(self.opens_in_block[span.block], span.open_at) - 1
        # The quote just before this one (quotes in a block do not overlap).
        previous = quotes[i - 1].outer_end if i >= 1 else block.clean_start
        return frame_before(self.clean, span, block.clean_start, previous)

    def _continued(self, span: QuotedSpan) -> tuple[Statement | None, str]:
        """The direct statement this cue-less quote continues, and the rule: the latest
        direct quote, in the same paragraph ("'A,' Priebus said. 'B.'") or ending the
        paragraph before when this paragraph opens with the quote, with no new speaker or
        cue between them (narration naming someone else hands the floor on)."""
        previous = self.last_direct
        # A signature names the voice of its own paragraph only: the next is another's.
        if previous is None or previous.rule in ("lead-in", "signature"):
            return None, ""
        here = span.block
        there = self._block_of(previous.start)
        if here == there:
            rule = "continuation-after-cue"
        elif here == there + 1:
            block = self.source.blocks[here]
            if self.clean[block.clean_start : span.open_at].strip():
                return None, ""  # only a paragraph that opens with the quote continues
            rule = "continuation-paragraph"
        else:
            return None, ""
        # The rest of the cue's own sentence names the speaker and whatever the apposition
        # says of them ('said Ann Cole, a spokeswoman for the Farmers' Union.'), even where
        # the parse ends that sentence early; the narration after it may name another.
        own_end = sentence_end(self.clean, previous.end, span.open_at)
        gap_start = max(previous.end, previous.sentence[1], own_end)
        for token in tokens_between(self.doc, gap_start, span.open_at):
            if self.finder.in_quote(token.i):
                continue
            if token.lower_ in self.lex.person_pronouns and token.dep_ in ("nsubj", "nsubjpass"):
                if self._same_speaker(token, previous):
                    continue  # '"A," Obama said. He did not say more. "B."': still his
                return None, ""
            entity = self.finder.entity_of.get(token.i)
            if entity is not None and entity.label_ in ("PERSON", "ORG", "ROLE"):
                return None, ""  # someone else is named: the floor may have passed
            if is_verb(token) and token.lemma_.lower() in self.lex.cue_verbs:
                return None, ""  # a new cue: the quote is not simply continued
        return previous, rule

    def _same_speaker(self, pronoun: Token, previous: Statement) -> bool:
        """Whether a he/she in the narration between two quotes is, with no doubt, the
        one person who spoke the first."""
        if len(previous.speakers) != 1 or previous.speakers[0].label != "PERSON":
            return False
        found = self.finder.of_token(pronoun)
        return (
            len(found) == 1
            and found[0].how == "pronoun"
            and found[0].key == previous.speakers[0].key
        )

    def _introduced(self, span: QuotedSpan) -> Statement | None:
        """A quote-only paragraph after narration that ends on someone speaking: "Howard
        continued his remarks." / "She applauded him for ..." then '"Eight years ago ..."'.
        The subject of a cue verb closing the paragraph before speaks next."""
        if span.block == 0 or span.part != 0:
            return None
        block = self.source.blocks[span.block]
        if self.clean[block.clean_start : span.open_at].strip():
            return None
        previous = self.source.blocks[span.block - 1]
        tail = self.clean[previous.clean_start : previous.clean_end].rstrip()
        if not tail or tail[-1] not in '.!?"\u201d':
            return None
        sentence = self._sentence(previous.clean_start + len(tail) - 1)
        if not len(sentence):
            return None
        root = sentence.root
        if not is_verb(root) or root.lemma_.lower() not in self.lex.cue_verbs:
            return None
        speakers = tuple(
            s for s in self.finder.of_verb(root) if s.label in ("PERSON", "ORG", "ROLE")
        )
        if not speakers:
            return None
        return Statement(
            sentence.start_char, sentence.end_char, "direct", root.lower_, speakers,
            "introduced-paragraph", (sentence.start_char, sentence.end_char), False,
            root.lemma_.lower(),
        )  # fmt: skip

    def _introduced_here(self, span: QuotedSpan, before_text: str) -> Statement | None:
        """A quote opening a sentence right after one in which someone speaks but says
        nothing yet: 'Iowa State's Dianne Bystrom agreed. "Mainstream Republicans are
        running out of time."'. The sentence before is a verb of saying with a named
        subject and nothing reported (no clause, object or quote of its own), or one
        reporting that speaker's words without quote marks ('Siddiqui said the dividend
        would be cut. "Our shareholders understand."'): the quote goes on with them."""
        if before_text or span.part != 0:
            return None
        block = self.source.blocks[span.block]
        if not self.clean[block.clean_start : span.open_at].strip():
            return None  # a paragraph opening with the quote: _introduced
        previous = self._sentence(max(block.clean_start, span.open_at - 2))
        if not len(previous) or previous.end_char > span.open_at:
            return None
        root = previous.root
        if any(self.finder.in_quote(t.i) for t in previous):
            return None
        # A verb of saying with nothing reported ("Bystrom agreed."), else the one that
        # reports the sentence's speech.
        said_nothing = is_verb(root) and root.lemma_.lower() in self.lex.speech_verbs
        reported = ("ccomp", "xcomp", "dobj", "parataxis")
        if said_nothing and not any(c.dep_ in reported for c in root.children):
            cue: Token | None = root
        else:
            cue = self._reporting_verb(previous)
        if cue is None:
            return None
        speakers = tuple(
            s
            for s in self.finder.of_verb(cue)
            if s.label in ("PERSON", "ORG", "ROLE") and s.how in _NAMED_HOW | {"fullest-name"}
        )
        if not speakers:
            return None
        return Statement(
            previous.start_char, previous.end_char, "direct", cue.lower_, speakers,
            "introduced-sentence", (previous.start_char, previous.end_char), False,
            cue.lemma_.lower(),
        )  # fmt: skip

    def _reporting_verb(self, sentence: Span) -> Token | None:
        """The one verb of saying that reports the sentence's speech: its root with a
        reported clause ('Schiff said the vote was close.') or a cue set off after it
        ('The vote was close, Schiff said.'). A quote opening the next sentence goes on
        with the same speaker's words."""
        verbs = [
            t
            for t in sentence
            if is_verb(t)
            and t.lemma_.lower() in self.lex.speech_verbs
            and t.lemma_.lower() not in self.lex.reading_verbs
        ]
        if len(verbs) != 1:
            return None
        verb = verbs[0]
        if verb == sentence.root and any(c.dep_ == "ccomp" for c in verb.children):
            return verb
        if verb.dep_ == "parataxis" and verb.head == sentence.root and verb.i > verb.head.i:
            return verb
        return None

    def _block_of(self, offset: int) -> int:
        """Index of the block holding cleaned ``offset`` (or the separator after it)."""
        return max(0, bisect_right(self.block_starts, offset) - 1) if self.block_starts else -1

    def _sentence(self, offset: int) -> Span:
        token = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        return token[0].sent if token is not None and len(token) else self.doc[0:0]

    def _sentence_of_token(self, token: Token) -> tuple[int, int]:
        number = bisect_right(self.sentence_token_starts, token.i) - 1
        sentence = self.sentences[number]
        return trimmed_chars(self.clean, sentence.start_char, sentence.end_char)

    def _sentence_of_span(self, start: int, end: int) -> tuple[int, int]:
        first = self._sentence(start)
        last = self._sentence(max(start, end - 1))
        if not len(first) or not len(last):
            return start, end
        span = self.doc[first.start : max(first.end, last.end)]
        return trimmed_chars(self.clean, span.start_char, span.end_char)

    def _ends_sentence(self, span: QuotedSpan) -> bool:
        """Whether the quote runs to the end of its sentence (it is not a fragment)."""
        if self.clean[span.end - 1] in ".!?":
            return True
        block_end = self.source.blocks[span.block].clean_end
        after = self.clean[span.outer_end : block_end].lstrip()
        return not after or after[0] in ".!?"

    def _after_sentence_end(self, span: QuotedSpan) -> bool:
        """Whether the opening mark follows the end of a sentence ('said. "', '?" "'),
        not a quote it is nested in or glued to ('even when "your team" needs ...')."""
        block = self.source.blocks[span.block]
        before = self.clean[block.clean_start : span.open_at].rstrip().rstrip("'\"")
        return before[-1:] in (".", "!", "?")

    def _words(self, span: QuotedSpan) -> int:
        return len(_WORD.findall(self.clean[span.start : span.end]))

    # --- output --------------------------------------------------------------------

    def _add(self, statement: Statement) -> None:
        self.state.statements.append(statement)

    def _records(self) -> tuple[Quote, ...]:
        records: dict[tuple, Quote] = {}
        for statement in self.state.statements:
            for quote in self._to_quotes(statement):
                key = (quote.start, quote.end, quote.kind, quote.speaker_text, quote.speaker_start)
                if key not in records or records[key].confidence < quote.confidence:
                    records[key] = quote
        return tuple(sorted(records.values(), key=lambda q: (q.start, q.end, q.speaker_start)))

    def _to_quotes(self, statement: Statement) -> list[Quote]:
        source = self.source
        start, end = source.offsets.span_to_original(statement.start, statement.end)
        sentence = source.offsets.span_to_original(*statement.sentence)
        names = [self._speaker_original(s) for s in statement.speakers]
        quotes = []
        for speaker, (text, s_start, s_end) in zip(statement.speakers, names, strict=True):
            confidence = self.lex.confidence(statement.rule, speaker.how)
            if statement.recovered:
                confidence *= self.lex.recovered_mark
            if len(names) > 1:
                confidence *= self.lex.joint
            quotes.append(
                Quote(
                    document=source.id, start=start, end=end, text=source.text[start:end],
                    kind=QuoteKind(statement.kind), cue=statement.cue, speaker_text=text,
                    speaker_start=s_start, speaker_end=s_end,
                    speaker_label=SpeakerLabel(speaker.label),
                    method=statement.rule, confidence=round(confidence, 3),
                    sentence_start=sentence[0], sentence_end=sentence[1],
                    joint_with=tuple(n[0] for n in names if n[0] != text),
                )
            )  # fmt: skip
        return quotes

    def _speaker_original(self, speaker: Speaker) -> tuple[str, int, int]:
        if speaker.start < 0:
            return speaker.text, -1, -1
        start, end = self.source.offsets.span_to_original(speaker.start, speaker.end)
        return self.source.text[start:end], start, end


def _trimmed_start(text: str, start: int, end: int) -> int:
    return trimmed_chars(text, start, end)[0]


def _title_cased(text: str) -> bool:
    """Whether a line capitalises its words throughout ("Trump Says Rival 'Not Fit'")."""
    content = [w for w in _WORD.findall(text) if w.lower() not in title_small_words()]
    return len(content) >= 3 and sum(w[0].isupper() for w in content) >= 0.8 * len(content)


def _first_visible(text: str, start: int) -> int:
    while start < len(text) and text[start].isspace():
        start += 1
    return start


def _key(text: str) -> str:
    return " ".join(w.lower() for w in _WORD.findall(text))
