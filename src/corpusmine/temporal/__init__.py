"""Time expressions: find them, give them TimeML values, and date undated documents.

The anchoring and granularity logic lives here; dateparser is not needed for the
surface forms the grammar in :mod:`normalize` covers.
"""

from .annotate import annotate_dates
from .infer import infer_document_date
from .normalize import normalize_expression
from .types import DocumentDate, Normalized, Timex

__all__ = [
    "DocumentDate",
    "Normalized",
    "Timex",
    "annotate_dates",
    "infer_document_date",
    "normalize_expression",
]
