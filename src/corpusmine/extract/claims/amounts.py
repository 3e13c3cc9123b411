"""Read the value of a number written in digits or words ("1,200", "£1.13bn", "two")."""

from __future__ import annotations

import re
from collections.abc import Collection

from ...knowledge import number_words
from .records import Amount

_DIGITS = re.compile(
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?P<mult>[a-z]+)?", re.I
)


def multiplier_words() -> Collection[str]:
    """Words that scale a number ("million", "bn", "m")."""
    return number_words().multipliers.keys()


def parse_amount(text: str) -> Amount | None:
    """The number a CARDINAL/MONEY/QUANTITY/PERCENT span states, or None."""
    known = number_words()
    words, multipliers, currencies = known.words, known.multipliers, known.currencies
    currency = next((code for symbol, code in currencies.items() if symbol in text), None)
    match = _DIGITS.search(text)
    if match:
        value = float(match.group("num").replace(",", ""))
        multiplier = (match.group("mult") or "").lower()
        if multiplier in multipliers:
            value *= multipliers[multiplier]
        else:
            rest = text[match.end() :].split()
            if rest and rest[0].lower().strip(".,") in multipliers:
                value *= multipliers[rest[0].lower().strip(".,")]
        return Amount(value, currency)
    total = 0.0
    current = 0.0
    seen = False
    for token in re.findall(r"[a-z]+", text.lower()):
        if token in words and token not in multipliers:
            current += words[token]
            seen = True
        elif token in multipliers and seen:
            current = max(current, 1.0) * multipliers[token]
            if multipliers[token] >= 1000:
                total += current
                current = 0.0
    if not seen:
        return None
    return Amount(total + current, currency)
