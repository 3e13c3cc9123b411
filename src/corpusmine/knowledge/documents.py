"""Knowledge about whole documents: the names metadata may give a document kind, and the
page debris (ad slots, promotions, teasers) a reader drops (``debris.yaml``)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from ..records import DocumentKind
from .files import load_yaml


@cache
def kind_names() -> Mapping[str, DocumentKind]:
    """Every name of a kind a header or manifest may use (lower case) -> the kind."""
    names = {kind.value: kind for kind in DocumentKind}
    aliases = load_yaml("document_kinds.yaml")["kind_aliases"]
    names.update({str(k).lower(): DocumentKind(v) for k, v in aliases.items()})
    return MappingProxyType(names)


@dataclass(frozen=True)
class DebrisRules:
    """Full-line patterns of page debris, teaser links, and the shortest doubled caption."""

    lines: tuple[re.Pattern[str], ...]
    teasers: tuple[re.Pattern[str], ...]
    caption_min_chars: int


@cache
def debris_rules() -> DebrisRules:
    """The page-debris rules of ``debris.yaml``, compiled (case-insensitive, whole line)."""
    data = load_yaml("debris.yaml")

    def compile_all(key: str) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(rf"\s*(?:{p})\s*", re.IGNORECASE) for p in data[key])

    return DebrisRules(
        lines=compile_all("lines"),
        teasers=compile_all("teasers"),
        caption_min_chars=int(data["caption_min_chars"]),
    )
