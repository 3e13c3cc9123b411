"""Names as a reader finds them, after the statistical NER (component ``corpusmine_names``).

The small English model reads a title-case headline as one long name ("Colts Beat
Chiefs", "Lindsay Lohan Checks Into Rehab"), keeps a leading description inside a name
("Comedian Ellen DeGeneres"), and tags a name in one sentence of an article but not the
same name in the next. Within one document, in order:

1. Headlines: a line in title case (or capitals) is tagged again as a sentence-cased
   copy (words the document writes capitalised mid-sentence keep their capitals, other
   words are lowered), and its entities replace the model's for that line. The copy has
   the same length, so spans map back one for one.
2. Spans: no name ends in a verb or starts or ends with a quote mark; a person's name
   does not start with lower-case words or a sentence-initial common word before a
   full name ("Polygamist prophet Warren Jeffs" -> "Warren Jeffs"); a person's name
   followed by a group noun ("the Obama administration") is that group, an ORG.
3. Labels: a one-word name is a PERSON when the document's own evidence says so (the
   surname of a full name there, tagged PERSON at least as often as otherwise), whatever
   the model guessed for one of its mentions.
4. Every further occurrence of a name the document tags (same words, same case) is a
   mention too, with the name's label; a sentence-initial function word never is.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from functools import cached_property

from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..knowledge import (
    entity_words,
    honorifics,
    job_titles,
    place_key,
    place_words,
    title_small_words,
)

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT"})
_QUOTES = frozenset("'\"‘’“”`")
_VERB_TAGS = frozenset({"VERB", "AUX"})
_POSSESSIVE_MARKS = frozenset({"'s", "’s", "'", "’"})
_WORD = re.compile(r"(?<![\w'’])[A-Za-z][A-Za-z'’\-]*")  # not "th" of "5th"
_SENTENCE_END = re.compile(r"[.;:][\"'’”)\]]*\s*$")


@Language.factory("corpusmine_names", assigns=["doc.ents"], requires=["doc.ents", "token.pos"])
def make_names(nlp: Language, name: str) -> NameFixer:
    return NameFixer(nlp, name)


class NameFixer:
    """See the module docstring."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name

    @cached_property
    def _before(self) -> list[Callable[[Doc], Doc]]:
        """The components that run before this one, to tag a headline's copy."""
        procs = []
        for pipe_name, proc in self.nlp.pipeline:
            if pipe_name == self.name:
                break
            procs.append(proc)
        return procs

    @cached_property
    def _common_words(self) -> frozenset[str]:
        """Common English words (the model lemmatizer's WordNet index), lower case."""
        table = None
        for _, proc in self.nlp.pipeline:
            lemmatizer = proc if isinstance(proc, Lemmatizer) else getattr(proc, "lemmatizer", None)
            lookups = getattr(lemmatizer, "lookups", None)
            if lookups is not None and lookups.has_table("lemma_index"):
                table = lookups.get_table("lemma_index")
                break
        if table is None:
            return frozenset()
        words: set[str] = set()
        for pos in ("noun", "verb", "adj", "adv"):
            words.update(str(w) for w in table.get(pos, ()))
        return frozenset(words)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        known = _capitalised_mid_sentence(doc)
        ents = list(doc.ents)
        titled = _title_lines(doc, known)
        for start, end in titled:
            ents = self._retag_line(doc, ents, start, end, known)
        ents = _nicknamed(doc, ents, self._common_words, titled)
        ents = _given_names_before_initials(doc, ents)
        words = entity_words()
        others = _other_names(ents)
        ents = [s for s in (self._trim(doc, e, known, others) for e in ents) if s is not None]
        ents = _groups(doc, ents, words.group_nouns)
        ents = _institutions(doc, ents, words.institution_heads)
        ents = _named_after_saints(doc, ents, words.saint_words, words.institution_heads)
        ents = _places_in_regions(doc, ents)
        ents = _numbered_teams(doc, ents)
        ents = _document_labels(doc, ents)
        ents = _propagate(doc, ents, titled)
        doc.ents = filter_spans(ents)
        return doc

    # --- 1. headlines ---------------------------------------------------------------

    def _retag_line(
        self, doc: Doc, ents: list[Span], start: int, end: int, known: dict[str, str]
    ) -> list[Span]:
        line = doc.text[start:end]
        copy = _sentence_case(line, known)
        if copy == line:
            return ents
        sub = self.nlp.make_doc(copy)
        for proc in self._before:
            sub = proc(sub)
        found = []
        for ent in sub.ents:
            # A word the copy lowered is a common word: it ends a name ("Colts beat
            # Chiefs" is two names); so does a verb.
            for piece in _pieces(ent, line):
                span = doc.char_span(
                    start + piece[0].idx,
                    start + piece[-1].idx + len(piece[-1].text),
                    label=ent.label_,
                    alignment_mode="contract",
                )
                if span is not None and len(span):
                    found.append(span)
        kept = [e for e in ents if e.end_char <= start or e.start_char >= end]
        return kept + found

    # --- 2. spans -------------------------------------------------------------------

    def _trim(
        self, doc: Doc, ent: Span, known: dict[str, str], others: frozenset[str]
    ) -> Span | None:
        if ent.label_ not in NAME_LABELS:
            return ent
        start, end = ent.start, ent.end
        if _split_score(doc, start, end):
            end -= 3  # "Evansville 91 - 73"
        while start < end and _is_edge_junk(doc[start]):
            start += 1
        while end > start and (
            _is_edge_junk(doc[end - 1])
            or doc[end - 1].pos_ in _VERB_TAGS
            or doc[end - 1].lower_ in _POSSESSIVE_MARKS
            or (doc[end - 1].is_lower and doc[end - 1].lower_ in title_small_words())
            or _SCORE.match(doc[end - 1].text)
        ):
            end -= 1  # "Mt. Cook National Park on": no name ends in a small word
        if ent.label_ == "PERSON":
            # No person's name starts with a preposition, article or pronoun: "Without
            # Felt, ..." opens a sentence, "Without" is no given name; nor with a
            # gerund opening a sentence ("Having Jackman in the role ..."; a given name
            # is tagged a proper noun: "Sterling Archer", "Manning Smith").
            while end - start >= 2 and (
                (doc[start].is_stop and doc[start].pos_ in _FUNCTION)
                or (
                    doc[start].is_sent_start
                    and doc[start].tag_ == "VBG"
                    and doc[start].lower_ not in known
                )
            ):
                start += 1
            # A description before a full name: "prophet Warren Jeffs", "Comedian Ellen
            # DeGeneres" (sentence-initial, a common word, never capitalised mid-sentence).
            # So is another entity's name or an abbreviated title: "Colts QB Andrew Luck".
            while end - start > 2 and (
                doc[start].is_lower
                or (
                    doc[start].is_sent_start
                    and doc[start].text.lower() in self._common_words
                    and doc[start].text not in known
                    and not _INITIAL.match(doc[start + 1].text)  # "Frederick C. LaRue"
                )
                or doc[start].text in others
                or (doc[start].is_upper and doc[start].is_alpha and len(doc[start]) >= 2)
            ):
                start += 1
        if start >= end:
            return None
        if (start, end) == (ent.start, ent.end):
            return ent
        return Span(doc, start, end, label=ent.label_)


