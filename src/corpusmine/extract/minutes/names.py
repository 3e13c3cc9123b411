"""People as minutes print them: lists ("Mrs. Lewis and Messrs Ward, Paterson and
Bonnett" = three people), roles beside names ("Vice Chairman (Mr. Mycock, who took the
chair)", "F. Lund, Town Clerk", "Mayor J. Morgan"), and single names in prose."""

from __future__ import annotations

import re
from functools import cache

from ...knowledge.minutes import minutes_lexicon as lexicon
from ...records import PersonRef

_BRACKETS = re.compile(r"\(([^()]*)\)")
_OFFICE_THEN_INITIALS = re.compile(
    r"^(?P<office>(?:[A-Z][\w'’-]*\s+){1,5})(?P<name>(?:[A-Z]\.\s?)+[A-Z][\w'’-]+)$"
)
_SEPARATORS = re.compile(r"\s*(?:,|;|\s&\s|\band\b)\s*")


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lex = lexicon()
    name = re.compile(lex.name)
    roles = sorted(lex.roles, key=len, reverse=True)
    role_alt = "|".join(roles)
    # A role printed before a name ("Vice Chair Gary Whitfield", "Mayor J. Morgan").
    role_prefix = re.compile(rf"(?:(?:the\s+)?(?:{role_alt})\s+)+(?=[A-Z])")
    role_only = re.compile(rf"^(?:the\s+)?(?:{role_alt})$", re.IGNORECASE)
    titles = sorted([*lex.titles, *lex.plural_titles], key=len, reverse=True)
    title = re.compile(rf"^(?:{'|'.join(re.escape(t) for t in titles)})\.?\s+")
    return name, role_prefix, role_only, title


def is_role(text: str) -> bool:
    return bool(_patterns()[2].match(text.strip()))


def person(text: str, start: int) -> PersonRef | None:
    """The person a short entry names ("Cllr S. Okafor (Town Mayor)", "J. Carter, Town
    Clerk", "Vice Chair Gary Whitfield"), or None for a role alone or no name."""
    refs = names_in_list(text, start)
    return refs[0] if len(refs) == 1 else None


