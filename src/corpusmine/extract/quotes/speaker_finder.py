"""Who is speaking, within one document: from a reporting verb to the speaker(s) it names.

(Linking those speakers to entities across the corpus is ``resolve.speakers``.)

The subject of the cue verb names the speaker. Around that simple rule:

- appositions ("Julian Wooster, chairman of the trust, said") keep the name;
- coordinated subjects ("Cllr A and Cllr B both said") give a joint statement;
- a passive cue speaks through its ``by`` agent; without one (or with an audience as
  subject, "councillors (were) told") the sentence names no speaker;
- pronouns look back for their antecedent, surnames for the fullest name used;
- "the report" / "inspectors" stand for the organisation whose report it is, when the
  document names one (``report_organisation``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from ...knowledge import QuoteLexicon, entity_words
from ...records import SourceDocument
from .records import QuotedSpan, Speaker

__all__ = ["SPEAKER_ENTITIES", "SpeakerFinder", "report_organisation"]

SPEAKER_ENTITIES = {"PERSON": "PERSON", "ORG": "ORG", "ROLE": "ROLE"}
_SUBJECTS = ("nsubj",)
_RELATIVE = {"who", "which", "that"}
# Dependents kept when a noun phrase names a speaker ("A spokesman for both councils").
_NP_KEEP = {"det", "amod", "compound", "poss", "nummod", "case", "nmod", "predet", "quantmod"}
_NP_PREPOSITIONS = {"of", "for", "at", "from"}
# Entity labels the small model gives names it mistakes ("Trumka" as a WORK_OF_ART): its
# weak labels (models/entities.yaml), and LOC, which a subject of saying never is.
_UNTYPED_NAMES = entity_words().weak_labels | {"LOC"}
# Dependents of a cue verb that hold what was said.
_REPORTED = {"ccomp", "parataxis", "xcomp"}
_CLAUSES = {"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj"}


class SpeakerFinder:
    """Resolves the speakers of cue verbs in one parsed document."""

    def __init__(
        self,
        doc: Doc,
        source: SourceDocument,
        lexicon: QuoteLexicon,
        quoted: Sequence[QuotedSpan],
    ) -> None:
        self.doc = doc
        self.source = source
        self.lex = lexicon
        self.quoted = sorted(quoted, key=lambda q: q.open_at)
        self._opens = [q.open_at for q in self.quoted]
        self._sentences = list(doc.sents)
        self._sentence_starts = [s.start for s in self._sentences]
        self.entity_of: dict[int, Span] = {}
        for ent in doc.ents:
            for token in ent:
                self.entity_of[token.i] = ent
        self.persons = [e for e in doc.ents if e.label_ == "PERSON" and not self.in_quote(e.start)]
        self.persons = sorted(self.persons + self._unlabelled_speakers(), key=lambda e: e.start)
        self._person_ends = [e.end for e in self.persons]
        # Persons by surname, in text order: the fullest name and the person an ORG-tagged
        # surname stands for ("Priebus" tagged ORG where the text names "Reince Priebus").
        self._titles_known = entity_words().person_titles
        self._titled_apart: set[str] = set()  # found once the persons are known, below
        self._by_surname: dict[str, list[Span]] = {}
        for ent in self.persons:
            words = self._name_words(ent)
            if words:
                self._by_surname.setdefault(words[-1], []).append(ent)
        self._longest: dict[str, int] = {
            k: max(len(self._name_words(e)) for e in v) for k, v in self._by_surname.items()
        }
        # A surname the model tagged otherwise ("Podesta" as ORG) is still that person
        # for the pronouns after it.
        mistyped = [
            Span(doc, e.start, e.end, label="PERSON")
            for e in doc.ents
            if e.label_ not in ("PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT")
            and not self.in_quote(e.start)
            and self._person_by_surname(e) is not None
        ]
        if mistyped:
            self.persons = sorted(self.persons + mistyped, key=lambda e: e.start)
            self._person_ends = [e.end for e in self.persons]
        self._block_starts = [b.clean_start for b in source.blocks]
        # Surnames of full names the model did not type as persons ("Keith Lamont Scott"
        # as ORG beside "Rakeyia Scott"): such a surname alone may be either.
        full = {tuple(self._name_words(e)) for e in self.persons}
        self._other_bearers = {
            words[-1]
            for e in doc.ents
            if e.label_ != "PERSON"
            and len(words := tuple(self._name_words(e))) > 1
            and words not in full
        }
        # Surnames written with a role title that joins none of their full names
        # ("President Trump" beside the only full name "Melania Trump"): the surname
        # alone may be the titled person as well as the full name's.
        self._titled_apart = {
            words[-1]
            for e in self.persons
            if self._role_title(e)
            and len(words := self._bare_words(e)) == 1
            and self._longest.get(words[-1], 0) >= 2
            and len(self._bare_words(self.fullest_name(e))) == 1
        }
        self.gender = self._gender_evidence()
        self._gendered = frozenset(lexicon.pronoun_gender)
        # Who was last given a quote in each paragraph, and the gender of the he/she that
        # cued it (``hold_floor``, from the extractor as it goes).
        self._floor: dict[int, tuple[Speaker, str | None]] = {}
        self._descriptions: dict[str, list[Span]] | None = None
        self.report_org = report_organisation(doc, lexicon)
        self.org_mentions: dict[str, list[Span]] = {}
        for ent in doc.ents:
            if ent.label_ == "ORG":
                self.org_mentions.setdefault(_norm(ent.text), []).append(ent)
        self._org_starts = {k: [e.start_char for e in v] for k, v in self.org_mentions.items()}

    def _unlabelled_speakers(self) -> list[Span]:
        """Names the model did not tag as persons but the text makes speak: the proper-noun
        subject of a verb of saying ("Jolly said", "said Iampaglia"). They count as persons
        for pronouns and surnames later in the document."""
        found = []
        for token in self.doc:
            if token.dep_ != "nsubj" or token.tag_ != "NNP" or not token.text[:1].isupper():
                continue
            known = self.lex.report_speakers | self.lex.group_nouns | self.lex.role_nouns
            if token.lower_ in known or token.lemma_.lower() in known | self.lex.org_nouns:
                continue  # "Inspectors said": a report noun capitalised, not a name
            if token.head.lemma_.lower() not in self.lex.speech_verbs or self.in_quote(token.i):
                continue
            entity = self.entity_of.get(token.i)
            if entity is not None and entity.label_ in ("PERSON", "ORG", "ROLE"):
                continue
            first = token.i
            while (
                first > 0
                and self.doc[first - 1].pos_ == "PROPN"
                and self.doc[first - 1].dep_ == "compound"
            ):
                first -= 1
            found.append(Span(self.doc, first, token.i + 1, label="PERSON"))
        return found

    # --- public --------------------------------------------------------------------

    def in_quote(self, token_index: int) -> bool:
        """Whether a token lies between quote marks (then it is not the narrator's)."""
        offset = self.doc[token_index].idx
        # Spans do not overlap and are sorted: only the last one opening before can hold it.
        i = bisect_right(self._opens, offset) - 1
        return i >= 0 and self.quoted[i].contains(offset)

    def person_named(self, surname: str) -> Speaker | None:
        """The person the document names with this surname (by the fullest name used),
        or None."""
        same = self._by_surname.get(surname.lower())
        return self._entity_speaker(self.fullest_name(same[0]), "named") if same else None

    def speaks_after(self, speaker: Speaker, offset: int) -> bool:
        """Whether the person ``speaker`` names is, after cleaned ``offset``, the subject of
        a verb of saying (by the same surname): someone the text makes speak."""
        words = [w.lower() for w in speaker.text.split() if w.isalpha()]
        if speaker.label != "PERSON" or not words:
            return False
        return any(
            e.start_char >= offset
            and self._surname(e) == words[-1]
            and self._subject_token(e).head.lemma_.lower() in self.lex.speech_verbs
            for e in self._by_surname.get(words[-1], ())
        )

    def of_verb(self, verb: Token) -> tuple[Speaker, ...]:
        """The speakers named as the source of ``verb`` (empty when none is named)."""
        heads = self.subject_heads(verb)
        speakers: list[Speaker] = []
        describe = verb.lemma_.lower() in self.lex.speech_verbs
        for head in heads:
            found = self.of_token(head, describe=describe)
            if not found and not describe and head.pos_ == "NOUN" and self._is_description(head):
                # "the prince called him 'a disgrace'": a description speaks for another
                # verb only as the person the document described so.
                person = self._described(head)
                found = (self._entity_speaker(person, "description"),) if person else ()
            for speaker in found:
                if speaker.key in {s.key for s in speakers} or self._quotes_inside(speaker):
                    continue
                speakers.append(speaker)
        return self.without_readers(verb, speakers)

    def without_readers(self, verb: Token, speakers: Sequence[Speaker]) -> tuple[Speaker, ...]:
        """The speakers of ``verb`` less its readers: with a verb of reading only a message
        speaks ("a welcome message on the website reads"), not a person or a role noun
        naming one ("the spokesman read", '"Back soon," Tom Berg read on a note')."""
        if verb.lemma_.lower() not in self.lex.reading_verbs:
            return tuple(speakers)
        return tuple(
            s
            for s in speakers
            if s.label != "PERSON" and not (s.label == "ROLE" and s.how == "noun-phrase")
        )

    def _quotes_inside(self, speaker: Speaker) -> bool:
        """A "speaker" whose words hold quote marks is a misparse of the quoted clause,
        unless the quote closes inside the name (a nickname: 'Juan "Chico" Lopez')."""
        if speaker.start < 0:
            return False
        i = bisect_right(self._opens, speaker.start)
        while i < len(self._opens) and self._opens[i] < speaker.end:
            quote = self.quoted[i]
            if quote.close_at is None or quote.outer_end > speaker.end:
                return True
            i += 1
        return False

    def subject_heads(self, verb: Token) -> list[Token]:
        """Head tokens of the subject of ``verb`` (or of the verb it depends on)."""
        current = verb
        for _ in range(4):
            subjects = [c for c in current.children if c.dep_ in _SUBJECTS]
            if not self.in_quote(verb.i):
                # A verb outside the marks has no subject inside them: the parse took the
                # quoted words' noun for it ('"... the trust and our nurses," Marsh ...
                # said').
                subjects = [c for c in subjects if not self.in_quote(c.i)]
            if subjects:
                if any(self.is_audience(current, s) for s in subjects):
                    return []
                if current.lemma_.lower() in self.lex.audience_verbs:
                    # "Nurses ..., who called it 'a betrayal,' told Helen Ward, ...": the
                    # parse took the one told for a second subject; "told" never inverts
                    # ('"...," said X' does), so a subject before it is the speaker.
                    ahead = [c for c in subjects if c.i < current.i]
                    if not ahead:
                        return []  # only the one told ("Reviewers who ... told Kenji Sato")
                    subjects = [c for c in ahead if not self.in_quote(c.i)] or ahead
                subject = min(subjects, key=lambda s: abs(s.i - current.i))
                if subject.lower_ in _RELATIVE and current.dep_ == "relcl":
                    subject = current.head  # "the report, which said ..."
                return [subject, *subject.conjuncts]
            agents = [c for c in current.children if c.dep_ == "agent"]
            if agents:
                # Passive with a "by" agent: "failures have been revealed by Ofsted".
                objects = [g for g in agents[0].children if g.dep_ == "pobj"]
                return [objects[0], *objects[0].conjuncts] if objects else []
            passive = [c for c in current.children if c.dep_ == "nsubjpass"]
            if passive and self._active_after_all(current):
                return [passive[0], *passive[0].conjuncts]
            if any(c.dep_ in ("nsubjpass", "auxpass", "csubjpass") for c in current.children):
                return []  # passive without agent: the speaker is not named
            if self._passed_on(current):
                return []  # the message's author is not named
            if (
                current.dep_ in ("advcl", "xcomp", "conj", "acl", "pcomp")
                and current.head != current
            ):
                if self.in_quote(current.head.i) and not self.in_quote(verb.i):
                    # '"...," Trump said, adding later, "NATO is costing us ..."' hung
                    # from the quote's verb: its subject is the quoted words'.
                    return []
                if current.dep_ == "acl" and current.head.pos_ in ("NOUN", "PROPN"):
                    owner = self._producer(current.head)
                    if owner is not None:
                        current = owner
                        continue
                current = current.head  # "..., highlighting the following points"
                continue
            return self._inverted_subject(current) or self._name_before(current)
        return []

    def _producer(self, noun: Token) -> Token | None:
        """The verb whose subject put out the message a speech verb hangs from: "His
        office put out a statement saying ...", "sent a text to supporters saying:". None
        when the message is someone else's that the subject only read or saw."""
        speaking = self.lex.report_speakers - self.lex.sent_messages  # "the report said"
        if noun.dep_ not in ("dobj", "pobj") or noun.lower_ in speaking:
            return None
        verb = noun.head.head if noun.dep_ == "pobj" else noun.head
        if verb.pos_ != "VERB" or _verb_in(verb, self.lex.receiving_verbs):
            return None
        return verb

    def _passed_on(self, verb: Token) -> bool:
        """ "shared a post on Facebook saying ...": a participle right after the object of
        a receiving verb (no comma between) tells what that message says, not what the
        subject says; "she watched the match, saying ..." is hers."""
        head = verb.head
        if verb.dep_ != "advcl" or head == verb or not _verb_in(head, self.lex.receiving_verbs):
            return False
        objects = [c for c in head.children if c.dep_ == "dobj" and c.i < verb.i]
        return any(max(t.i for t in o.subtree) == verb.i - 1 for o in objects)

    def _name_before(self, verb: Token) -> list[Token]:
        """A speech verb the parse left without a subject, right after a name: "In a
        statement to the paper, her adviser, Jake Sullivan, said: ...". The name is the
        subject the parse missed."""
        if verb.lemma_.lower() not in self.lex.speech_verbs:
            return []
        i = verb.i - 1
        while i >= verb.sent.start and (self.doc[i].is_punct or self.doc[i].is_space):
            i -= 1
        if i < verb.sent.start or self.in_quote(i):
            return []
        entity = self.entity_of.get(i)
        if entity is not None and entity.label_ in ("PERSON", "ORG") and entity.end == i + 1:
            return [entity.root]
        return []

    def _active_after_all(self, verb: Token) -> bool:
        """ "He's said the same thing": the small model reads "'s said" as a passive. A
        speech verb that takes no audience as subject cannot be passive with an object."""
        if verb.lemma_.lower() not in self.lex.speech_verbs:
            return False
        if verb.lemma_.lower() in self.lex.audience_verbs:
            return False  # "he was told ...": a real passive, the subject is the audience
        aux = [c for c in verb.children if c.dep_ == "auxpass"]
        has_object = any(c.dep_ in ("dobj", "ccomp") for c in verb.children)
        return has_object and bool(aux) and all(a.lower_ in ("'s", "\u2019s") for a in aux)

    def _inverted_subject(self, verb: Token) -> list[Token]:
        """An inverted reporting clause: "..., says shocking Ofsted report", "..., say
        Ofsted". Closing its sentence, it names the speaker after the verb."""
        if verb.lemma_.lower() not in self.lex.speech_verbs:
            return []
        if not any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
            return []
        after = []
        for token in verb.doc[verb.i + 1 : verb.sent.end]:
            if token.is_punct or token.is_space:
                break
            after.append(token)
        # "... said Monday": a day or time after the verb says when, not who; "said on
        # Fox News" where, not who either.
        nouns = [
            t
            for t in after
            if t.pos_ in ("NOUN", "PROPN")
            and t.ent_type_ not in ("DATE", "TIME")
            and not any(a.dep_ == "prep" and a.i > verb.i for a in t.ancestors)
        ]
        return [nouns[-1]] if nouns and len(after) <= 6 else []

    def of_token(self, token: Token, *, describe: bool = False) -> tuple[Speaker, ...]:
        """The speaker(s) a subject token names. With ``describe`` (the subject of a verb
        of saying), a description ("the bespectacled diplomat") names a speaker too."""
        if token.lower_ in self.lex.person_pronouns:
            return self.person_antecedent(token)
        if token.lower_ in self.lex.group_pronouns:
            return self.group_antecedent(token)
        entity = self.entity_of.get(token.i)
        if entity is not None and entity.label_ not in ("PERSON", "ROLE"):
            # Resolution within the document outranks the model's label: a surname tagged
            # ORG or WORK_OF_ART ("Trump told Business Insider") is the person named so.
            person = self._person_by_surname(entity)
            if person is not None:
                return (self._entity_speaker(person, "named"),)
        if entity is not None and entity.label_ in SPEAKER_ENTITIES:
            return (self._entity_speaker(entity, "named"),)
        if describe and entity is not None and entity.label_ in ("GPE", "NORP"):
            # "Russia said", or a surname the model took for a place ("said Iampaglia"):
            # a named source either way, typed as an organisation.
            return (Speaker(entity.text, entity.start_char, entity.end_char, "ORG", "proper-noun"),)
        if entity is None and token.pos_ == "PROPN" and token.lower_ in self._by_surname:
            return (
                self._entity_speaker(self.fullest_name(self._by_surname[token.lower_][0]), "named"),
            )
        for related in self._appositions(token):
            ent = self.entity_of.get(related.i)
            if ent is not None and ent.label_ == "PERSON":
                return (self._entity_speaker(ent, "appositive"),)
        word = token.lower_
        lemma = token.lemma_.lower()
        if word in self.lex.report_speakers or lemma in self.lex.report_speakers:
            return (self._report_speaker(token),)
        if token.pos_ not in ("NOUN", "PROPN"):
            return ()
        phrase = self._noun_phrase(token)
        if word in self.lex.group_nouns or lemma in self.lex.group_nouns:
            return (Speaker(*phrase, "GROUP", "group"),)
        if lemma in self.lex.role_nouns or (describe and self._is_description(token)):
            person = self._described(token)
            if person is not None:
                return (self._entity_speaker(person, "description"),)
            how = "noun-phrase" if lemma in self.lex.role_nouns else "description"
            return (Speaker(*phrase, "ROLE", how),)
        if lemma in self.lex.org_nouns:
            return (Speaker(*phrase, "ORG", "noun-phrase"),)
        if describe and any(c.dep_ == "nummod" for c in token.children):
            return (Speaker(*phrase, "GROUP", "noun-phrase"),)  # "47 percent said"
        if token.tag_ in ("NNS", "NNPS"):
            # Plural subjects of reporting verbs are people ("Care leavers described ...").
            return (Speaker(*phrase, "GROUP", "noun-phrase"),)
        if (
            token.pos_ == "PROPN"
            and token.text[:1].isupper()
            and (entity is None or entity.label_ in _UNTYPED_NAMES)
        ):
            # A name the model did not recognise as one ("Trumka said"): the speaker, but
            # with the doubt of an untyped name.
            name = self._proper_name(token)
            return (Speaker(*name, "PERSON", "proper-noun"),)
        return ()

    @staticmethod
    def _is_description(token: Token) -> bool:
        """A singular noun phrase with a determiner or possessive: "the senator", "his
        spokesman", "a top aide"."""
        common = token.tag_ == "NN" or (token.tag_ == "NNP" and token.text.islower())
        return common and any(c.dep_ in ("det", "poss") for c in token.children)

    def _described(self, token: Token) -> Span | None:
        """The person a description stands for within the document: the latest person
        named before it with the same noun as a title or apposition ("CNN host Jake
        Tapper", "Tapper, the CNN host" for "the CNN host"). None when nobody was."""
        if self._descriptions is None:
            self._descriptions = self._description_index()
        found = self._descriptions.get(token.lemma_.lower(), [])
        i = bisect_right([e.start for e in found], token.i) - 1
        return self.fullest_name(found[i]) if i >= 0 else None

    def described_later(self, token: Token) -> Speaker | None:
        """The first person the document describes with this noun, even after it: a
        headline names by title whom the article then names in full ("CNN President On
        Trump: ..." then "CNN President Jeff Zucker")."""
        if self._descriptions is None:
            self._descriptions = self._description_index()
        found = self._descriptions.get(token.lemma_.lower(), [])
        if not found:
            return None
        return self._entity_speaker(self.fullest_name(found[0]), "description")

    def _description_index(self) -> dict[str, list[Span]]:
        """Noun lemma -> persons it describes, in text order: nouns just before a name
        ("host Jake Tapper", "Sen. Marco Rubio") and heads of its appositions."""
        index: dict[str, list[Span]] = {}
        for ent in self.persons:
            nouns: list[Token] = []
            i = ent.start - 1
            while (
                i >= 0
                and self.doc[i].pos_ in ("NOUN", "PROPN")
                and self.doc[i].i not in self.entity_of
            ):
                nouns.append(self.doc[i])
                i -= 1
            for related in self._appositions(ent.root):
                if related.pos_ == "NOUN":
                    nouns.append(related)
            for noun in nouns:
                index.setdefault(noun.lemma_.lower(), []).append(ent)
        return index

    def _proper_name(self, token: Token) -> tuple[str, int, int]:
        """The run of proper nouns ending at ``token`` ("Gary Casteel")."""
        first = token.i
        while (
            first > token.sent.start
            and self.doc[first - 1].pos_ == "PROPN"
            and self.doc[first - 1].dep_ == "compound"
        ):
            first -= 1
        span = self.doc[first : token.i + 1]
        return (
            span.text,
            span.start_char,
            span.end_char,
        )  # a singular common noun ("Progress", "The meeting") is not a speaker

    # --- pronouns ------------------------------------------------------------------

    def person_antecedent(self, pronoun: Token) -> tuple[Speaker, ...]:
        """he/she: the person who holds the floor among those named before (``_salient``).

        Looked for a few paragraphs back; failing that, anywhere before (a guess, marked
        so); failing that, the pronoun itself is the speaker, marked uncertain: the words
        were said, by someone the document does not name nearby."""
        window = self._window_start(pronoun)
        last = bisect_right(self._person_ends, pronoun.i)
        earlier = self.persons[:last][-self.lex.pronoun_window_persons :]
        wanted = self.lex.pronoun_gender.get(pronoun.lower_)
        # Never a person the document calls by the other gender's pronoun or title.
        if wanted:
            earlier = [e for e in earlier if (self.gender_of(e) or wanted) == wanted]
        before = [e for e in earlier if e.start_char >= window]
        if not before:
            if not earlier:
                return (self._unresolved(pronoun),)
            chosen = self._salient(pronoun, earlier)
            speaker = self._entity_speaker(chosen, "pronoun", wanted)
            return (Speaker(speaker.text, speaker.start, speaker.end, "PERSON", "pronoun-distant"),)
        # What the pronoun's own verb reports is talked about, not talking: "Trump isn't
        # a conservative, he said" is not Trump's.
        reported = {t.i for c in pronoun.head.children if c.dep_ in _REPORTED for t in c.subtree}
        before = [e for e in before if e.root.i not in reported] or before
        chosen = self._salient(pronoun, before)
        speaker = self._entity_speaker(chosen, "pronoun", wanted)
        # With two different people in view and no gender to go on, say it is a guess.
        people = {
            self._name_words(self.fullest_name(e))[-1:][0] for e in before if self._name_words(e)
        }
        clear = len(people) <= 1 or self._spoke_just_before(chosen, pronoun)
        how = "pronoun" if clear else "pronoun-ambiguous"
        return (Speaker(speaker.text, speaker.start, speaker.end, "PERSON", how),)

    def _spoke_just_before(self, entity: Span, pronoun: Token) -> bool:
        """Whether the name is the main subject of a cue verb in the pronoun's sentence or
        the one before it, in its paragraph ('Omar Siddiqui, who joined in May, said costs
        were under control. "We have cut spending," he said.'): no guess, whoever else is
        in view."""
        if not (self._main_subject(entity) and self._speaks(entity)):
            return False
        block = bisect_right(self._block_starts, pronoun.idx) - 1
        if bisect_right(self._block_starts, entity.start_char) - 1 != block:
            return False
        here = bisect_right(self._sentence_starts, pronoun.sent.start) - 1
        there = bisect_right(self._sentence_starts, entity.start) - 1
        if not here - 1 <= there <= here:
            return False
        # Unless what that cue reports names someone else who may be the he/she: 'Judge
        # Peter Cross said Martin Cole had shown no remorse. "I am sorry," he said.'
        wanted = self.lex.pronoun_gender.get(pronoun.lower_)
        verb = self._subject_token(entity).head
        reported = {t.i for c in verb.children if c.dep_ in _REPORTED for t in c.subtree}
        return not any(
            e.root.i in reported
            and self._surname(e) != self._surname(entity)
            and (not wanted or (self.gender_of(e) or wanted) == wanted)
            for e in self.persons
        )

    @staticmethod
    def _unresolved(pronoun: Token) -> Speaker:
        end = pronoun.idx + len(pronoun.text)
        return Speaker(pronoun.text, pronoun.idx, end, "PERSON", "pronoun-unresolved")

    def _salient(self, pronoun: Token, before: list[Span]) -> Span:
        """The person a he/she most likely stands for, of those in view (in text order).

        News keeps the floor with its speaker: "he said" is the person who spoke last
        (the subject of an earlier cue), unless the narration right before, in the same
        paragraph, made someone else the subject of its main clause ("Trump seemed to
        agree. '...,' he said."). Failing both, the latest subject, then the latest name.

        A paragraph of narration before a paragraph-opening '"...," he said' hands the
        floor to its main subject only when that subject speaks there or nobody spoke
        before: "The victim, Paul Grant, died in hospital" between a detective's quotes
        reports no speech, so the floor stays with the detective, who spoke last; but
        only with whoever was quoted in the paragraph right before that narration (or
        named speaking there): one further back has handed the floor on. A narration
        subject the document makes speak elsewhere ("Rubio disagreed.") takes it.
        """
        subjects = [e for e in before if self._is_subject(e)]
        speakers = [e for e in subjects if self._speaks(e)]
        block = bisect_right(self._block_starts, pronoun.idx) - 1
        here = bisect_right(self._sentence_starts, pronoun.sent.start) - 1
        for sentence, across in self._narration_before(pronoun, here, block):
            main = [
                e
                for e in subjects
                if sentence.start <= e.start < sentence.end and self._main_subject(e)
            ]
            if not main:
                continue
            chosen = main[-1]
            if not across or self._speaks(chosen):
                return chosen
            if (
                self._reacts(chosen)
                and self._speaker_here(chosen)
                and not self._pronoun_speaks(sentence, pronoun)
            ):
                # Someone the document makes speak, reacting here ("Rubio disagreed."),
                # not one narrated about ("Mills sat with his head bowed", "Mills was
                # remanded in custody").
                return chosen
            # Only whoever spoke in the paragraph right before the narration keeps the
            # floor through it (an interlude between two of their quotes): the one its
            # quotes were given to, however named ('"...," he added.', 'the councillor
            # said', a quote with no cue), or a person named speaking there. A speaker
            # further back has handed the floor on to the narration's subject.
            narration = bisect_right(self._block_starts, sentence.start_char) - 1
            earlier = [e for e in speakers if e.start < sentence.start]
            held = self._floor.get(narration) or self._floor.get(narration - 1)
            if held is not None:
                holder = self._floor_holder(held, before, pronoun)
                if holder is None and not held[1]:
                    # Someone the document does not name here spoke ("the councillor
                    # said"): the floor is still the last speaker's.
                    holder = earlier[-1] if earlier else None
            else:
                interlude = self._block_starts[max(0, narration - 1)]
                earlier = [e for e in earlier if interlude <= e.start_char]
                holder = earlier[-1] if earlier else None
            if holder is not None and self._person_of(holder) != self._person_of(chosen):
                return holder
            return chosen
        return (speakers or subjects or before)[-1]

    def hold_floor(self, offset: int, speakers: Sequence[Speaker], cue: Token | None) -> None:
        """Note who was given a quote at cleaned ``offset`` (extractor, in text order): the
        last person quoted in a paragraph holds its floor. ``cue`` is the quote's cue verb,
        whose he/she subject tells the holder's gender ("she wrote")."""
        people = [s for s in speakers if s.how != "pronoun-unresolved" and s.text.strip()]
        if len(people) != 1:
            return
        gender = None
        if cue is not None:
            # ("she said, adding: ..." climbs from "adding" to its "she")
            pronouns = [t for t in self.subject_heads(cue) if t.lower_ in self._gendered]
            gender = self.lex.pronoun_gender[pronouns[0].lower_] if pronouns else None
        block = bisect_right(self._block_starts, offset) - 1
        self._floor[block] = (people[0], gender)

    def _floor_holder(
        self, held: tuple[Speaker, str | None], before: list[Span], pronoun: Token
    ) -> Span | None:
        """The person in view a paragraph's quotes were given to (``hold_floor``), if any;
        not one a he/she of the other gender was given there."""
        speaker, gender = held
        wanted = self.lex.pronoun_gender.get(pronoun.lower_)
        if gender and wanted and gender != wanted:
            return None
        words = [w.lower() for w in speaker.text.split() if w.isalpha()]
        if speaker.label != "PERSON" or not words:
            return None
        same = [e for e in before if self._surname(e) == words[-1]]
        return same[-1] if same else None

    def _reacts(self, entity: Span) -> bool:
        """Whether a name is the active subject of a verb of saying, of stance or of
        reacting (quotes.yaml reaction_verbs), or of a verb whose clause is one ("wasted
        no time responding")."""
        token = self._subject_token(entity)
        if token.dep_ != "nsubj":
            return False
        verb = token.head
        clauses = [c for c in verb.children if c.dep_ in ("xcomp", "advcl", "conj")]
        speaking = self.lex.cue_verbs | self.lex.stance_verbs | self.lex.reaction_verbs
        for candidate in (verb, *clauses):
            lemma = candidate.lemma_.lower()
            particles = [c.lower_ for c in candidate.children if c.dep_ in ("prt", "advmod")]
            if lemma in speaking or any(f"{lemma} {p}" in speaking for p in particles):
                return True
        return False

    def _speaker_here(self, entity: Span) -> bool:
        """Whether the document makes this person (by surname) the subject of a cue verb
        anywhere: someone who speaks in it, unlike a victim or a player narrated about."""
        surname = self._surname(entity)
        return bool(surname) and any(
            self._speaks(e) for e in self._by_surname.get(surname, ()) if e.start != entity.start
        )

    def _pronoun_speaks(self, sentence: Span, pronoun: Token) -> bool:
        """Whether a he/she of ``pronoun``'s gender is the subject of a cue verb in the
        sentence ("He added a note of caution, should Clinton ..."): the speaker's."""
        gender = self.lex.pronoun_gender.get(pronoun.lower_)
        return any(
            self.lex.pronoun_gender.get(t.lower_) == gender
            and t.dep_ == "nsubj"
            and t.head.lemma_.lower() in self.lex.cue_verbs
            and not self.in_quote(t.i)
            for t in sentence
        )

    def _person_of(self, entity: Span) -> tuple[str, ...]:
        return tuple(self._name_words(self.fullest_name(entity)))

    def _narration_before(self, pronoun: Token, here: int, block: int) -> list[tuple[Span, bool]]:
        """The pronoun's sentence and the one before it in its paragraph; for a pronoun
        that is the first word of its paragraph outside quote marks ('"...," she said.'
        opening a paragraph), the last sentence of the paragraph before instead: that
        narration hands the floor to the quote."""
        start = self._block_starts[block] if block >= 0 else 0
        found = [(pronoun.sent, False)]
        first = here
        while first > 0 and self._sentences[first].start_char > start:
            first -= 1
        if self._sentences[first].start_char < start:
            first += 1
        if first < here:
            found.append((self._sentences[here - 1], False))
        narration = [
            t
            for t in self.doc[self._sentences[first].start : pronoun.i]
            if t.idx >= start and not (t.is_space or t.is_punct)
        ]
        quoted_before = bool(narration) and all(self.in_quote(t.i) for t in narration)
        if quoted_before and first > 0:
            found.append((self._sentences[first - 1], True))  # the paragraph before
        return found

    def _subject_token(self, entity: Span) -> Token:
        """The token standing in the clause for a name: the name, the noun it is in
        apposition to ("his wife, Jane,": wife), or the "who" of its relative clause
        ("Ivanka Trump, who spoke passionately": who)."""
        root = entity.root
        if root.dep_ == "appos":
            return root.head
        if root.dep_ in ("nsubj", "nsubjpass"):
            # "Omar Siddiqui, who joined the firm in May, said ...": the name is the main
            # clause's subject; its relative clause only says who they are.
            return root
        for clause in (c for c in root.children if c.dep_ == "relcl"):
            relative = [c for c in clause.children if c.dep_ == "nsubj" and c.lower_ == "who"]
            if relative:
                return relative[0]
        return root

    def _is_subject(self, entity: Span) -> bool:
        return self._subject_token(entity).dep_ in ("nsubj", "nsubjpass")

    def _main_subject(self, entity: Span) -> bool:
        token = self._subject_token(entity)
        return token.head.dep_ == "ROOT" and not self.in_quote(token.head.i)

    def _speaks(self, entity: Span) -> bool:
        """Whether a name is the subject of a cue verb: someone who spoke in the text."""
        verb = self._subject_token(entity).head
        return verb.lemma_.lower() in self.lex.cue_verbs

    def group_antecedent(self, pronoun: Token) -> tuple[Speaker, ...]:
        """they/it: the nearest earlier subject that is an organisation, a report or a group."""
        here = bisect_right(self._sentence_starts, pronoun.sent.start) - 1
        sentences = self._sentences[max(0, here - 4) : max(0, here)]
        window = self._window_start(pronoun)
        for sentence in reversed(sentences[-4:]):
            if sentence.start_char < window:
                break
            subjects = sorted(
                (
                    t
                    for t in sentence
                    if t.dep_ in ("nsubj", "nsubjpass") and not self.in_quote(t.i)
                ),
                key=lambda t: (t.head != sentence.root, t.i),
            )
            for subject in subjects:
                if subject.lower_ in self.lex.person_pronouns | self.lex.group_pronouns:
                    continue
                found = self.of_token(subject)
                # Only names, organisations, reports and known groups can be "they".
                if found and (
                    len(found) > 1
                    or found[0].label == "ORG"
                    or (found[0].label == "GROUP" and found[0].how != "noun-phrase")
                ):
                    return tuple(Speaker(s.text, s.start, s.end, s.label, "pronoun") for s in found)
        return ()

    # --- helpers -------------------------------------------------------------------

    def _window_start(self, token: Token) -> int:
        """Cleaned offset where the antecedent search stops (a few blocks back)."""
        blocks = self.source.blocks
        if not blocks:
            return 0
        index = max(0, bisect_right(self._block_starts, token.idx) - 1)
        first = max(0, index - self.lex.pronoun_window_blocks)
        return blocks[first].clean_start

    def is_audience(self, verb: Token, subject: Token) -> bool:
        """A headline passive: "..., councillors told" has the audience as its subject."""
        if verb.lemma_.lower() not in self.lex.audience_verbs:
            return False
        has_object = any(c.dep_ in ("dobj", "dative", "iobj") for c in verb.children)
        noun = subject.lower_ in self.lex.audience_nouns or (
            subject.lemma_.lower() in self.lex.audience_nouns
        )
        return noun and not has_object

    def _appositions(self, token: Token) -> list[Token]:
        related = [c for c in token.children if c.dep_ == "appos"]
        if token.dep_ == "appos":
            related.append(token.head)
        return related

    def _entity_speaker(self, entity: Span, how: str, gender: str | None = None) -> Speaker:
        """The speaker a mention names, by its fullest name (of ``gender`` when a he/she
        chose it: "she" and the surname "Fiorina" are Carly Fiorina, not Frank)."""
        if entity.label_ == "PERSON":
            fullest = self.fullest_name(entity, gender)
            if fullest is not entity:
                how = "fullest-name" if how == "named" else how
            entity = fullest
        start = entity.start_char
        if (
            entity.label_ == "ROLE"
            and entity.start > 0
            and self.doc[entity.start - 1].lower_ == "the"
        ):
            start = self.doc[entity.start - 1].idx  # "The Executive Director People Services"
        label = SPEAKER_ENTITIES[entity.label_]
        return Speaker(
            self.source.clean[start : entity.end_char], start, entity.end_char, label, how
        )

    def _surname(self, entity: Span) -> str:
        words = self._name_words(entity)
        return words[-1] if words else ""

    def _person_key(self, entity: Span) -> tuple[str, ...]:
        """The name words of the person a mention is, by the fullest name the document
        gives; () for a surname alone that two full names share ("Clinton" beside "Bill
        Clinton" and "Hillary Clinton", or a full name the model typed otherwise)."""
        words = self._name_words(entity)
        if not words:
            return ()
        if len(words) == 1:
            if words[0] in self._other_bearers or words[0] in self._titled_apart:
                return ()
            full = {
                tuple(self._name_words(e))
                for e in self._by_surname.get(words[0], ())
                if len(self._name_words(e)) > 1
            }
            if len(full) > 1:
                return ()
            if full and self._role_title(entity):
                return tuple(self._name_words(self.fullest_name(entity)))
            if full:
                return next(iter(full))
        return tuple(self._name_words(self.fullest_name(entity)))

    def gender_of(self, entity: Span) -> str | None:
        """The gender the document gives this person (``_gender_evidence``), if any. A
        surname that two full names share has theirs when they agree ("Bush" beside
        "Jeb Bush" and "George W. Bush")."""
        own = self._honorific_gender(entity)
        if own:
            return own  # "Mrs. Clinton", even where "Bill Clinton" shares the surname
        key = self._person_key(entity)
        if key:
            return self.gender.get(key)
        words = self._name_words(entity)
        if len(words) != 1 or words[0] in self._other_bearers:
            return None
        genders = {
            self.gender.get(tuple(self._name_words(e)))
            for e in self._by_surname.get(words[0], ())
            if len(self._name_words(e)) > 1
        }
        return genders.pop() if len(genders) == 1 else None

    def _full_gender(self, entity: Span) -> str | None:
        """The gender of a full name's person (None before the evidence is gathered)."""
        gender = getattr(self, "gender", None)
        return gender.get(tuple(self._name_words(entity))) if gender else None

    def _role_title(self, entity: Span) -> str | None:
        """A role title written before or as the first word of a name ("Sheriff Brown",
        "Det Insp Mark Cole"): models/entities.yaml person_titles."""
        return next((w for w in self._title_places(entity) if w in self._titles_known), None)

    def _honorific_gender(self, entity: Span) -> str | None:
        genders = self.lex.honorific_gender
        return next((genders[w] for w in self._title_places(entity) if w in genders), None)

    def _title_places(self, entity: Span) -> tuple[str, str]:
        """Where a title of a name is written: its first word ("Sheriff Brown" as the
        model's span) or the word before it ("Sheriff" before the span "Brown")."""
        previous = self.doc[entity.start - 1].lower_.rstrip(".") if entity.start else ""
        return entity[0].lower_.rstrip("."), previous

    def _gender_evidence(self) -> dict[tuple[str, ...], str]:
        """Gender by person, from the document itself: a title ("Mrs Lewis"), a gendered
        noun naming the person ("actress Zoe Saldana", "his wife, Jane", "Ann Cole, a
        spokeswoman"), or a possessive or reflexive in the clause the person is subject
        of, naming no one else ("Fiorina spoke about her distaste", not "Podesta said
        her position ...")."""
        votes: dict[tuple[str, ...], set[str]] = {}

        def vote(ent: Span, gender: str) -> None:
            key = self._person_key(ent)
            if key:
                votes.setdefault(key, set()).add(gender)

        nouns = self.lex.noun_gender
        starts = [e.start for e in self.persons]  # persons are in text order
        for ent in self.persons:
            previous = self.doc[ent.start - 1] if ent.start else None
            honorific = self._honorific_gender(ent)
            if honorific:
                vote(ent, honorific)
            if (
                previous is not None
                and previous.pos_ in ("NOUN", "PROPN")
                and previous.lemma_.lower() in nouns
                and self._titles(previous, ent)
            ):
                vote(ent, nouns[previous.lemma_.lower()])
            for related in self._appositions(ent.root):
                if related == ent.root.head and self._verb_after(ent):
                    continue  # "the woman Tom Hale saw", parsed as an apposition
                if related.pos_ == "NOUN" and related.lemma_.lower() in nouns:
                    vote(ent, nouns[related.lemma_.lower()])
        for ent in self.persons:
            if ent.root.dep_ != "nsubj":
                continue
            verb = ent.root.head
            # Only where the clause names no one else: "Trump attacked Clinton over her
            # emails" says nothing of Trump.
            first = bisect_left(starts, verb.left_edge.i)
            last = bisect_right(starts, verb.right_edge.i)
            others = [
                e
                for e in self.persons[first:last]
                if e.root.i != ent.root.i and self._surname(e) != self._surname(ent)
            ]
            if others:
                continue
            # Not inside the name's apposition: "Donald Trump, her opponent" is hers.
            own_phrase = {t.i for c in ent.root.children if c.dep_ == "appos" for t in c.subtree}
            for token in verb.subtree:
                if token.i in own_phrase:
                    continue
                gender = self.lex.pronoun_gender.get(token.lower_)
                own = token.dep_ == "poss" or token.lower_.endswith("self")
                if gender and own and self._same_clause(token, verb):
                    vote(ent, gender)
        # Evidence both ways (two people of one surname, or a misparse): none.
        found = {name: next(iter(g)) for name, g in votes.items() if len(g) == 1}
        # Then a first name that names one gender ("Donald Trump"), for a full name the
        # document says nothing of.
        for ent in self.persons:
            key = self._person_key(ent)
            if len(key) >= 2 and key not in votes and key[0] in self.lex.first_name_gender:
                found[key] = self.lex.first_name_gender[key[0]]
        return found

    @staticmethod
    def _titles(noun: Token, entity: Span) -> bool:
        """Whether the noun right before a name is the name's own title ("actress Zoe
        Saldana": compound of the name, or the name its apposition), not the head of a
        relative clause the name is the subject of ("the man Anna Price saw")."""
        if noun.dep_ in ("compound", "amod", "nmod") and entity.start <= noun.head.i < entity.end:
            return True
        if entity.root.dep_ != "appos" or entity.root.head != noun:
            return False
        return not SpeakerFinder._verb_after(entity)

    @staticmethod
    def _verb_after(entity: Span) -> bool:
        """A verb right after the name: "the woman Tom Hale saw leaving", which the
        parser may read as an apposition, makes the name a clause's subject."""
        return entity.end < len(entity.doc) and entity.doc[entity.end].pos_ == "VERB"

    @staticmethod
    def _same_clause(token: Token, verb: Token) -> bool:
        """Whether ``token`` hangs from ``verb`` without crossing into another clause:
        "Fiorina spoke about her distaste" (her = Fiorina), not "Reynolds says he ..."."""
        current = token
        for _ in range(8):
            if current.head == verb:
                return current.dep_ not in _CLAUSES
            if current.dep_ in _CLAUSES or current.head == current:
                return False
            current = current.head
        return False

    def _person_by_surname(self, entity: Span) -> Span | None:
        """The person a one-word ORG stands for when the document names a person with
        that surname: resolution within the document outranks the model's label."""
        words = [t.lower_ for t in entity if t.is_alpha]
        if not 1 <= len(words) <= 2 or not entity.text[:1].isupper():
            return None
        words = words[-1:]
        same = self._by_surname.get(words[0])
        if not same or self._longest[words[0]] < 2:
            return None
        # As a person, so that its own title counts ("Sheriff Brown" typed otherwise is
        # not the document's Lisa Brown).
        return self.fullest_name(Span(self.doc, entity.start, entity.end, label="PERSON"))

    def fullest_name(self, entity: Span, wanted: str | None = None) -> Span:
        """The longest name in the document for the same person ("Cllr Smithers" ->
        "Cllr Jason Smithers"), the occurrence nearest before ``entity`` if any.

        A name with a role title ("Sheriff Brown", "President Trump") joins only a full
        name the document writes with that title too ("Sheriff Mike Brown"): the one
        full name of the surname is often someone else (the dead woman, the wife). A
        name with a gendered honorific ("Mrs Hughes") joins no full name the document
        gives the other honorific; one a he/she chose (``wanted``) none of the other
        gender."""
        surname = self._name_words(entity)[-1:]
        same = self._by_surname.get(surname[0], []) if surname else []
        if not same:
            return entity
        title = self._role_title(entity)
        own = len(self._bare_words(entity) if title else self._name_words(entity))
        if self._longest[surname[0]] <= own:
            return entity  # the common case, without a walk over every mention
        if title:
            titled = {self._bare_words(e) for e in same if self._role_title(e) == title}
            same = [e for e in same if self._bare_words(e) in titled]
            size = self._bare_words
        else:
            gender = self._honorific_gender(entity)
            if not gender and own == 1 and surname[0] in self._titled_apart:
                return entity  # "Trump" after "President Trump": not the one full name
            if gender:
                other = {
                    tuple(self._name_words(e))
                    for e in same
                    if (self._honorific_gender(e) or gender) != gender
                }
                same = [e for e in same if tuple(self._name_words(e)) not in other]
            size = self._name_words
        if wanted:  # chosen by a he/she: never a full name of the other gender
            same = [e for e in same if (self._full_gender(e) or wanted) == wanted]
        longest = max((len(size(e)) for e in same), default=0)
        if longest <= own:
            return entity
        candidates = [e for e in same if len(size(e)) == longest]
        before = [e for e in candidates if e.start <= entity.start]
        return before[-1] if before else candidates[0]

    def _bare_words(self, entity: Span) -> tuple[str, ...]:
        """Name words without a leading role title ("Sheriff Brown": brown)."""
        words = self._name_words(entity)
        return tuple(words[1:] if words and words[0] in self._titles_known else words)

    def _name_words(self, entity: Span) -> list[str]:
        words = [t.lower_ for t in entity if t.is_alpha]
        return [w for w in words if w not in self.lex.honorifics]

    def _report_speaker(self, token: Token) -> Speaker:
        """A report noun as speaker ("the report", "inspectors"): the organisation named
        with it ("Ofsted inspectors"), else the document's reporting organisation, else
        a group named by the phrase."""
        for child in token.children:
            ent = self.entity_of.get(child.i)
            if (
                ent is not None
                and ent.label_ == "ORG"
                and child.dep_ in ("compound", "amod", "poss", "nmod")
            ):
                return Speaker(ent.text, ent.start_char, ent.end_char, "ORG", "named")
        if self.report_org is not None:
            mention = self._nearest_mention(self.report_org, token.idx)
            if mention is not None:
                return Speaker(
                    mention.text, mention.start_char, mention.end_char, "ORG", "report-org"
                )
        return Speaker(*self._noun_phrase(token), "GROUP", "group")

    def _nearest_mention(self, name: str, offset: int) -> Span | None:
        mentions = self.org_mentions.get(name, [])
        if not mentions:
            return None
        i = bisect_right(self._org_starts[name], offset)
        return mentions[i - 1] if i else mentions[0]

    def _noun_phrase(self, token: Token) -> tuple[str, int, int]:
        """Text and cleaned span of the noun phrase headed by ``token``, without
        appositions, relative clauses or coordinated phrases."""
        keep = [token]
        for child in token.children:
            modifier = child.dep_ in _NP_KEEP and child.i < token.i
            complement = child.dep_ == "prep" and child.i > token.i
            if modifier or (complement and child.lower_ in _NP_PREPOSITIONS):
                keep.extend(child.subtree)
        first = min(t.i for t in keep)
        last = max(t.i for t in keep)
        span = self.doc[first : last + 1]
        return span.text, span.start_char, span.end_char


def report_organisation(doc: Doc, lexicon: QuoteLexicon) -> str | None:
    """The organisation whose report or inspectors a document quotes, when it says so:
    an ORG modifying a report noun ("Ofsted inspectors", "the Ofsted report"), the
    subject of an inspecting verb ("Ofsted inspected") or its ``by`` agent."""
    votes: Counter[str] = Counter(_norm(ent.text) for ent in reporting_mentions(doc, lexicon))
    if not votes:
        return None
    return votes.most_common(1)[0][0]


def reporting_mentions(doc: Doc, lexicon: QuoteLexicon) -> list[Span]:
    """ORG mentions the document shows inspecting or reporting: "Ofsted inspectors", "the
    CQC report", "the Inspectorate visited", "rated inadequate by Ofsted"."""
    return [e for e in doc.ents if e.label_ == "ORG" and _names_reporter(e.root, lexicon)]


def _names_reporter(root: Token, lexicon: QuoteLexicon) -> bool:
    head = root.head
    if root.dep_ in ("compound", "amod", "poss", "nmod"):
        return _is_report_noun(head, lexicon)  # "Ofsted inspectors", "the Ofsted report"
    if root.dep_ == "nsubj":
        return head.lemma_.lower() in lexicon.inspecting_verbs  # "Ofsted inspected"
    if root.dep_ == "pobj" and head.lower_ == "by":
        # "rated inadequate by Ofsted", "the inspection by Ofsted"
        verb = head.head
        return verb.lemma_.lower() in lexicon.inspecting_verbs or _is_report_noun(verb, lexicon)
    return False


def _is_report_noun(token: Token, lexicon: QuoteLexicon) -> bool:
    return token.lower_ in lexicon.report_nouns or token.lemma_.lower() in lexicon.report_nouns


def _norm(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").split())


def _verb_in(verb: Token, words: frozenset[str]) -> bool:
    """The verb's lemma is one of ``words``; or its surface form less an inflection is,
    for verbs the lemmatizer does not know ("retweeted" lemmatised "retweete")."""
    if verb.lemma_.lower() in words:
        return True
    lower = verb.lower_
    for ending in ("ed", "d", "ing", "s"):
        if lower.endswith(ending) and lower[: -len(ending)] in words:
            return True
    return False
