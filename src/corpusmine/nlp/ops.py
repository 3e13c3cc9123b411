"""Matrix products for the model through numpy's BLAS instead of thinc's bundled BLIS.

The model's layers (tok2vec, tagger, NER, the parser's feature layer) spend most of
their time in ``Ops.gemm``. thinc routes it to the BLIS copy it ships, which on this
project's machines (x86-64 servers) runs two to three times slower than the OpenBLAS
numpy is built with, one thread each. Same model, same products, same predictions
(checked token by token in the tests); only the library doing the arithmetic changes.
Library users who build their own pipeline keep thinc's default.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import numpy
from thinc.api import NumpyOps, get_current_ops, set_current_ops
from threadpoolctl import threadpool_limits

T = TypeVar("T")


class NumpyBlasOps(NumpyOps):
    """thinc's CPU ops with ``gemm`` done by ``numpy.matmul``."""

    name = "corpusmine_numpy_blas"

    def gemm(self, x, y, out=None, trans1=False, trans2=False):
        left = x.T if trans1 else x
        right = y.T if trans2 else y
        if out is None:
            return numpy.matmul(left, right)
        numpy.matmul(left, right, out=out)
        return out


def load_with_numpy_blas(load: Callable[[], T]) -> T:
    """Run ``load`` (e.g. ``spacy.load``) so that the models it builds use numpy's BLAS;
    the ops current before are restored afterwards."""
    previous = get_current_ops()
    set_current_ops(NumpyBlasOps())
    try:
        return load()
    finally:
        set_current_ops(previous)


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """One BLAS thread per process: ``--jobs N`` means N cores, not N times the cores."""
    with threadpool_limits(limits=1, user_api="blas"):
        yield