def names_in_list(text: str, start: int) -> list[PersonRef]:
    """Every person of a printed list, each with the span of the name in the text
    (``start`` is the offset of ``text`` in the document)."""
    lex = lexicon()
    name_re, role_prefix, role_only, title_re = _patterns()
    found: list[PersonRef] = []
    # Brackets first: they hold a role ("(Chairman)") or the name of a role ("Vice
    # Chairman (Mr. Mycock, who took the chair)"); both belong to the entry before them.
    entries = _entries(text)
    plural: str | None = None
    for entry_start, entry_end, given_role in entries:
        entry = text[entry_start:entry_end]
        role: str | None = given_role
        bracket = _BRACKETS.search(entry)
        inner_ref: PersonRef | None = None
        remote = False
        if bracket:
            inner = bracket.group(1).strip()
            head = inner.split(",")[0].strip()
            before = entry[: bracket.start()].strip()
            # The name is inside the brackets only when a role (or nothing) is outside:
            # "Vice Chairman (Mr. Mycock, ...)", "the Clerk (Mrs. D. Harker)"; otherwise
            # the brackets hold the role: "Mark Ellery (Licensing Manager)".
            outside_is_role = not before or is_role(before) or not _has_person_word(before)
            match = name_re.fullmatch(head)
            if outside_is_role and match and not is_role(head) and _has_person_word(head):
                inner_ref = PersonRef(head, start + entry_start + bracket.start(1)
                                      + (len(inner) - len(inner.lstrip())), 0)  # fmt: skip
                inner_ref = PersonRef(head, inner_ref.start, inner_ref.start + len(head))
            elif lex.remote_words.search(inner):
                remote = True
            elif is_role(inner) or (re.match(r"^[A-Z]", inner) and not re.search(r"\d", inner)):
                role = inner
            entry_outer = entry[: bracket.start()].rstrip()
        else:
            entry_outer = entry
        outer = entry_outer.strip()
        lead = entry_outer.find(outer) if outer else 0
        if inner_ref is not None:
            found.append(PersonRef(inner_ref.name, inner_ref.start, inner_ref.end,
                                   outer or role))  # fmt: skip
            continue
        if outer and is_role(outer) and found and found[-1].role is None:
            # "Neil Foster, County Manager, ...": a role after a comma is the role of
            # the name before it.
            last = found[-1]
            found[-1] = PersonRef(last.name, last.start, last.end, outer)
            continue
        if not outer or lex.not_people.match(outer.rstrip(".")) or is_role(outer):
            continue
        offset = entry_start + lead
        outer = outer.rstrip(".") if not re.search(r"\b[A-Z]\.$", outer) else outer
        # A role printed before the name.
        prefix = role_prefix.match(outer)
        if prefix and prefix.end() < len(outer):
            role = role or outer[: prefix.end()].strip()
            offset += prefix.end()
            outer = outer[prefix.end() :]
        plural_title = title_re.match(outer)
        if plural_title and plural_title.group().strip() in lex.plural_titles:
            plural = lex.plural_titles[plural_title.group().strip()]
            offset += plural_title.end()
            outer = outer[plural_title.end() :]
            surname_only = True
        else:
            surname_only = title_re.match(outer) is None
            if not surname_only:
                plural = None  # an entry with its own title ends a distributed title
        match = name_re.fullmatch(outer)
        if not match:
            # A title of office the role list does not know, before initials: "Acting
            # Deputy Fire Chief G. Bridge" (the initials mark where the name starts).
            office = _OFFICE_THEN_INITIALS.match(outer)
            if office and not role:
                role = office.group("office").strip()
                offset += office.start("name")
                outer = office.group("name")
                match = name_re.fullmatch(outer)
        if not match or not _has_person_word(outer):
            continue
        printed = f"{plural} {outer}" if plural and surname_only else outer
        ref = PersonRef(printed, start + offset, start + offset + len(outer), role)
        found.append(ref if not remote else PersonRef(ref.name, ref.start, ref.end, "remote"))
    return found


def _has_person_word(text: str) -> bool:
    """Some word that is not a title: "Mr." alone is no one."""
    _, _, _, title_re = _patterns()
    rest = title_re.sub("", text).strip()
    return bool(re.search(r"[A-Z][a-z'’]", rest)) and not is_role(rest)


def _entries(text: str) -> list[tuple[int, int, str | None]]:
    """Spans of the list's entries: split at commas, semicolons and "and", never inside
    brackets. With semicolons present they alone separate entries, so that "F. Lund,
    Town Clerk; G. Ito, Treasurer" keeps each role with its name."""
    depth = 0
    cuts: list[tuple[int, int]] = []
    semicolons = ";" in text
    pattern = re.compile(r"\s*;\s*") if semicolons else _SEPARATORS
    masked = []
    for ch in text:
        depth += ch == "("
        masked.append("\0" if depth else ch)
        depth -= ch == ")" and depth > 0
    plain = "".join(masked)
    position = 0
    for match in pattern.finditer(plain):
        cuts.append((position, match.start()))
        position = match.end()
    cuts.append((position, len(text)))
    entries = [(a, b) for a, b in cuts if text[a:b].strip()]
    out: list[tuple[int, int, str | None]] = []
    for a, b in entries:
        piece = text[a:b]
        # "F. Lund, Town Clerk" between semicolons: a name, then its role.
        if semicolons and "," in piece and "(" not in piece:
            name_part, role_part = piece.split(",", 1)
            if is_role(role_part.strip()):
                out.append((a, a + len(name_part), role_part.strip()))
                continue
        out.append((a, b, None))
    return out
