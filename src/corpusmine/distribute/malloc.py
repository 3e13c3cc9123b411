"""glibc's allocator on a Dask worker, tuned for the NLP while a batch runs.

A Dask nanny starts every worker with ``MALLOC_TRIM_THRESHOLD_=65536`` (its config
``distributed.nanny.pre-spawn-environ``), so that freed memory goes back to the system
at once. Setting it also freezes glibc's mmap threshold at 128 KiB: every array above
that (a document's token vectors) is then mapped and unmapped each time, and its pages
fault in afresh. Measured on the same BBC batches at the same moment: 14x the page
faults, 4.5x the system time and 17 % more CPU in the NLP thread than in a ``--jobs``
worker; with the thresholds below, the same CPU. They are what glibc's own dynamic
setting reaches for such a load; the worker's settings are put back after each batch.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import threading
from collections.abc import Iterator
from functools import cache

# mallopt parameters (malloc.h)
M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
GLIBC_MMAP_THRESHOLD = 128 * 1024  # glibc's fixed value once a threshold is set
NLP_MMAP_THRESHOLD = 32 * 1024 * 1024  # glibc's ceiling for its dynamic threshold
NLP_TRIM_THRESHOLD = 2 * NLP_MMAP_THRESHOLD  # as glibc keeps them when it adjusts them
TRIM_VARIABLE = "MALLOC_TRIM_THRESHOLD_"
MMAP_VARIABLE = "MALLOC_MMAP_THRESHOLD_"

_LOCK = threading.Lock()
_holders = 0  # batches running under the NLP settings (a worker may run several threads)


@cache
def _mallopt() -> ctypes._CFuncPtr | None:  # type: ignore[name-defined]
    """The C library's ``mallopt``, or None where there is none (macOS, Windows)."""
    try:
        function = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError, TypeError):
        return None
    function.argtypes = (ctypes.c_int, ctypes.c_int)
    function.restype = ctypes.c_int
    return function


def _environment_value(name: str) -> int | None:
    value = os.environ.get(name, "").strip()
    return int(value) if value.isdigit() else None


def worker_trim_threshold() -> int | None:
    """The trim threshold the worker was started with (the nanny's), or None when glibc
    adjusts its thresholds itself (nothing to do then)."""
    return _environment_value(TRIM_VARIABLE)


@contextlib.contextmanager
def allocator_for_nlp() -> Iterator[bool]:
    """Within the block, large arrays are reused instead of mapped afresh; afterwards the
    worker's own thresholds hold again. Yields whether anything was changed."""
    trim, mallopt = worker_trim_threshold(), _mallopt()
    if trim is None or mallopt is None:
        yield False
        return
    global _holders
    with _LOCK:
        _holders += 1
        if _holders == 1:
            mallopt(M_MMAP_THRESHOLD, NLP_MMAP_THRESHOLD)
            mallopt(M_TRIM_THRESHOLD, max(trim, NLP_TRIM_THRESHOLD))
    try:
        yield True
    finally:
        with _LOCK:
            _holders -= 1
            if _holders == 0:
                mmap = _environment_value(MMAP_VARIABLE)
                mallopt(M_MMAP_THRESHOLD, GLIBC_MMAP_THRESHOLD if mmap is None else mmap)
                mallopt(M_TRIM_THRESHOLD, trim)
