"""Union-find with cannot-link constraints.

Nodes are references, names and acronyms; each edge is a piece of evidence that two
nodes name the same entity. Edges are applied strongest first, and an edge is refused
when it would put two *distinct full names* in one entity (two different people, two
different councils), or two names a user's alias file keeps apart. So a chain of weak
evidence ("NNC" -> ... -> "West Northamptonshire Council") can never merge entities that
the names themselves say are different.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field

FullName = tuple[str, tuple[str, ...]]  # (entity type, comparison tokens)


@dataclass
class _Component:
    full_names: set[FullName] = field(default_factory=set)
    group: str | None = None  # user alias group (canonical name), if any


class ConstrainedUnion:
    """Disjoint sets whose unions respect ``compatible`` over their full names."""

    def __init__(self, compatible: Callable[[FullName, FullName], bool]) -> None:
        self._parent: dict[Hashable, Hashable] = {}
        self._data: dict[Hashable, _Component] = {}
        self._compatible = compatible
        self.refused: list[tuple[Hashable, Hashable, str]] = []

    def add(
        self, node: Hashable, full_name: FullName | None = None, group: str | None = None
    ) -> None:
        """Register ``node`` (idempotent), optionally carrying a full name or user group."""
        if node not in self._parent:
            self._parent[node] = node
            self._data[node] = _Component()
        root = self.find(node)
        data = self._data[root]
        if full_name is not None:
            data.full_names.add(full_name)
        if group is not None:
            data.group = group

    def find(self, node: Hashable) -> Hashable:
        parent = self._parent
        root = node
        while parent[root] != root:
            root = parent[root]
        while parent[node] != root:  # path compression
            parent[node], node = root, parent[node]
        return root

    def union(self, a: Hashable, b: Hashable, why: str = "") -> bool:
        """Merge the sets of ``a`` and ``b`` unless a constraint forbids it."""
        self.add(a)
        self.add(b)
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        da, db = self._data[ra], self._data[rb]
        if da.group and db.group and da.group != db.group:
            self.refused.append((a, b, why))
            return False
        if not (da.group and da.group == db.group):
            for x in da.full_names:
                for y in db.full_names:
                    if x != y and not self._compatible(x, y):
                        self.refused.append((a, b, why))
                        return False
        if (repr(ra), str(ra)) > (repr(rb), str(rb)):  # deterministic root choice
            ra, rb, da, db = rb, ra, db, da
        self._parent[rb] = ra
        da.full_names |= db.full_names
        da.group = da.group or db.group
        del self._data[rb]
        return True

    def groups(self, nodes: Iterable[Hashable]) -> dict[Hashable, list[Hashable]]:
        """Nodes grouped by their set's root."""
        out: dict[Hashable, list[Hashable]] = {}
        for node in nodes:
            out.setdefault(self.find(node), []).append(node)
        return out
