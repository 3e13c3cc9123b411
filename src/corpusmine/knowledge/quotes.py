"""The word lists and weights of quote attribution (``models/quotes.yaml``), typed.

Honorifics and pronouns are the shared ones of ``words.yaml``; single-word job titles
(``job_titles.yaml``) count as role nouns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .files import load_yaml
from .names import appositive_titles
from .words import honorifics, pronouns

__all__ = ["QuoteLexicon", "quote_lexicon", "speaker_named"]


@dataclass(frozen=True)
class QuoteLexicon:
    """Cue verbs, speaker nouns, minutes lead-ins and confidence weights."""

    speech_verbs: frozenset[str]
    source_verbs: frozenset[str]
    stance_verbs: frozenset[str]
    reaction_verbs: frozenset[str]  # "disagree", "hit back": a verb with its particle
    continuing_verbs: frozenset[str]
    receiving_verbs: frozenset[str]
    sent_messages: frozenset[str]
    audience_verbs: frozenset[str]
    audience_nouns: frozenset[str]
    report_nouns: frozenset[str]
    report_speakers: frozenset[str]
    inspecting_verbs: frozenset[str]
    group_nouns: frozenset[str]
    role_nouns: frozenset[str]
    org_nouns: frozenset[str]
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    pronoun_gender: dict[str, str]  # pronoun -> female | male
    honorific_gender: dict[str, str]  # honorific -> female | male (names.yaml)
    noun_gender: dict[str, str]  # gendered noun naming a person -> female | male
    first_name_gender: dict[str, str]  # first name -> female | male (weakest evidence)
    lead_ins: tuple[re.Pattern[str], ...]
    not_speech_before: tuple[str, ...]
    honorifics: frozenset[str]
    rule_confidence: dict[str, float]
    speaker_confidence: dict[str, float]
    recovered_mark: float
    joint: float
    uncertain_below: float
    min_direct_words: int
    pronoun_window_blocks: int
    pronoun_window_persons: int

    @property
    def cue_verbs(self) -> frozenset[str]:
        """Every verb whose subject can be the source of quoted words."""
        return self.speech_verbs | self.source_verbs

    @property
    def reading_verbs(self) -> frozenset[str]:
        """Verbs of saying that are also of taking in ("read"): they speak only through
        the message itself ("the statement read: ..."); a person who reads is a reader
        ('"Back soon," Tom Berg read on a note')."""
        return self.speech_verbs & self.receiving_verbs

    def confidence(self, rule: str, speaker_how: str) -> float:
        """Confidence of an attribution made by ``rule`` to a speaker named ``speaker_how``."""
        return self.rule_confidence[rule] * self.speaker_confidence.get(speaker_how, 0.8)


def _words(data: dict, key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in data.get(key, ()))


@cache
def quote_lexicon() -> QuoteLexicon:
    """The quote lexicon, loaded once per process."""
    data = load_yaml("quotes.yaml")
    confidence = data["confidence"]
    role_nouns = _words(data, "role_nouns") | {t for t in appositive_titles() if " " not in t}
    return QuoteLexicon(
        speech_verbs=_words(data, "speech_verbs"),
        source_verbs=_words(data, "source_verbs"),
        stance_verbs=_words(data, "stance_verbs"),
        reaction_verbs=_words(data, "reaction_verbs"),
        continuing_verbs=_words(data, "continuing_verbs"),
        receiving_verbs=frozenset(str(w).lower() for w in data["receiving_verbs"]),
        sent_messages=_words(data, "sent_messages"),
        audience_verbs=_words(data, "audience_verbs"),
        audience_nouns=_words(data, "audience_nouns"),
        report_nouns=_words(data, "report_nouns"),
        report_speakers=_words(data, "report_speakers"),
        inspecting_verbs=_words(data, "inspecting_verbs"),
        group_nouns=_words(data, "group_nouns"),
        role_nouns=frozenset(role_nouns),
        org_nouns=_words(data, "org_nouns"),
        person_pronouns=pronouns().person,
        group_pronouns=pronouns().group,
        pronoun_gender={
            **{w: "female" for w in pronouns().female},
            **{w: "male" for w in pronouns().male},
        },
        honorific_gender={
            **{h: "female" for h in honorifics().female},
            **{h: "male" for h in honorifics().male},
        },
        noun_gender={
            **{str(w).lower(): "female" for w in data["gendered_nouns"]["female"]},
            **{str(w).lower(): "male" for w in data["gendered_nouns"]["male"]},
        },
        first_name_gender={
            **{str(w).lower(): "female" for w in data["first_name_gender"]["female"]},
            **{str(w).lower(): "male" for w in data["first_name_gender"]["male"]},
        },
        lead_ins=tuple(re.compile(p, re.IGNORECASE) for p in data["lead_in_patterns"]),
        not_speech_before=tuple(str(w).lower() for w in data["not_speech_before"]),
        honorifics=honorifics().all,
        rule_confidence={k: float(v) for k, v in confidence["rules"].items()},
        speaker_confidence={k: float(v) for k, v in confidence["speakers"].items()},
        recovered_mark=float(confidence["recovered_mark"]),
        joint=float(confidence["joint"]),
        uncertain_below=float(data["uncertain_below"]),
        min_direct_words=int(data["min_direct_words"]),
        pronoun_window_blocks=int(data["pronoun_window_blocks"]),
        pronoun_window_persons=int(data["pronoun_window_persons"]),
    )


def speaker_named(mention: str) -> str:
    """The speaker a quote's mention names: "" for a bare pronoun nobody resolved ("she
    said" with nobody named before), which is no one speaker: every document's unresolved
    "he" would otherwise count as one person (and "he" is inside many names)."""
    words = pronouns()
    return "" if mention.strip().lower() in words.person | words.group else mention
