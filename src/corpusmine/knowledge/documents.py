"""Knowledge about whole documents: the names metadata may give a document kind."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from types import MappingProxyType

from ..records import DocumentKind
from .files import load_yaml


@cache
def kind_names() -> Mapping[str, DocumentKind]:
    """Every name of a kind a header or manifest may use (lower case) -> the kind."""
    names = {kind.value: kind for kind in DocumentKind}
    aliases = load_yaml("document_kinds.yaml").get("kind_aliases") or {}
    names.update({str(k).lower(): DocumentKind(v) for k, v in aliases.items()})
    return MappingProxyType(names)
