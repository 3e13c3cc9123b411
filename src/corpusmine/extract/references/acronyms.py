"""Acronyms defined in the text: the one acronym finder of corpusmine.

Definitions follow Schwartz & Hearst (2003), "A simple algorithm for identifying
abbreviation definitions in biomedical text": a short form in parentheses after its long
form ("North Northamptonshire Council (NNC)") or the reverse ("NNC (North
Northamptonshire Council)"). The long form is the shortest run of words ending before
the parenthesis whose characters contain the short form's characters in order, the first
short-form character starting a word, within min(|SF| + 5, 2|SF|) words. One
refinement: when some run of words before the parenthesis spells the short form by
its initials, the shortest such run is preferred, because plain Schwartz-Hearst stops
too early on names that repeat a letter ("North Northamptonshire Council (NNC)" would
give "Northamptonshire Council").

``resolve.names.letters_match`` says whether an acronym spells the initials of some
words: each content word gives its first letter, function words may give theirs ("DfE"
= Department for Education); resolution also uses it for acronyms never defined.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...records import Definition
from ...resolve.names import is_acronym, letters_match, straighten

if TYPE_CHECKING:
    from ...knowledge import NameLexicon as Lexicon

_PARENS = re.compile(r"\(([^()\n]{1,200})\)")
# A long form does not run over the end of a sentence or clause.
_CLAUSE_BREAK = re.compile(r"[.;:!?\n()\[\]“”\"]")


def valid_short_form(text: str) -> bool:
    """A short form is one acronym-shaped word ("NCT", "DfE"); "(Cons)" is not one."""
    return is_acronym(text)


def best_long_form(short: str, candidate: str) -> int | None:
    """Start offset in ``candidate`` of the long form of ``short``, or None.

    Walk both strings from the end: every alphanumeric character of the short form must
    be found, in order, in the candidate; the first one must also begin a word. The long
    form starts at the beginning of the word where the first character was found.
    """
    s = len(short) - 1
    c = len(candidate) - 1
    while s >= 0:
        char = short[s].lower()
        if not char.isalnum():
            s -= 1
            continue
        while c >= 0 and (
            candidate[c].lower() != char or (s == 0 and c > 0 and candidate[c - 1].isalnum())
        ):
            c -= 1
        if c < 0:
            return None
        c -= 1
        s -= 1
    return candidate.rfind(" ", 0, c + 1) + 1


def _words_before(text: str, end: int, limit: int) -> int:
    """Start offset of at most ``limit`` words ending at ``end``, within one clause."""
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, max(0, end - 400), end)]
    floor = breaks[-1] if breaks else max(0, end - 400)
    spans = [m.start() for m in re.finditer(r"\S+", text[floor:end])]
    if not spans:
        return end
    return floor + spans[max(0, len(spans) - limit)]


def _initials_start(short: str, window: str, lex: Lexicon) -> int | None:
    """Offset in ``window`` of the shortest final run of words spelling ``short``."""
    starts = [m.start() for m in re.finditer(r"\S+", window)]
    for start in reversed(starts):
        if letters_match(short, window[start:].split(), lex):
            return start
    return None


def find_definitions(document: str, text: str, lex: Lexicon) -> list[Definition]:
    """Every short/long form pair defined in ``text``."""
    found: list[Definition] = []
    for match in _PARENS.finditer(text):
        inner = match.group(1).strip()
        inner_start = match.start(1) + (len(match.group(1)) - len(match.group(1).lstrip()))
        words_inside = inner.split()
        if len(words_inside) <= 2 and valid_short_form(inner):
            # "Long Form (SF)": search the words before the parenthesis.
            short = inner
            limit = min(len(short) + 5, 2 * len(short))
            end = len(text[: match.start()].rstrip())
            start = _words_before(text, end, limit)
            window = text[start:end]
            offset = _initials_start(short, window, lex)
            if offset is None:
                offset = best_long_form(short, window)
            if offset is None:
                continue
            long_start, long_end = start + offset, end
            found.append(
                Definition(document, short, text[long_start:long_end], inner_start,
                           inner_start + len(inner), long_start, long_end)
            )  # fmt: skip
        elif len(words_inside) > 2:
            # "SF (Long Form)": the word before the parenthesis is the short form.
            before = re.search(r"(\S+)\s*$", text[: match.start()])
            if not before or not valid_short_form(before.group(1)):
                continue
            short = before.group(1)
            offset = 0 if letters_match(short, inner.split(), lex) else best_long_form(short, inner)
            if offset is None or len(inner[offset:].split()) > min(len(short) + 5, 2 * len(short)):
                continue
            found.append(
                Definition(document, short, inner[offset:], before.start(1), before.end(1),
                           inner_start + offset, inner_start + len(inner))
            )  # fmt: skip
    return [d for d in found if len(d.long.split()) >= 2 and straighten(d.long) != d.short]
