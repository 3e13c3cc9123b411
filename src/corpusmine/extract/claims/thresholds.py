"""Threshold claims: how many of something a named goal takes ("the 1,237 delegates needed
to clinch the Republican nomination", "It takes 2,383 delegates to win the Democratic
nomination", "the 270 electoral votes needed to win the White House").

A threshold is a fact about the goal, not about whoever is chasing it: its subject is the
goal, its attribute the count needed ("count of delegates needed"). The goal must be named
by more than its noun: "the nomination" of one article is the Democrats', of another the
Republicans', so a bare goal (or one named only by "party's") makes no claim. A party is
one party however it is written ("GOP", "Republican"), so the party's goal is written with
the party's one name.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ...knowledge import claim_vocabulary
from ...records import Qualifier
from .amounts import parse_amount
from .context import ClaimContext
from .records import Draft, Phrase
from .subjects import SubjectFinder

__all__ = ["threshold_claims", "threshold_goal"]

_GOAL_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
# Subjects that say "anyone": "It takes ...", "A candidate needs ...", "Either candidate ...".
_GENERIC_DETERMINERS = frozenset({"a", "an", "any", "either", "each", "every"})


def threshold_claims(ctx: ClaimContext, finder: SubjectFinder, sent: Span) -> Iterator[Draft]:
    """A "count of X needed" claim of the goal for each number a named goal takes."""
    from .figures import _unit, count_draft, hedge_before, not_a_count  # figures imports us

    vocab = claim_vocabulary()
    for token in sent:
        if not (token.like_num and token.dep_ == "nummod" and token.head.pos_ == "NOUN"):
            continue
        goal = threshold_goal(ctx, token)
        if goal is None:
            continue
        noun = token.head
        amount = parse_amount(token.text)
        if amount is None or amount.value < vocab.min_singular:
            continue
        if noun.lemma_.lower() in vocab.skip_units or not_a_count(
            ctx, token.text, token.i, token.i + 1
        ):
            continue  # "It would take three weeks to convene the board": a duration
        qualifier, hedge_start = hedge_before(ctx, token.i, token.i)
        if qualifier is not Qualifier.EXACT:
            continue  # "at least 60 votes needed": a bound says how many, not what it takes
        unit = _unit(ctx, token, noun)
        attribute = vocab.needed_template.format(count=vocab.count_template.format(unit=unit))
        yield count_draft(ctx, sent, goal, attribute, amount, unit, qualifier, hedge_start,
                          token, token.head)  # fmt: skip


def threshold_goal(ctx: ClaimContext, number: Token) -> Phrase | None:
    """The named goal a number of things is what it takes ("the 1,237 delegates needed to
    clinch the GOP nomination" -> Republican nomination), or None."""
    noun = number.head
    vocab = claim_vocabulary()
    # "the N delegates needed to clinch X", "the N delegates required for X"
    for child in noun.children:
        # (the parse often tags the participle as a past tense: "needed" VBD under acl)
        participle = child.dep_ == "acl" and child.tag_ in ("VBN", "VBD")
        if participle and child.lemma_.lower() in vocab.need_words:
            return _named_goal(ctx, _purpose_object(child))
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ not in ("VERB", "AUX"):
        return None
    # "It takes N delegates to win X", "A candidate needs N delegates to clinch X"
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "expl")), None)
    if subject is None:
        return None
    expletive = subject.lower_ == "it" and verb.lemma_.lower() in vocab.threshold_verbs
    generic = subject.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in _GENERIC_DETERMINERS for c in subject.children
    )
    needs = verb.lemma_.lower() in vocab.need_words or any(
        c.dep_ == "aux" and c.lower_ in vocab.need_modals for c in verb.children
    )
    if expletive or (generic and needs):
        return _named_goal(ctx, _purpose_object(verb))
    return None


def _purpose_object(verb: Token) -> Token | None:
    """What a verb's "to ..." clause or "for" phrase is for: "needed to clinch the
    nomination", "needed for the nomination" -> nomination."""
    for child in verb.children:
        if child.dep_ in ("xcomp", "advcl") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in child.children
        ):
            return next((c for c in child.children if c.dep_ == "dobj"), None)
        if child.dep_ == "prep" and child.lower_ == "for":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _named_goal(ctx: ClaimContext, goal: Token | None) -> Phrase | None:
    """The goal as a subject: "<Party> nomination" when a party names it, the goal's name
    when it is one ("the White House") or a name modifies it ("the Premier League title"),
    else None ("the nomination", "the party's nod", "a majority", a person)."""
    if goal is None or goal.pos_ not in ("NOUN", "PROPN"):
        return None
    if goal.ent_type_ in ("PERSON", "NORP", "GPE"):
        return None  # "the delegates needed to stop Trump": a rival, not a goal
    # "the Democratic Party nomination": "Democratic" modifies "Party", which modifies it
    modifiers = [t for t in goal.subtree if t.i < goal.i and t.dep_ in _GOAL_MODIFIER_DEPS]
    if any(t.like_num or t.ent_type_ in ("DATE", "CARDINAL") for t in modifiers):
        return None  # "the 2012 nomination": another year's goal
    ent = ctx.index.entity(goal.i)
    if ent is not None and ent.label_ in ("ORG", "FAC") and goal.i == ent.end - 1:
        return ctx.phrase(ent.start, ent.end)  # "the White House"
    # The subject's offsets are the goal noun's: the names before it are a party's or an
    # organisation's ("GOP", "Premier League"), which the goal is not.
    start, end = ctx.span_offsets(goal.i, goal.i + 1)
    parties = claim_vocabulary().parties
    named = {parties[t.lower_] for t in modifiers if t.lower_ in parties}
    if not named and any(t.lemma_.lower() == "party" for t in goal.lefts):
        # "A Democratic candidate needs 2,383 delegates to clinch the party's nomination":
        # the party is the one its sentence names, when it names one
        named = {parties[t.lower_] for t in goal.sent if t.lower_ in parties}
        if len(named) != 1:
            return None
    if len(named) == 1:
        return Phrase(f"{named.pop().capitalize()} {goal.lower_}", start, end)
    names = [t for t in modifiers if t.pos_ == "PROPN"]
    if names and not named:
        # "the Premier League title", "the council's Local Plan"
        words = ctx.phrase(min(t.i for t in names), goal.i + 1).text
        return Phrase(words, start, end)
    return None
