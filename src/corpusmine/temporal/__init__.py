"""Time expressions: find them, give them TimeML values, and date undated documents.

The anchoring and granularity logic lives here; dateparser is not needed for the
surface forms the grammar in :mod:`normalize` covers.
"""

from typing import TYPE_CHECKING, Any

from .corpus_dates import CorpusDates, anchor_date, date_undated, dateline
from .normalize import normalize_expression
from .types import DocumentDate, Normalized, Timex

if TYPE_CHECKING:
    from .annotate import annotate_dates
    from .infer import infer_document_date


def __getattr__(name: str) -> Any:
    # These two read spaCy Docs; importing spaCy takes a second that the query side
    # (which only compares stored values) must not pay.
    if name == "annotate_dates":
        from .annotate import annotate_dates

        return annotate_dates
    if name == "infer_document_date":
        from .infer import infer_document_date

        return infer_document_date
    raise AttributeError(name)


__all__ = [
    "CorpusDates",
    "DocumentDate",
    "Normalized",
    "Timex",
    "anchor_date",
    "annotate_dates",
    "date_undated",
    "dateline",
    "infer_document_date",
    "normalize_expression",
]
