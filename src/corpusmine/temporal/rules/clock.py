"""Rules for clock times: "18:00 UTC", "6 pm", "noon", with or without a day."""

from __future__ import annotations

import re

from ..calendar import parse_value
from ..types import Normalized
from .base import (
    RuleContext,
    Words,
    unresolved,
)

__all__ = ["rule_time"]


_ZONES = {"utc", "gmt", "z"}


def rule_time(words: Words, ctx: RuleContext) -> Normalized | None:
    """Clock times: "18:00 UTC" -> 2009-12-15T18:00Z, "6 pm", "noon", with an optional day
    ("12:00 UTC Monday", "Friday at 6pm"); without a day the document date is used."""
    w = list(words)
    for i, word in enumerate(w):
        hour = minute = None
        j = i + 1
        if word in ("noon", "midday"):
            hour, minute = 12, 0
        elif word == "midnight":
            hour, minute = 0, 0
        else:
            m = re.fullmatch(r"(\d{1,2}):(\d{2})", word) or (
                re.fullmatch(r"(\d{1,2})\.(\d{2})", word)
                if j < len(w) and w[j] in ("am", "pm")
                else None
            )
            m4 = re.fullmatch(r"([01]\d|2[0-3])([0-5]\d)", word)
            if m:
                hour, minute = int(m[1]), int(m[2])
            elif m4 and j < len(w) and w[j] in _ZONES | {"hours", "hrs"}:
                hour, minute = int(m4[1]), int(m4[2])
            elif re.fullmatch(r"\d{1,2}", word) and j < len(w) and w[j] in ("am", "pm"):
                hour, minute = int(word), 0
            else:
                continue
        if j < len(w) and w[j] in ("am", "pm", "o'clock"):
            if w[j] == "pm" and hour < 12:
                hour += 12
            if w[j] == "am" and hour == 12:
                hour = 0
            j += 1
        zone = ""
        while j < len(w) and w[j] in _ZONES | {"hours", "hrs", "local", "time"}:
            zone = "Z" if w[j] in _ZONES else zone
            j += 1
        if hour is None or hour > 23 or minute is None or minute > 59:
            return None
        rest = [x for x in w[:i] + w[j:] if x not in ("at", "on", "of")]
        if rest:
            day = ctx.parse(tuple(rest))
            if day is None or day.type != "DATE" or day.value is None:
                return None
            base, anchor = parse_value(day.value), day.anchor
            if base is None or base.grain != "day":
                return None
        elif ctx.previous is not None and ctx.previous.grain == "day":
            # "made its first flight Tuesday ... at 18:00 UTC": the last day mentioned.
            base, anchor = ctx.previous, "previous"
        else:
            if ctx.doc is None or ctx.doc.grain != "day":
                return unresolved("TIME")
            base, anchor = ctx.doc, "document"
        return Normalized("TIME", f"{base.value}T{hour:02d}:{minute:02d}{zone}", None, anchor)
    return None
