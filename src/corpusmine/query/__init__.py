"""Query: the questions a user asks of a database, one module per question.

``entities``, ``mentions``, ``quotes`` (who said what), ``claims``, ``timeline``,
``report``, and for minutes ``attendance`` and ``decisions``; each takes an open ``Store``
and returns ``Results`` (a list of records with ``dicts()`` and ``to_frame()``).
"""

from .attendance import attendance
from .claims import claims, load_claims
from .decisions import decisions
from .entities import entities, matching_entity_ids
from .mentions import mentions
from .quotes import Statement, statements, who_said
from .report import Report, report
from .results import Results, collection_paused
from .timeline import timeline

__all__ = [
    "Report",
    "Results",
    "Statement",
    "attendance",
    "claims",
    "collection_paused",
    "decisions",
    "entities",
    "load_claims",
    "matching_entity_ids",
    "mentions",
    "report",
    "statements",
    "timeline",
    "who_said",
]
