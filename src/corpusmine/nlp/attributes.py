"""The model's attribute ruler and lemmatizer, applied in one cheap pass.

spaCy's AttributeRuler runs a Matcher with every pattern (179 in the English models,
nearly all single-token "this tag, maybe this word") against every token, and the rule
lemmatizer builds a Token object per word. Together they cost about a fifth of the
whole model on news text. This component gives the same POS, MORPH, TAG, DEP and
LEMMA values: it indexes the ruler's own patterns by their first token's word or tag,
applies the matches in the ruler's precedence order, and asks the model's own
lemmatizer only for (word, POS, morphology) triples it has not seen before.

Only the pattern language the models use is supported (token keys TAG, LOWER, ORTH,
DEP, IS_SPACE; exact values, IN, NOT_IN, REGEX); given anything else ``adopt`` returns
False and the pipeline keeps spaCy's components.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.lookups import Table
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.strings import StringStore
from spacy.tokens import Doc

# What patterns may test, read once per doc with to_array (string hashes; 0/1 for
# IS_SPACE), in this order.
_READ = (TAG, LOWER, ORTH, DEP, IS_SPACE)
_FIELDS = {"TAG": 0, "LOWER": 1, "ORTH": 2, "TEXT": 2, "DEP": 3, "IS_SPACE": 4}
_INDEX_ORDER = ("LOWER", "TAG", "DEP", "IS_SPACE")  # most selective first
_WRITTEN = (TAG, POS, MORPH, LEMMA)  # columns of the value table, in from_array order
_COLUMN = {attr: column for column, attr in enumerate(_WRITTEN)}

Check = tuple[int, Callable[[int], bool]]  # (feature field, test of its value)


@dataclass(frozen=True)
class _Rule:
    order: int  # the ruler's precedence: a later rule overwrites an earlier one
    tokens: tuple[tuple[Check, ...], ...]  # per token of the pattern, what must hold
    index: int  # which token of the match receives the attributes
    attrs: tuple[tuple[int, int], ...]  # (attribute id, value) as the ruler normalised them


@Language.factory(
    "corpusmine_attributes",
    assigns=["token.pos", "token.morph", "token.lemma", "token.tag", "token.dep"],
    requires=["token.tag", "token.dep"],
)
def make_attributes(nlp: Language, name: str) -> FastAttributes:
    return FastAttributes(nlp)


class FastAttributes:
    """AttributeRuler + rule Lemmatizer with identical output, without the Matcher."""

    def __init__(self, nlp: Language) -> None:
        self.vocab = nlp.vocab
        # Rules filed by an exact value their first token must have, per feature field.
        self.indexes: dict[int, dict[int, list[_Rule]]] = {}
        self.unindexed: list[_Rule] = []
        self.lemmatizer: Lemmatizer | None = None
        self.lemmas: dict[tuple[int, int, int], int] = {}

    def adopt(self, ruler: AttributeRuler, lemmatizer: Lemmatizer | None) -> bool:
        """Take over the ruler's patterns and the lemmatizer's tables; False if unsupported."""
        if lemmatizer is not None and lemmatizer.mode != "rule":
            return False
        rules: list[tuple[_Rule, dict]] = []
        for order, pattern in enumerate(ruler.patterns):
            attrs = tuple(ruler.attrs[order].items())
            if any(attr not in (*_WRITTEN, DEP) for attr, _ in attrs):
                return False
            for tokens in pattern["patterns"]:
                compiled = _compile_tokens(tokens, self.vocab.strings)
                if compiled is None:
                    return False
                rules.append((_Rule(order, compiled, pattern["index"], attrs), tokens[0]))
        for rule, first in rules:
            self._index(rule, first)
        if lemmatizer is not None:
            _index_lists_to_sets(lemmatizer)
        self.lemmatizer = lemmatizer
        return True

    def _index(self, rule: _Rule, first: dict) -> None:
        """File a rule under the exact values its first token must have (the most
        selective feature that has them); the index lookup then stands for that test."""
        for key in _INDEX_ORDER:
            values = _exact_values(first.get(key), self.vocab.strings)
            if values is None:
                continue
            field = _FIELDS[key]
            first_checks = tuple(c for c in rule.tokens[0] if c[0] != field)
            rule = _Rule(rule.order, (first_checks, *rule.tokens[1:]), rule.index, rule.attrs)
            table = self.indexes.setdefault(field, {})
            for value in values:
                table.setdefault(value, []).append(rule)
            return
        self.unindexed.append(rule)

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        features = [tuple(row) for row in doc.to_array(list(_READ)).tolist()]
        columns = [list(c) for c in zip(*doc.to_array(list(_WRITTEN)).tolist(), strict=True)]
        late_deps: list[tuple[int, int]] = []
        for _, start, rule in sorted(self._matches(features), key=lambda m: m[:2]):
            target = start + (rule.index if rule.index >= 0 else len(rule.tokens) + rule.index)
            for attr, value in rule.attrs:
                if attr == DEP:
                    late_deps.append((target, value))
                else:
                    columns[_COLUMN[attr]][target] = value
        written = numpy.array(columns[:3], dtype=numpy.uint64).T
        doc.from_array(list(_WRITTEN[:3]), written)
        for position, value in late_deps:
            doc[position].dep = value
        if self.lemmatizer is not None:
            self._lemmatize(doc, columns)
        return doc

    def _matches(self, features: list[tuple]) -> list[tuple[int, int, _Rule]]:
        found = []
        n = len(features)
        indexes = list(self.indexes.items())
        for start, token in enumerate(features):
            groups = [table.get(token[field], ()) for field, table in indexes]
            for group in (*groups, self.unindexed):
                for rule in group:
                    tokens = rule.tokens
                    looked_up = len(tokens) == 1 and not tokens[0]  # the index was the test
                    if looked_up or (start + len(tokens) <= n and _holds(tokens, features, start)):
                        found.append((rule.order, start, rule))
        return found

    def _lemmatize(self, doc: Doc, columns: list[list[int]]) -> None:
        """Lemmas for words the ruler gave none, cached by (word, POS, morphology)."""
        assert self.lemmatizer is not None
        orths = doc.to_array(ORTH).tolist()
        pos, morph, lemmas = columns[_COLUMN[POS]], columns[_COLUMN[MORPH]], columns[_COLUMN[LEMMA]]
        add, cache = self.vocab.strings.add, self.lemmas
        for i, lemma in enumerate(lemmas):
            if lemma:
                continue
            key = (orths[i], pos[i], morph[i])
            lemma = cache.get(key)
            if lemma is None:
                lemma = cache[key] = add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = lemma
        doc.from_array([LEMMA], numpy.array(lemmas, dtype=numpy.uint64).reshape(-1, 1))


def adopt_into(nlp: Language) -> bool:
    """Swap the model's attribute_ruler (and lemmatizer) for the fast equivalent."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    if not isinstance(ruler, AttributeRuler):
        return False
    fast = nlp.add_pipe("corpusmine_attributes", before="attribute_ruler")
    if not fast.adopt(ruler, lemmatizer):
        nlp.remove_pipe("corpusmine_attributes")
        return False
    nlp.remove_pipe("attribute_ruler")
    if lemmatizer is not None:
        nlp.remove_pipe("lemmatizer")
    return True


