"""Store: the SQLite file that holds every document, mention, quote, claim and entity.

The only package with SQL. Writes are methods of ``Store`` (``database.py``); reads are
methods too (``reads.py``) and return the frozen records of ``records.py``.
"""

from .database import DEFAULT_DB, RESOLVED_STATE, Store, default_db_path
from .records import (
    ClaimRow,
    DocumentInfo,
    EntityName,
    Span,
    StoredAttendance,
    StoredDecision,
    StoredMention,
    StoredPerson,
    StoredQuote,
)
from .schema import SCHEMA_VERSION

__all__ = [
    "DEFAULT_DB",
    "RESOLVED_STATE",
    "SCHEMA_VERSION",
    "ClaimRow",
    "DocumentInfo",
    "EntityName",
    "Span",
    "Store",
    "StoredAttendance",
    "StoredDecision",
    "StoredMention",
    "StoredPerson",
    "StoredQuote",
    "default_db_path",
]
