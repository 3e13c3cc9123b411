"""The one exception family of corpusmine; the CLI turns these into one-line messages."""

from __future__ import annotations


class CorpusmineError(Exception):
    """Base class of every error corpusmine raises on purpose."""


class ModelNotInstalled(CorpusmineError):
    """The requested spaCy pipeline is not installed."""


class DatabaseError(CorpusmineError):
    """The database cannot be opened, or is from a newer schema version."""


class InputError(CorpusmineError):
    """A path given on the command line does not exist or cannot be read."""


class DocumentError(CorpusmineError):
    """One document could not be read; carries the path and the reason."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class SchedulerError(CorpusmineError):
    """The Dask scheduler cannot be reached, has no workers, or runs another pipeline."""
