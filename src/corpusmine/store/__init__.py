"""Store: the SQLite file that holds every document, mention, quote, claim and entity."""

from .database import DEFAULT_DB, Store, default_db_path
from .schema import SCHEMA_VERSION

__all__ = ["DEFAULT_DB", "SCHEMA_VERSION", "Store", "default_db_path"]
