"""Past one machine: the NLP stage on an existing Dask distributed cluster.

``corpusmine extract PATH --scheduler tcp://HOST:PORT`` sends each batch of documents
to the cluster as bytes (the ingested text travels with its id; workers never open the
files, so they need no shared file system), and the records come back to the one
process that writes the database. The ``distributed`` package is imported only when a
scheduler is given, so ``--jobs`` runs never load it or start a Dask process.
"""

from __future__ import annotations

from .executor import extract_on_cluster

__all__ = ["extract_on_cluster"]
