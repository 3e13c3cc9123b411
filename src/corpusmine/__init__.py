"""corpusmine: who is who, who said what, and which claims a folder of documents makes.

The library API (``api.py``): ``corpusmine.open(db)`` gives a ``Corpus`` whose methods
answer the questions of the command line (``who_said``, ``entities``, ``mentions``,
``claims``, ``timeline``, ``report``) as lists of records with ``.to_frame()``;
``corpusmine.extract([paths], db=...)`` fills a database first. Lower down,
``run_extract`` fills a ``Store``. The command line (``corpusmine``) is a thin layer over
these.
"""

from typing import TYPE_CHECKING, Any

from .api import Corpus, extract, open
from .errors import CorpusmineError
from .store import Store

if TYPE_CHECKING:
    from .runner import RunSummary, run_extract


def __getattr__(name: str) -> Any:
    # The extract side loads spaCy (a second or more); query commands never need it.
    if name in {"RunSummary", "run_extract"}:
        from . import runner

        return getattr(runner, name)
    raise AttributeError(name)


__version__ = "0.1.0"

__all__ = [
    "Corpus",
    "CorpusmineError",
    "RunSummary",
    "Store",
    "__version__",
    "extract",
    "open",
    "run_extract",
]
