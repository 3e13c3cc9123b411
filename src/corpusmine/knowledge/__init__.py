"""The knowledge layer: every word list, marker and scale of ``models/``, typed.

Knowledge is data, not code: a user can read and extend ``models/`` without touching
Python. Each file is parsed once per process, each list lives in one file, and stages
ask for knowledge by what it is, never by file name::

    from corpusmine.knowledge import honorifics, pronouns, temporal_lexicon
    honorifics().all            # frozenset of lower-case honorifics
    temporal_lexicon().months   # {"january": 1, "jan": 1, ...}

A new list goes into a ``models/`` file and gets a typed loader here (a frozen dataclass
or frozenset built in a ``@cache`` function), so every caller shares one copy.
"""

from __future__ import annotations

from .claims import (
    ClaimVocabulary,
    EventKind,
    HaulKind,
    MeasureKind,
    TollKind,
    claim_vocabulary,
)
from .documents import DebrisRules, debris_rules, kind_names
from .entities import (
    EntityWords,
    PlaceWords,
    entity_words,
    organisation_patterns,
    place_key,
    place_words,
)
from .files import hash_models, load_csv, load_jsonl, load_lines, load_yaml, models_dir
from .formats import DocxStyles, HtmlRules, PdfRules, docx_styles, html_rules, pdf_rules
from .minutes import MinutesLexicon, minutes_lexicon
from .names import (
    DescriptionRule,
    NameLexicon,
    appositive_titles,
    composed_titles,
    job_titles,
    name_lexicon,
    not_entities,
)
from .quotes import QuoteLexicon, quote_lexicon
from .ratings import Grade, Ratings, ratings
from .temporal import Season, TemporalLexicon, Unit, temporal_lexicon
from .words import (
    Honorifics,
    NumberWords,
    Pronouns,
    function_words,
    honorifics,
    number_words,
    pronouns,
    relation_nouns,
    title_small_words,
)

__all__ = [
    "ClaimVocabulary",
    "EventKind",
    "HaulKind",
    "MeasureKind",
    "TollKind",
    "QuoteLexicon",
    "claim_vocabulary",
    "quote_lexicon",
    "title_small_words",
    "relation_nouns",
    "DescriptionRule",
    "DocxStyles",
    "EntityWords",
    "Grade",
    "Honorifics",
    "HtmlRules",
    "MinutesLexicon",
    "NameLexicon",
    "NumberWords",
    "PdfRules",
    "Pronouns",
    "Ratings",
    "Season",
    "TemporalLexicon",
    "Unit",
    "appositive_titles",
    "composed_titles",
    "docx_styles",
    "entity_words",
    "organisation_patterns",
    "PlaceWords",
    "place_key",
    "place_words",
    "function_words",
    "hash_models",
    "honorifics",
    "html_rules",
    "job_titles",
    "kind_names",
    "DebrisRules",
    "debris_rules",
    "load_csv",
    "load_jsonl",
    "load_lines",
    "load_yaml",
    "models_dir",
    "minutes_lexicon",
    "name_lexicon",
    "not_entities",
    "number_words",
    "pdf_rules",
    "pronouns",
    "ratings",
    "temporal_lexicon",
]