def _other_names(ents: list[Span]) -> frozenset[str]:
    """Words that are names of organisations or places in the document (one-word names,
    and the last word of longer organisation names: "Colts", "Sixers")."""
    found = set()
    for ent in ents:
        named = ent.label_ in ("ORG", "GPE", "NORP", "LOC") and ent[-1].is_title
        if named and (len(ent) == 1 or ent.label_ == "ORG"):
            found.add(ent[-1].text)
    return frozenset(found)


def _is_edge_junk(token: Token) -> bool:
    return all(c in _QUOTES for c in token.text) or token.is_space


def _capitalised_mid_sentence(doc: Doc) -> dict[str, str]:
    """Lower-case form -> capitalised form of words the document writes capitalised
    inside a sentence (not at its start), outside title-case lines: its names."""
    lines = _line_spans(doc.text)
    titled = {i for i, (s, e) in enumerate(lines) if _looks_titled(doc.text[s:e])}
    known: dict[str, str] = {}
    line = 0
    for token in doc:
        while line < len(lines) - 1 and token.idx >= lines[line][1]:
            line += 1
        if line in titled or token.is_sent_start or not token.text[:1].isupper():
            continue
        if token.text.isupper() and len(token.text) > 1:
            continue  # capitals say nothing about a word's usual case
        previous = doc[token.i - 1] if token.i else None
        if previous is not None and previous.text in {'"', "“", "‘", "'", ":", "(", "-", "–"}:
            continue  # the first word of a quotation or heading
        known.setdefault(token.text.lower(), token.text)
    return known


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in re.finditer(r"\n", text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _looks_titled(line: str) -> bool:
    """A headline in title case or capitals: three words or more, and all but a few of
    the words after the first (small words aside) start with a capital."""
    words = _WORD.findall(line)
    if sum(len(w) > 1 for w in words) >= 2 and all(w.isupper() for w in words if len(w) > 1):
        return True  # in capitals: "COLTS 20, CHIEFS 13"
    if len(words) < 3:
        return False
    later = [w for w in words[1:] if w.lower() not in title_small_words()]
    if len(later) < 2:
        return False
    capitalised = sum(w[0].isupper() for w in later)
    if capitalised < len(later) and _SENTENCE_END.search(line):
        # A content word in lower case and a full stop: a body sentence full of names
        # ("Inspectors visited the Harbour Valley Children's Trust ... in May."), never
        # a headline to re-read.
        return False
    return capitalised == len(later) or (len(later) >= 6 and capitalised >= len(later) - 1)


def _title_lines(doc: Doc, known: dict[str, str]) -> list[tuple[int, int]]:
    """Lines in title case that hold a capitalised word the document does not write
    capitalised mid-sentence (there is something to undo)."""
    found = []
    for start, end in _line_spans(doc.text):
        line = doc.text[start:end]
        if not _looks_titled(line):
            continue
        words = _WORD.findall(line)[1:]
        if any(w[0].isupper() and w.lower() not in known for w in words):
            found.append((start, end))
    return found


def _sentence_case(line: str, known: dict[str, str]) -> str:
    """The line as a sentence would write it: names (``known``) keep their capitals,
    words in mixed case ("LaRue", "iPhone") are kept, the first word keeps a capital."""
    out = []
    first = True
    # A line mostly in capitals ("REPORT: RED SOX MAKE HUGE OFFER TO TEIXEIRA on Tuesday")
    # is a capitals headline: its capitals say nothing about acronyms.
    words = _WORD.findall(line)
    capitals = sum(w.isupper() and len(w) > 1 for w in words)
    shouting = line.isupper() or (capitals >= 3 and capitals * 3 >= len(words) * 2)
    for match in re.finditer(r"[A-Za-z][A-Za-z'’]*", line):
        word = match.group(0)
        lower = word.lower()
        if lower in known:
            replacement = known[lower]
        elif first:
            replacement = word if not word.isupper() else word[0] + word[1:].lower()
        elif word.isupper() and len(word) > 1 and not shouting:
            replacement = word  # an acronym in a title-case line
        elif word[1:].islower() or word.isupper():
            replacement = lower
        else:
            replacement = word  # mixed case: a name
        if len(replacement) != len(word):
            replacement = word
        out.append((match.start(), match.end(), replacement))
        first = False
    text = list(line)
    for start, end, replacement in out:
        text[start:end] = replacement
    return "".join(text)


# --- 2a. a nickname inside a name -------------------------------------------------------

_OPENERS = {"'": "'", "‘": "’", '"': '"', "“": "”", "(": ")"}
_CLOSERS = frozenset({"'", "’", '"', "”", ")"})


def _nicknamed(
    doc: Doc, ents: list[Span], common: frozenset[str], titled: list[tuple[int, int]]
) -> list[Span]:
    """A nickname in quotes or brackets inside a person's name ("Vincent 'The Chin'
    Gigante", "Luis Gerardo (Jerry) Ortiz") is part of one PERSON name: the model splits
    it in two or reads it as a title."""
    owner = {i: e for e in ents for i in range(e.start, e.end)}
    found: list[Span] = []
    i = 1
    while i < len(doc) - 2:
        token = doc[i]
        closer = _OPENERS.get(token.text)
        if closer is None or not _name_word(doc[i - 1]):
            i += 1
            continue
        j = i + 1
        while j < min(len(doc), i + 5) and doc[j].text not in _CLOSERS:
            j += 1
        inner = doc[i + 1 : j]
        if (
            j >= len(doc) - 1
            or doc[j].text not in (closer, "'", "’")
            or not len(inner)
            or not all(t.is_title or t.lower_ == "the" for t in inner)
            or not _name_word(doc[j + 1])
        ):
            i += 1
            continue
        if token.text == "(" and (len(inner) != 1 or inner[0].is_upper):
            i += 1  # "(FBI)" after a name defines an acronym; it is no nickname
            continue
        right = owner.get(j + 1)
        if (right is not None and right.end > j + 2) or (
            j + 2 < len(doc) and _name_word(doc[j + 2])
        ):
            # After a nickname comes one surname; a full name there is a second person:
            # "chaired by John Smith (Labour) Mary Jones" lists two people and a party.
            i += 1
            continue
        around = [owner.get(k) for k in range(i - 1, j + 2)]
        labels = {e.label_ for e in around if e is not None}
        surname = doc[j + 1]
        in_title = any(a <= token.idx < b for a, b in titled)
        if ("PERSON" not in labels and "WORK_OF_ART" not in labels) or (
            (right is None or right.label_ != "PERSON")
            and (
                in_title
                or surname.lower_ in common
                or surname.lemma_.lower() in common
                or surname.lower_.removesuffix("s") in common
            )
        ):
            # After the quotes comes a surname, not a common word (in a headline every
            # word is capitalised): "Gary Ross 'Catching Fire' Negotiations" quotes a title.
            i += 1
            continue
        left = owner[i - 1].start if i - 1 in owner else i - 1
        right = owner[j + 1].end if j + 1 in owner else j + 2
        while (
            left > 0
            and left - 1 not in owner
            and _name_word(doc[left - 1])
            and not doc[left].is_sent_start
        ):
            left -= 1
        found.append(Span(doc, left, right, label="PERSON"))
        i = right
    if not found:
        return ents
    kept = [e for e in ents if not any(e.start < f.end and f.start < e.end for f in found)]
    return kept + found


_INITIAL = re.compile(r"^[A-Z]\.?$")


def _given_names_before_initials(doc: Doc, ents: list[Span]) -> list[Span]:
    """A person's name the model starts at a middle initial ("C. LaRue" of "Frederick
    C. LaRue", "K. Chohan" of "Raj K. Chohan") takes the given name before it."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    out = []
    for ent in ents:
        start = ent.start
        if ent.label_ == "PERSON" and len(ent) >= 2 and _INITIAL.match(ent[0].text):
            while (
                start > 0
                and start - 1 not in taken
                and _name_word(doc[start - 1])
                and doc[start - 1].pos_ == "PROPN"
            ):
                start -= 1
                if doc[start].is_sent_start:
                    break
        out.append(ent if start == ent.start else Span(doc, start, ent.end, label="PERSON"))
    return out


def _name_word(token: Token) -> bool:
    return token.is_alpha and token.is_title and not token.is_stop


# --- 2b. groups named after a person -----------------------------------------------------


def _groups(doc: Doc, ents: list[Span], group_nouns: frozenset[str]) -> list[Span]:
    out = []
    for ent in ents:
        following = doc[ent.end] if ent.end < len(doc) else None
        if (
            ent.label_ == "PERSON"
            and following is not None
            and following.is_lower
            and (following.lemma_.lower() in group_nouns or following.lower_ in group_nouns)
        ):
            out.append(Span(doc, ent.start, ent.end + 1, label="ORG"))
        else:
            out.append(ent)
    return out


def _institutions(doc: Doc, ents: list[Span], heads: frozenset[str]) -> list[Span]:
    """A "person" whose name ends in an institution's head noun is the institution named
    after them: "the Betty Ford Center", "Walter Reed Hospital"."""
    out = []
    titles = honorifics().all | {t.lower() for t in job_titles()}
    for ent in ents:
        last = ent[-1]
        if (
            ent.label_ == "PERSON"
            and len(ent) >= 2
            and last.is_title
            and last.lower_ in heads
            and not _a_person_here(doc, ent, titles)
        ):
            out.append(Span(doc, ent.start, ent.end, label="ORG"))
        else:
            out.append(ent)
    return out


def _named_after_saints(
    doc: Doc, ents: list[Span], saints: frozenset[str], heads: frozenset[str]
) -> list[Span]:
    """ "St Joseph's Catholic Primary School": a saint's name, a possessive and capitalised
    words ending in an institution's head noun are one organisation. The model reads a
    person and a school, and every "St X's Catholic Primary School" would be one school."""
    found: list[Span] = []
    for token in doc:
        if token.lower_.rstrip(".") not in saints or not token.is_title:
            continue
        i = token.i + 1
        while i < len(doc) and i - token.i <= 3 and doc[i].is_title and doc[i].is_alpha:
            i += 1
        if i == token.i + 1 or i >= len(doc) or doc[i].text not in ("'s", "’s", "'", "’"):
            continue
        end = i + 1
        while end < len(doc) and end - i <= 5 and doc[end].is_title:
            if doc[end].lower_ in heads:
                found.append(Span(doc, token.i, end + 1, label="ORG"))
                break
            end += 1
    if not found:
        return ents
    kept = [e for e in ents if not any(e.start < f.end and f.start < e.end for f in found)]
    return kept + found


def _a_person_here(doc: Doc, ent: Span, titles: frozenset[str]) -> bool:
    """Does the document treat ``ent`` as a person: a title before it ("coach Bruce
    Arena", "Mr Ted Stadium"), or its last word alone as the subject of a verb ("Arena
    said")? An institution's head noun is not written so ("the hospital said")."""
    if ent.start > 0 and doc[ent.start - 1].lower_.rstrip(".") in titles:
        return True
    last = ent[-1]
    for token in doc:
        if ent.start <= token.i < ent.end or token.text != last.text:
            continue
        before = doc[token.i - 1] if token.i > 0 else None
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if (
            (before is None or not (before.is_title or before.pos_ in ("DET", "PROPN")))
            and after is not None
            and after.pos_ in ("VERB", "AUX")
        ):
            return True
    return False


_PLACES = frozenset({"GPE", "LOC"})


def _places_in_regions(doc: Doc, ents: list[Span]) -> list[Span]:
    """A place and its region after a comma name one place, as news writes a town:
    "Wasilla, Alaska", "Mannheim, Germany" (never two items of a list, "Egypt, Italy and
    India": no comma or conjunction before the place or after the region)."""
    by_start = {e.start: e for e in ents}
    ordered = sorted(ents, key=lambda e: e.start)
    places = place_words()
    regions = places.countries | places.regions
    out, used = [], set()
    for ent in ordered:
        if ent.start in used:
            continue
        region = by_start.get(ent.end + 1)
        if (
            ent.label_ == "GPE"  # a town, not a sea: "the Gulf of Aden, Yemen said"
            and region is not None
            and region.label_ == "GPE"
            # A country is no town ("Unlike Germany, France does not..."); what follows
            # the comma is a country or a state, not any place.
            and place_key(ent.text) not in places.countries
            and place_key(region.text) in regions
            # A state is a town only before its own name or a capital district ("New
            # York, New York", "Washington, D.C."): "Florida, Iowa" lists two states.
            and (
                place_key(ent.text) not in places.regions
                or place_key(region.text) in {place_key(ent.text), *places.districts}
            )
            and ent.end < len(doc)
            and doc[ent.end].text == ","
            and not _listed(doc, ent.start - 1, -1)
            and not _listed(doc, region.end, 1)
        ):
            used.add(region.start)
            out.append(Span(doc, ent.start, region.end, label="GPE"))
        else:
            out.append(ent)
    return out


def _listed(doc: Doc, i: int, step: int) -> bool:
    """Is the token at ``i`` (before or after a place) a list's comma or conjunction?"""
    if not 0 <= i < len(doc):
        return False
    token = doc[i]
    if token.lower_ in ("and", "or", "&", "/"):
        return True
    if token.text != ",":
        return False
    near = i + step
    return 0 <= near < len(doc) and (
        doc[near].ent_type_ in _PLACES or doc[near].lower_ in ("and", "or")
    )


def _split_score(doc: Doc, start: int, end: int) -> bool:
    """Does the span end in a score written as three tokens ("91 - 73")?"""
    return (
        end - start > 3
        and doc[end - 1].like_num
        and doc[end - 2].text in ("-", "–")
        and doc[end - 3].like_num
        and not doc[end - 1].is_alpha
    )


_SCORE = re.compile(r"^\d+[-–]\d+$")  # "Evansville 91-73": a result, not a name
_NUMBERED = re.compile(r"^\d+[a-z]{2,}s$")


def _numbered_teams(doc: Doc, ents: list[Span]) -> list[Span]:
    """A place followed by a plural written with digits is a team ("Philadelphia 76ers",
    "San Francisco 49ers"), not a place and a number."""
    by_start = {e.start: e for e in ents}
    out, skip = [], set()
    for ent in ents:
        if ent.start in skip:
            continue
        after = by_start.get(ent.end)
        following = doc[ent.end] if ent.end < len(doc) else None
        if (
            ent.label_ in ("GPE", "LOC")
            and following is not None
            and _NUMBERED.match(following.text)
            and (after is None or after.label_ in ("CARDINAL", "ORG"))
        ):
            end = after.end if after is not None else ent.end + 1
            if after is not None:
                skip.add(after.start)
            out.append(Span(doc, ent.start, end, label="ORG"))
        elif ent.label_ in ("FAC", "GPE", "LOC", "PRODUCT") and _NUMBERED.match(ent[-1].text):
            out.append(Span(doc, ent.start, ent.end, label="ORG"))  # "the ... 49ers" FAC
        else:
            out.append(ent)
    return out


# --- 3. labels from the document's own evidence --------------------------------------------


def _document_labels(doc: Doc, ents: list[Span]) -> list[Span]:
    """A one-word name the document also writes as a person's name (or surname) is that
    person where the person votes are the most. A weak label that is the last word of an
    organisation's name ("the Chargers" FAC beside "San Diego Chargers") is retyped in
    one place only, by resolution (``resolve.references.organisations_by_corpus``), which
    never retypes a product ("Echo" beside "Liverpool Echo")."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for ent in ents:
        if ent.label_ in NAME_LABELS:
            votes[ent.text][ent.label_] += 1
    for ent in ents:
        if ent.label_ == "PERSON" and len(ent) >= 2 and ent[-1].text[:1].isupper():
            votes[ent[-1].text]["PERSON"] += 1  # the surname of a full name
    out = []
    for ent in ents:
        if (
            len(ent) == 1
            and ent.label_ in NAME_LABELS
            and ent.label_ != "PERSON"
            and not _used_as_place(doc, ent)
        ):
            counts = votes[ent.text]
            if counts["PERSON"] >= 1 and counts["PERSON"] >= max(
                c for label, c in counts.items() if label != "PERSON"
            ):
                out.append(Span(doc, ent.start, ent.end, label="PERSON"))
                continue
        out.append(ent)
    return out


# --- 4. every occurrence of a tagged name ----------------------------------------------------


def _propagate(doc: Doc, ents: list[Span], titled: list[tuple[int, int]]) -> list[Span]:
    labels: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    lowered = {t.lower_ for t in doc if t.is_lower}
    suffixes = entity_words().company_suffixes
    for ent in ents:
        words = ent[1:] if ent[0].lower_ == "the" and len(ent) > 1 else ent
        in_title = any(s <= ent.start_char < e for s, e in titled)
        if ent.label_ not in NAME_LABELS or not (words[0].is_alpha and words[0].is_title):
            continue
        if all(t.text[:1].isupper() or not t.is_alpha for t in words):
            labels[tuple(t.text for t in words)][ent.label_] += 1
        last = words[-1]
        # The last word of a team's or company's name used alone ("the Colts" after
        # "Indianapolis Colts"), unless the document uses it as a common word.
        if (
            ent.label_ == "ORG"
            and len(words) >= 2
            and last.is_alpha
            and last.is_title
            and len(last.text) >= 3
            and last.lower_ not in lowered
            and last.lower_.rstrip(".") not in suffixes
        ):
            labels[(last.text,)]["ORG"] += 1
        # A person's surname used alone ("Timmons" after "Jermayne Timmons"), unless the
        # document uses it as a common word ("Felt", "Page").
        if (
            ent.label_ == "PERSON"
            and not in_title  # a headline's "person" may be "Beat Chiefs"
            and len(words) >= 2
            and last.is_alpha
            and last.is_title
            and len(last.text) >= 3
            and last.lower_ not in lowered
        ):
            labels[(last.text,)]["PERSON"] += 1
    if not labels:
        return ents
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for key in sorted(labels, key=len, reverse=True):
        by_first[key[0]].append(key)
    owner: list[int] = [-1] * len(doc)  # index of the entity covering each token
    for number, ent in enumerate(ents):
        for i in range(ent.start, ent.end):
            owner[i] = number
    dropped: set[int] = set()
    added = []
    i = 0
    while i < len(doc):
        match = None
        for key in by_first.get(doc[i].text, ()):
            n = len(key)
            if i + n > len(doc) or any(doc[i + k].text != key[k] for k in range(n)):
                continue
            inside = {owner[k] for k in range(i, i + n)} - {-1}
            # Free words, or a shorter name inside this longer one ("Lohan" where the
            # document names "Lindsay Lohan").
            if all(ents[e].start >= i and ents[e].end <= i + n for e in inside) and (
                not inside or n > max(len(ents[e]) for e in inside)
            ):
                match = key
                break
            if inside:
                break  # the words are part of a name already
        in_title = any(s <= doc[i].idx < e for s, e in titled)
        if match is not None and _a_place_here(doc, i, match, ents, owner, labels):
            match = None
        if match is not None and not _never_a_name(doc, i, match, in_title):
            inside = {owner[k] for k in range(i, i + len(match))} - {-1}
            dropped |= inside
            label = labels[match].most_common(1)[0][0]
            added.append(Span(doc, i, i + len(match), label=label))
            i += len(match)
            continue
        i += 1
    return [e for number, e in enumerate(ents) if number not in dropped] + added


def _a_place_here(
    doc: Doc,
    i: int,
    key: tuple[str, ...],
    ents: list[Span],
    owner: list[int],
    labels: dict[tuple[str, ...], Counter[str]],
) -> bool:
    """A word the model tags as a place after a preposition of place is that place, not
    the surname of a person it shares ("Councillor Jane Kent said schools in Kent")."""
    if labels[key].most_common(1)[0][0] != "PERSON" or owner[i] == -1:
        return False
    tagged = ents[owner[i]]
    return tagged.start == i and _used_as_place(doc, tagged)


def _used_as_place(doc: Doc, ent: Span) -> bool:
    """Is ``ent`` tagged a place and written after a preposition of place?"""
    return (
        ent.label_ in _PLACES
        and ent.start > 0
        and doc[ent.start - 1].lower_ in place_words().prepositions
    )


def _never_a_name(doc: Doc, i: int, key: tuple[str, ...], in_title: bool) -> bool:
    """A sentence-initial function word ("May", "Will" opening a question) or a word
    joined to a longer capitalised run ("Colts" in "Colts Stadium" is not the team)."""
    token = doc[i]
    if len(key) == 1 and token.is_sent_start and (token.is_stop or token.pos_ in _CLOSED):
        return True
    if in_title:
        return False  # in a headline every word is capitalised
    after = doc[i + len(key)] if i + len(key) < len(doc) else None
    if after is not None and after.is_alpha and after.text[:1].isupper():
        return True
    before = doc[i - 1] if i > 0 else None
    return (
        before is not None
        and not token.is_sent_start
        and before.is_alpha
        and before.text[:1].isupper()
    )


_CLOSED = frozenset({"DET", "PRON", "AUX", "ADP", "CCONJ", "SCONJ", "PART", "VERB"})
_FUNCTION = frozenset({"DET", "PRON", "ADP", "CCONJ", "SCONJ"})


def _pieces(ent: Span, original: str) -> list[list[Token]]:
    """The runs of an entity of the sentence-cased copy that are names."""
    pieces: list[list[Token]] = [[]]
    for token in ent:
        was = original[token.idx : token.idx + len(token.text)]
        lowered = token.is_lower and was != token.text and token.lower_ not in title_small_words()
        if lowered or token.pos_ in _VERB_TAGS or _is_edge_junk(token):
            pieces.append([])
        else:
            pieces[-1].append(token)
    out = []
    for piece in pieces:
        while piece and (
            piece[-1].lower_ in title_small_words()
            or not (piece[-1].is_alpha or piece[-1].like_num)
        ):
            piece.pop()
        while piece and piece[0].lower_ in title_small_words():
            piece.pop(0)
        if piece:
            out.append(piece)
    return out
