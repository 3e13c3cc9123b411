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
marks; minutes' bullets are indirect statements by the subject of their lead-in.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ...records import Quote, SourceDocument
from ..doc_index import trimmed_chars
from .cues import (
    MAX_WORDS_BEFORE_CUE_AFTER,
    Cue,
    frame_after,
    frame_before,
    governing_verbs,
    reported_clause,
    speech_cues,
    speech_verbs_in,
    tokens_between,
)
from .lexicon import QuoteLexicon, quote_lexicon
from .marks import find_quoted_spans
from .minutes import lead_ins
from .records import QuotedSpan, Speaker, Statement
from .speaker_finder import SpeakerFinder

__all__ = ["extract_quotes", "is_uncertain", "is_uncertain_confidence"]

_WORD = re.compile(r"[A-Za-z0-9][\w'\u2019-]*")
_SMALL_WORDS = {"of", "and", "the", "for", "to", "in", "on", "a", "an", "at", "by", "&"}


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
        self.finder = SpeakerFinder(doc, source, lexicon, self.quoted)
        self.ratings = [(s.start_char, s.end_char) for s in doc.spans.get("ratings", ())]
        self.state = _State()
        self.block_starts = [b.clean_start for b in source.blocks]
        self.quoted_in_block: dict[int, list[QuotedSpan]] = defaultdict(list)
        for span in self.quoted:
            self.quoted_in_block[span.block].append(span)
        self.direct_chain: dict[int, bool] = {}  # chains found to be direct quotes
        self.sentences = list(doc.sents)
        self.sentence_starts = [s.start_char for s in self.sentences]

    def run(self) -> tuple[Quote, ...]:
        bullet_blocks = self._lead_in_statements()
        self._quoted_statements()
        self._indirect_statements(bullet_blocks)
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
        if (
            direct is None
            and len(parts) == 1
            and not (opens_sentence and self._ends_sentence(first))
        ):
            self._partial(first)  # quoted words inside a sentence of the narrator's
            return
        if direct is None:
            previous = self._previous_paragraph_quote(first)
            if previous is None or self._words(first) < self.lex.min_direct_words:
                return  # a quote with no cue and nothing to continue: speaker unknown
            speakers, rule, cue_part = previous.speakers, "continuation-paragraph", first
            cue_name, cue_lemma = previous.cue, previous.cue_lemma
            sentence = self._sentence_of_span(first.start, first.end)
        else:
            cue_part, cue, speakers, rule = direct
            cue_name, cue_lemma = cue.name, cue.token.lemma_.lower()
            sentence = self._sentence_of_token(cue.token)
        self.direct_chain[first.chain] = True
        for part in parts:
            is_cue_part = part is cue_part
            self._add(
                Statement(
                    part.start, part.end, "direct", cue_name, speakers,
                    rule if is_cue_part else "continuation",
                    sentence if is_cue_part else self._sentence_of_span(part.start, part.end),
                    part.recovered, cue_lemma,
                )
            )  # fmt: skip

    def _direct_cue(
        self, first: QuotedSpan, last: QuotedSpan, before: int, before_text: str
    ) -> tuple[QuotedSpan, Cue, tuple[Speaker, ...], str] | None:
        """The cue of a direct quote: before its first paragraph or after its last."""
        if self._words(first) < self.lex.min_direct_words and first is last:
            return None
        candidates: list[tuple[QuotedSpan, Cue, str]] = []
        if before_text.endswith((":", ",")):
            cues = self._outside(
                speech_cues(tokens_between(self.doc, before, first.open_at), self.lex)
            )
            if cues:
                rule = "according-to" if cues[-1].name == "according to" else "cue-before"
                candidates.append((first, cues[-1], rule))
        after = self._cue_after(last)
        if after is not None:
            rule = "according-to" if after.name == "according to" else "cue-after"
            candidates.append((last, after, rule))
        for part, cue, rule in candidates:
            speakers = self._speakers_of_cue(cue)
            if speakers:
                return part, cue, speakers, rule
        return None

    def _cue_after(self, span: QuotedSpan) -> Cue | None:
        """A cue right after the closing mark: "..., the report said." / "...," said X."."""
        if span.close_at is None:
            return None
        block = self.source.blocks[span.block]
        next_open = min(
            (q.open_at for q in self.quoted_in_block[span.block] if q.open_at > span.close_at),
            default=block.clean_end,
        )
        end = frame_after(self.clean, span, block.clean_end, next_open)
        between = self.clean[span.close_at + 1 : end]
        joined = between.lstrip().startswith(",") or self.clean[span.close_at - 1] in ",?!"
        if not joined:
            return None
        tokens = [t for t in tokens_between(self.doc, span.close_at + 1, end) if not t.is_punct]
        cues = self._outside(speech_cues(tokens[: MAX_WORDS_BEFORE_CUE_AFTER + 1], self.lex))
        return cues[0] if cues else None

    def _speakers_of_cue(self, cue: Cue) -> tuple[Speaker, ...]:
        if cue.name == "according to":
            return self.finder.of_token(cue.speaker_token) if cue.speaker_token is not None else ()
        return self.finder.of_verb(cue.token)

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
            clause = reported_clause(verb)
            if clause is None or self._mostly_quoted(clause):
                continue
            if any(t.dep_ == "nsubj" and t.head == verb for t in clause):
                continue  # the parse put the speaker inside the clause: not trustworthy
            speakers = self.finder.of_verb(verb)
            if not speakers:
                continue
            self._add(
                Statement(
                    clause.start_char, clause.end_char, "indirect", verb.lower_, speakers,
                    "indirect", self._sentence_of_token(verb), False, verb.lemma_.lower(),
                )
            )  # fmt: skip

    def _mostly_quoted(self, clause: Span) -> bool:
        """A clause that is a direct quote's content, or almost all quoted words."""
        start, end = clause.start_char, clause.end_char
        block = self._block_of(start)
        covered = 0
        for span in self.quoted_in_block.get(block, ()):
            if span.start < end and start < span.end and self.direct_chain.get(span.chain):
                return True
            covered += max(0, min(end, span.end) - max(start, span.start))
        return covered >= 0.6 * (end - start)

    # --- second pass ---------------------------------------------------------------

    def _attribute_pending(self) -> None:
        for span in self.state.pending:
            found = self._echo(span) or self._context(span)
            if found is not None:
                self._add(found)

    def _echo(self, span: QuotedSpan) -> Statement | None:
        """Quoted words repeated from an attributed quote elsewhere in the document."""
        key = _key(self.clean[span.start : span.end])
        for statement in self.state.statements:
            if (
                statement.kind == "partial"
                and _key(self.clean[statement.start : statement.end]) == key
            ):
                return Statement(
                    span.start, span.end, "partial", statement.cue, statement.speakers,
                    "partial-echo", self._sentence_of_span(span.start, span.end), span.recovered,
                    statement.cue_lemma,
                )  # fmt: skip
        return None

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
            for statement in self.state.statements:
                if statement.kind not in ("indirect", "partial") or statement.rule == "lead-in":
                    continue
                if not sentence.start_char <= statement.sentence[0] < sentence.end_char:
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
        words = _WORD.findall(self.clean[span.start : span.end])
        content = [w for w in words if w.lower() not in _SMALL_WORDS]
        return not (len(words) >= 2 and content and all(w[0].isupper() for w in content))

    def _outside(self, cues: Sequence[Cue]) -> list[Cue]:
        return [c for c in cues if not self.finder.in_quote(c.token.i)]

    # --- geometry ------------------------------------------------------------------

    def _frame_before(self, span: QuotedSpan) -> int:
        block = self.source.blocks[span.block]
        previous = max(
            (q.outer_end for q in self.quoted_in_block[span.block] if q.outer_end <= span.open_at),
            default=block.clean_start,
        )
        return frame_before(self.clean, span, block.clean_start, previous)

    def _previous_paragraph_quote(self, span: QuotedSpan) -> Statement | None:
        """The direct quote ending the paragraph before, if this paragraph opens with a quote."""
        block = self.source.blocks[span.block]
        if span.block == 0 or self.clean[block.clean_start : span.open_at].strip():
            return None  # only a paragraph that opens with the quote continues the one before
        previous = self.source.blocks[span.block - 1]
        tail = self.clean[previous.clean_start : previous.clean_end].rstrip()
        for statement in reversed(self.state.statements):
            if statement.kind != "direct" or self._block_of(statement.start) != span.block - 1:
                continue
            rest = self.clean[statement.end : previous.clean_start + len(tail)]
            if len(rest.strip(" \"'.,!?")) == 0:
                return statement
        return None

    def _block_of(self, offset: int) -> int:
        """Index of the block holding cleaned ``offset`` (or the separator after it)."""
        return max(0, bisect_right(self.block_starts, offset) - 1) if self.block_starts else -1

    def _sentence(self, offset: int) -> Span:
        token = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        return token[0].sent if token is not None and len(token) else self.doc[0:0]

    def _sentence_of_token(self, token: Token) -> tuple[int, int]:
        return _trimmed(token.sent)

    def _sentence_of_span(self, start: int, end: int) -> tuple[int, int]:
        first = self._sentence(start)
        last = self._sentence(max(start, end - 1))
        if not len(first) or not len(last):
            return start, end
        return _trimmed(self.doc[first.start : max(first.end, last.end)])

    def _ends_sentence(self, span: QuotedSpan) -> bool:
        """Whether the quote runs to the end of its sentence (it is not a fragment)."""
        if self.clean[span.end - 1] in ".!?":
            return True
        block_end = self.source.blocks[span.block].clean_end
        after = self.clean[span.outer_end : block_end].lstrip()
        return not after or after[0] in ".!?"

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
                    kind=statement.kind, cue=statement.cue, speaker_text=text,
                    speaker_start=s_start, speaker_end=s_end, speaker_label=speaker.label,
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


def _trimmed(span: Span) -> tuple[int, int]:
    return trimmed_chars(span.doc.text, span.start_char, span.end_char)


def _key(text: str) -> str:
    return " ".join(w.lower() for w in _WORD.findall(text))
