"""corpusmine: who is who, who said what, and which claims a folder of documents makes.

The library API: ``run_extract`` fills a ``Store`` from files; the store answers
queries. The command line (``corpusmine``) is a thin layer over these.
"""

from .errors import CorpusmineError
from .runner import RunSummary, run_extract
from .store import Store

__version__ = "0.1.0"

__all__ = ["CorpusmineError", "RunSummary", "Store", "__version__", "run_extract"]
