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
        # Nodes are numbered on arrival, so each call hashes a node once and the rest of
        # the work is on integers.
        self._ids: dict[Hashable, int] = {}
        self._nodes: list[Hashable] = []
        self._parent: list[int] = []
        self._data: dict[int, _Component] = {}  # root number -> its set's constraints
        self._order: dict[int, tuple[str, str]] = {}  # root choice keys, built once
        self._compatible = compatible
        self.refused: list[tuple[Hashable, Hashable, str]] = []

    def __contains__(self, node: Hashable) -> bool:
        return node in self._ids

    def add(
        self, node: Hashable, full_name: FullName | None = None, group: str | None = None
    ) -> None:
        """Register ``node`` (idempotent), optionally carrying a full name or user group."""
        number = self._number(node)
        if full_name is None and group is None:
            return
        data = self._data[self._root(number)]
        if full_name is not None:
            data.full_names.add(full_name)
        if group is not None:
            data.group = group

    def find(self, node: Hashable) -> Hashable:
        return self._nodes[self._root(self._ids[node])]

    def union(self, a: Hashable, b: Hashable, why: str = "") -> bool:
        """Merge the sets of ``a`` and ``b`` unless a constraint forbids it."""
        ra, rb = self._root(self._number(a)), self._root(self._number(b))
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
        if self._order_key(ra) > self._order_key(rb):  # deterministic root choice
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

    def _number(self, node: Hashable) -> int:
        """The number of ``node``, registering it when new."""
        number = self._ids.get(node)
        if number is None:
            number = self._ids[node] = len(self._nodes)
            self._nodes.append(node)
            self._parent.append(number)
            self._data[number] = _Component()
        return number

    def _root(self, number: int) -> int:
        parent = self._parent
        root = number
        while parent[root] != root:
            root = parent[root]
        while parent[number] != root:  # path compression
            parent[number], number = root, parent[number]
        return root

    def _order_key(self, number: int) -> tuple[str, str]:
        key = self._order.get(number)
        if key is None:
            node = self._nodes[number]
            key = self._order[number] = (repr(node), str(node))
        return key