def _holds(tokens: tuple[tuple[Check, ...], ...], features: list[tuple], start: int) -> bool:
    for offset, checks in enumerate(tokens):
        token = features[start + offset]
        for field, test in checks:
            if not test(token[field]):
                return False
    return True


def _compile_tokens(
    tokens: list[dict], strings: StringStore
) -> tuple[tuple[Check, ...], ...] | None:
    compiled = []
    for spec in tokens:
        checks = []
        for key, wanted in spec.items():
            test = _test(wanted, strings) if key in _FIELDS else None
            if test is None:
                return None
            checks.append((_FIELDS[key], test))
        compiled.append(tuple(checks))
    return tuple(compiled)


def _test(wanted: object, strings: StringStore) -> Callable[[int], bool] | None:
    """The Matcher's meaning of one token-pattern value, as a test of a feature's hash."""
    exact = _exact_values(wanted, strings)
    if exact is not None:
        return frozenset(exact).__contains__
    if not isinstance(wanted, dict) or not wanted or not set(wanted) <= {"IN", "NOT_IN", "REGEX"}:
        return None
    tests: list[Callable[[int], bool]] = []
    if "IN" in wanted:
        tests.append(frozenset(strings.add(v) for v in wanted["IN"]).__contains__)
    if "NOT_IN" in wanted:
        banned = frozenset(strings.add(v) for v in wanted["NOT_IN"])
        tests.append(lambda value: value not in banned)
    if "REGEX" in wanted:
        search = re.compile(wanted["REGEX"]).search
        tests.append(lambda value: search(strings[value]) is not None)
    return tests[0] if len(tests) == 1 else lambda value: all(t(value) for t in tests)


def _exact_values(wanted: object, strings: StringStore) -> list[int] | None:
    """Hashes of the values a pattern accepts exactly (booleans as 0/1), if it lists them."""
    if isinstance(wanted, bool):
        return [int(wanted)]
    if isinstance(wanted, str):
        return [strings.add(wanted)]
    if isinstance(wanted, dict) and set(wanted) == {"IN"}:
        return [strings.add(v) for v in wanted["IN"]]
    return None


def _index_lists_to_sets(lemmatizer: Lemmatizer) -> None:
    """spaCy's rule lemmatizer tests candidate forms with ``in`` on a list of thousands
    of words (about 0.6 ms per new word); the same words as a set give the same answers."""
    table = lemmatizer.lookups.get_table("lemma_index", None)
    if isinstance(table, Table):
        for key, words in list(table.items()):
            if isinstance(words, list):
                table[key] = frozenset(words)
