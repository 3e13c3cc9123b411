"""A query's answer: a list of records that also turns into JSON-ready dicts or a DataFrame."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
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


class Results(list[T], Generic[T]):
    """Records in the order the query gives them."""

    def __init__(
        self, records: Iterable[T] = (), as_dict: Callable[[T], dict[str, Any]] = record_dict
    ) -> None:
        super().__init__(records)
        self._as_dict = as_dict

    def dicts(self) -> list[dict[str, Any]]:
        """Each record as the JSON object of DESIGN.md."""
        return [self._as_dict(record) for record in self]

    def to_frame(self) -> pandas.DataFrame:
        """A pandas DataFrame, one row per record, columns as the JSON fields."""
        import pandas  # a second of import: only for those who ask for frames

        return pandas.DataFrame.from_records(self.dicts())
