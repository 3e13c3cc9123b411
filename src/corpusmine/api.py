"""The library API a notebook user calls, and the CLI calls too.

    import corpusmine
    corpus = corpusmine.open("corpusmine.db")      # or corpusmine.extract(["seeds/"], db=...)
    corpus.who_said("Smithers")                      # Results of Statement records
    corpus.claims(subject="fostering").to_frame()    # pandas DataFrame
    corpus.decisions(person="Cuddy").to_frame()      # what Cuddy moved, seconded, voted
    corpus.report().to_html()

Every query opens the database, answers, and closes it again, so a ``Corpus`` can be
kept while another process extracts into the same file.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from . import query
from .store import Store, StoredAttendance, StoredDecision, StoredMention, default_db_path

if TYPE_CHECKING:
    from .analyse import StoredClaim
    from .records import Entity
    from .runner import Aliases, RunSummary

T = TypeVar("T")


class Corpus:
    """A corpusmine database, and the questions it answers."""

    def __init__(self, db: str | os.PathLike[str], summary: RunSummary | None = None) -> None:
        self.db = Path(db)
        self.summary = summary  # what the extract run that made this Corpus did, if any

    def __repr__(self) -> str:
        return f"Corpus({str(self.db)!r})"

    def _ask(self, question: Callable[..., T], *args: Any) -> T:
        with Store(self.db, create=False) as store, query.collection_paused():
            return question(store, *args)

    def entities(self, type: str | None = None) -> query.Results[Entity]:  # noqa: A002
        """Entities (of one type: PERSON, ORG, ...), most mentioned first."""
        return self._ask(query.entities, type)

    def mentions(
        self, label: str | None = None, document: str | None = None
    ) -> query.Results[StoredMention]:
        """Mentions in text order, of one label and/or document."""
        return self._ask(query.mentions, label, document)

    def who_said(
        self,
        speaker: str | None = None,
        about: str | None = None,
        document: str | None = None,
        kind: str | None = None,
    ) -> query.Results[query.Statement]:
        """Statements, by a speaker (through any alias), about words or an entity."""
        return self._ask(query.who_said, speaker, about, document, kind)

    def attendance(
        self,
        person: str | None = None,
        document: str | None = None,
        status: str | None = None,
    ) -> query.Results[StoredAttendance]:
        """Who attended which meeting (one person through any alias, one meeting, one
        status: present, apologies, absent, also_present, remote)."""
        return self._ask(query.attendance, person, document, status)

    def decisions(
        self,
        person: str | None = None,
        about: str | None = None,
        document: str | None = None,
        outcome: str | None = None,
    ) -> query.Results[StoredDecision]:
        """What meetings decided; with ``person``, what they moved, seconded and voted on."""
        return self._ask(query.decisions, person, about, document, outcome)

    def claims(
        self, subject: str | None = None, attribute: str | None = None
    ) -> query.Results[StoredClaim]:
        """Claims whose subject and attribute contain the words given."""
        return self._ask(query.claims, subject, attribute)

    def timeline(self) -> query.Results[dict[str, Any]]:
        """Dated events in order, with their documents and whether those agree."""
        return self._ask(query.timeline)

    def report(self) -> query.Report:
        """The report: ``.data``, ``.to_json()``, ``.to_markdown()``, ``.to_html()``."""
        return self._ask(query.report)


def open(db: str | os.PathLike[str] | None = None) -> Corpus:  # noqa: A001 - corpusmine.open
    """The corpus in an existing database (default ``corpusmine.db`` or $CORPUSMINE_DB)."""
    path = Path(db if db is not None else default_db_path())
    with Store(path, create=False):
        pass  # checks that it is a corpusmine database of a known schema
    return Corpus(path)


def extract(
    paths: Sequence[str | os.PathLike[str]],
    db: str | os.PathLike[str] | None = None,
    *,
    aliases: Aliases | None = None,
    **options: Any,
) -> Corpus:
    """Extract ``paths`` into ``db`` (created if missing) and return the corpus.

    ``options`` are those of ``run_extract`` (model, jobs, force, force_resolve, max_bytes,
    on_progress, on_failure); ``aliases`` are remembered for later runs. ``Corpus.summary``
    says what the run did (failures included: a file that cannot be read does not stop the others).
    """
    from .runner import run_extract  # loads the NLP side only when extracting

    path = Path(db if db is not None else default_db_path())
    summary = run_extract([os.fspath(p) for p in paths], path, aliases=aliases, **options)
    return Corpus(path, summary)
