"""A query's answer: a list of records that also turns into JSON-ready dicts or a DataFrame."""

from __future__ import annotations

import contextlib
import dataclasses
import gc
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    import pandas

T = TypeVar("T")


def record_dict(record: Any) -> dict[str, Any]:
    """A record's JSON fields: its ``as_dict()``, a dataclass's fields, or a dict as is."""
    if isinstance(record, dict):
        return record
    as_dict = getattr(record, "as_dict", None)
    if as_dict is not None:
        return as_dict()
    if dataclasses.is_dataclass(record):
        # Records hold plain values: a shallow copy in field order is what asdict gives,
        # without its deep copy.
        return {f.name: getattr(record, f.name) for f in dataclasses.fields(record)}
    raise TypeError(f"not a record: {record!r}")


@contextlib.contextmanager
def collection_paused() -> Iterator[None]:
    """Python's cycle collector off while a query builds its records.

    Records, rows and their dicts hold no reference cycles, so the collector finds
    nothing in them; yet every few hundred new containers it walks all the live ones,
    and a corpus-wide answer is hundreds of thousands of them: measured at 17,800
    documents, 2.0 s of the 2.5 s that reading and listing the entities took.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


class Results(list[T], Generic[T]):
    """Records in the order the query gives them."""

    def __init__(
        self, records: Iterable[T] = (), as_dict: Callable[[T], dict[str, Any]] = record_dict
    ) -> None:
        super().__init__(records)
        self._as_dict = as_dict

    def dicts(self) -> list[dict[str, Any]]:
        """Each record as the JSON object of DESIGN.md."""
        with collection_paused():
            return [self._as_dict(record) for record in self]

    def to_frame(self) -> pandas.DataFrame:
        """A pandas DataFrame, one row per record, columns as the JSON fields."""
        import pandas  # a second of import: only for those who ask for frames

        return pandas.DataFrame.from_records(self.dicts())
